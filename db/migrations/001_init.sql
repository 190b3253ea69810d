-- Paybench store, version 1. Money, rates and coefficients are TEXT exactly as given (never REAL),
-- so a stored "6500.00" comes back as "6500.00". Child rows keep their order in `position`.

CREATE TABLE pay_guides (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,          -- 指导价名称
  issuer    TEXT NOT NULL DEFAULT '',      -- 发布单位
  region    TEXT NOT NULL DEFAULT '',      -- 地区
  sample    INTEGER NOT NULL DEFAULT 0     -- 1 = 示例数据
);

CREATE TABLE guide_versions (
  id             INTEGER PRIMARY KEY,
  guide_id       INTEGER NOT NULL REFERENCES pay_guides(id) ON DELETE CASCADE,
  label          TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  document_no    TEXT NOT NULL DEFAULT '',
  includes       TEXT NOT NULL CHECK (includes IN ('gross', 'employerCost')),
  unit           TEXT NOT NULL CHECK (unit IN ('month', 'year')),
  reference_wage TEXT,
  source         TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  UNIQUE (guide_id, label)
);
CREATE INDEX guide_versions_guide ON guide_versions (guide_id);

CREATE TABLE guide_cells (
  id          INTEGER PRIMARY KEY,
  version_id  INTEGER NOT NULL REFERENCES guide_versions(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  post        TEXT NOT NULL,
  grade       TEXT NOT NULL,
  step        INTEGER NOT NULL,
  amount      TEXT,
  coefficient TEXT,
  CHECK ((amount IS NULL) <> (coefficient IS NULL)),
  UNIQUE (version_id, post, grade, step)
);

CREATE TABLE guide_allowances (
  id            INTEGER PRIMARY KEY,
  version_id    INTEGER NOT NULL REFERENCES guide_versions(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  qualification TEXT NOT NULL,
  amount        TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('monthly', 'oneOff'))
);
CREATE INDEX guide_allowances_version ON guide_allowances (version_id);

CREATE TABLE reference_wages (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  region         TEXT NOT NULL DEFAULT '',
  amount         TEXT NOT NULL,
  per            TEXT NOT NULL CHECK (per IN ('month', 'year')),
  effective_from TEXT NOT NULL,
  source         TEXT NOT NULL DEFAULT '',
  sample         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (name, effective_from)
);

CREATE TABLE contribution_sets (
  id             INTEGER PRIMARY KEY,
  city           TEXT NOT NULL,
  name           TEXT NOT NULL UNIQUE,
  effective_from TEXT NOT NULL,
  floor          TEXT NOT NULL,
  ceiling        TEXT NOT NULL,
  source         TEXT NOT NULL DEFAULT '',
  sample         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contribution_items (
  id       INTEGER PRIMARY KEY,
  set_id   INTEGER NOT NULL REFERENCES contribution_sets(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  rate     TEXT NOT NULL,
  round    TEXT NOT NULL CHECK (round IN ('fen', 'yuan'))
);
CREATE INDEX contribution_items_set ON contribution_items (set_id);

CREATE TABLE contribution_levies (
  id       INTEGER PRIMARY KEY,
  set_id   INTEGER NOT NULL REFERENCES contribution_sets(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  rate     TEXT NOT NULL
);
CREATE INDEX contribution_levies_set ON contribution_levies (set_id);

-- A project references its guide and contribution set; RESTRICT keeps a used one from being deleted
-- even if the store's own friendlier check were bypassed.
CREATE TABLE projects (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL UNIQUE,
  purchaser           TEXT NOT NULL DEFAULT '',
  provider            TEXT NOT NULL DEFAULT '',
  period_start        TEXT NOT NULL,
  period_months       INTEGER NOT NULL,
  guide_id            INTEGER NOT NULL REFERENCES pay_guides(id) ON DELETE RESTRICT,
  contribution_set_id INTEGER NOT NULL REFERENCES contribution_sets(id) ON DELETE RESTRICT,
  management_rate     TEXT NOT NULL,
  tax_json            TEXT NOT NULL,
  rules_json          TEXT NOT NULL,
  purchase_by_post_json TEXT,
  notes               TEXT NOT NULL DEFAULT '',
  sample              INTEGER NOT NULL DEFAULT 0,
  updated_at          TEXT NOT NULL
);
CREATE INDEX projects_guide ON projects (guide_id);
CREATE INDEX projects_contribution_set ON projects (contribution_set_id);

-- Head counts and months are JSON numbers in spec v1 (0.5 = half-time); kept as their shortest text.
CREATE TABLE project_staff_lines (
  id            INTEGER PRIMARY KEY,
  project_id    INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  post          TEXT NOT NULL,
  grade         TEXT NOT NULL,
  step          INTEGER NOT NULL,
  qualification TEXT,
  count         TEXT NOT NULL,
  months        TEXT NOT NULL,
  bonus_months  TEXT NOT NULL,
  monthly       TEXT,
  extras_json   TEXT NOT NULL DEFAULT '[]',
  note          TEXT
);
CREATE INDEX project_staff_lines_project ON project_staff_lines (project_id);

CREATE TABLE project_cost_lines (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  category   TEXT NOT NULL,
  name       TEXT NOT NULL,
  unit_price TEXT NOT NULL,
  quantity   TEXT NOT NULL,
  times      TEXT NOT NULL,
  note       TEXT
);
CREATE INDEX project_cost_lines_project ON project_cost_lines (project_id);
