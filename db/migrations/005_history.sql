-- The change history and submitted projects (docs/design.md §History and locks).
--
-- change_log: one row per changed field of a guide, guide version (cells and allowances each by
-- its own key), reference wage, contribution set, or a project's submission — when (ISO, UTC),
-- who (the operating-system user), which object (kind, id, its name at the time), the field and
-- old → new as text. Written in the same transaction as the change. guide_id ties a version's rows
-- to its guide, so a guide's history lists both.
CREATE TABLE change_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user        TEXT NOT NULL,
  object_kind TEXT NOT NULL CHECK (object_kind IN ('guide', 'guideVersion', 'referenceWage', 'contributionSet', 'project')),
  object_id   INTEGER NOT NULL,
  object_name TEXT NOT NULL,
  guide_id    INTEGER,
  action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'submit', 'withdraw', 'reprice')),
  field       TEXT NOT NULL DEFAULT '',
  old_value   TEXT,
  new_value   TEXT
);
CREATE INDEX change_log_object ON change_log (object_kind, object_id);
CREATE INDEX change_log_guide ON change_log (guide_id);
CREATE INDEX change_log_at ON change_log (at);

-- A submitted project (已提交) is priced with what it was submitted with, not with what is in force
-- later: the guide versions its period used and its contribution set (kept by id, and locked), and a
-- snapshot of those records and the reference wages as priced (validated JSON), so that no later
-- change in the store moves its total. NULL = not submitted.
ALTER TABLE projects ADD COLUMN submitted_at TEXT;
ALTER TABLE projects ADD COLUMN submitted_by TEXT;
ALTER TABLE projects ADD COLUMN pinned_contribution_set_id INTEGER REFERENCES contribution_sets(id) ON DELETE RESTRICT;
ALTER TABLE projects ADD COLUMN pinned_refs_json TEXT;

-- The guide versions a submitted project is pinned to: the one in force at its first month (and
-- any later one its period crosses). RESTRICT keeps a pinned version from being deleted.
CREATE TABLE project_pinned_versions (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  version_id INTEGER NOT NULL REFERENCES guide_versions(id) ON DELETE RESTRICT,
  PRIMARY KEY (project_id, version_id)
);
CREATE INDEX project_pinned_versions_version ON project_pinned_versions (version_id);
