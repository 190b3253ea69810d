-- 期间内调整: the contribution sets that take over within a project's period after its first set (a July
-- base reset), earliest first (docs/design.md §Budget spec, "Stored projects: contribution sets within the
-- period"). Written with the project in one transaction. RESTRICT keeps a set a project uses from being
-- deleted, as for projects.contribution_set_id; a submitted project cannot change them, so they are also
-- the sets its pin holds.
CREATE TABLE project_contribution_sets (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  set_id     INTEGER NOT NULL REFERENCES contribution_sets(id) ON DELETE RESTRICT,
  PRIMARY KEY (project_id, position),
  UNIQUE (project_id, set_id)
);
CREATE INDEX project_contribution_sets_set ON project_contribution_sets (set_id);
