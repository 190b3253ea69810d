-- 名册附表: who of the roster is on which staff line of a project built from it (docs/design.md
-- §People: roster and statistics, "Roster → money"). Written in one transaction with the project.
-- The worker is kept as the roster had them when the project was built (序号, 姓名, 身份证号, 岗位类别,
-- 岗位等级, 档次, 持证等级): an import replaces the roster whole, so `worker_id` (roster_workers.id
-- then) is a trace, not a foreign key. `line_index` is the staff line's position (0-based) and
-- line_* the guide cell it was priced on, so an export can tell a line edited since; NULL line_index
-- = a worker the guide could not price, with the reason in `note`. Deleting the project deletes it.
CREATE TABLE project_roster_annex (
  project_id         INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,        -- order in the annex (the roster's order)
  worker_id          INTEGER,                 -- roster_workers.id when the project was built
  seq                INTEGER,                 -- 序号 on the roster
  name               TEXT NOT NULL,           -- 姓名
  id_number          TEXT,                    -- 身份证号 (local only; masked in every export)
  post_type          TEXT,                    -- 岗位类别
  post_level         TEXT,                    -- 岗位等级
  step               INTEGER,                 -- 档次
  certificate        TEXT,                    -- 持证等级
  line_index         INTEGER,                 -- staff line position, NULL = not priced
  line_post          TEXT,
  line_grade         TEXT,
  line_step          INTEGER,
  line_qualification TEXT,                    -- NULL = no allowance
  note               TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (project_id, position)
);
