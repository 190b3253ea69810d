-- The change history takes grading schemes (定级晋升参数, docs/design.md §Grading as data, editing):
-- a new dated version, an edit of a version not yet in force, a version removed, each field its own
-- row of change_log. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with
-- 'gradingScheme' among the object kinds, its rows and indexes as they were (object_id of a scheme is
-- the rowid of grading_schemes, which an update keeps).
CREATE TABLE change_log_011 (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user        TEXT NOT NULL,
  object_kind TEXT NOT NULL CHECK (object_kind IN ('guide', 'guideVersion', 'referenceWage', 'contributionSet', 'project', 'gradingScheme')),
  object_id   INTEGER NOT NULL,
  object_name TEXT NOT NULL,
  guide_id    INTEGER,
  action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'submit', 'withdraw', 'reprice')),
  field       TEXT NOT NULL DEFAULT '',
  old_value   TEXT,
  new_value   TEXT
);
INSERT INTO change_log_011 (id, at, user, object_kind, object_id, object_name, guide_id, action, field, old_value, new_value)
  SELECT id, at, user, object_kind, object_id, object_name, guide_id, action, field, old_value, new_value FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_011 RENAME TO change_log;
CREATE INDEX change_log_object ON change_log (object_kind, object_id);
CREATE INDEX change_log_guide ON change_log (guide_id);
CREATE INDEX change_log_at ON change_log (at);
