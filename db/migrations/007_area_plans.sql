-- Area plans (区域规划) as saved objects: what the planner chose — the rule, 取值点, pricing records,
-- post mix as edited, projection parameters — kept whole as JSON (validated by db/repos/areaPlans.ts
-- on the way in and out), and the imported community list as rows of its own. Results are not
-- stored: they are recomputed from these when the plan is opened. `revision` as in migration 003.
CREATE TABLE area_plans (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,        -- 规划名称, as the plan list shows it
  file_name   TEXT NOT NULL DEFAULT '',    -- the community list's file name, '' before an import
  body        TEXT NOT NULL,               -- choices and post mix as JSON (areaPlanSettingsSchema)
  sample      INTEGER NOT NULL DEFAULT 0,  -- 1 = 示例数据
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE area_plan_communities (
  plan_id         INTEGER NOT NULL REFERENCES area_plans(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  row             INTEGER NOT NULL,        -- the sheet row it came from
  name            TEXT NOT NULL,           -- 社区名称
  district        TEXT NOT NULL,           -- 区
  street          TEXT NOT NULL,           -- 街道
  households      INTEGER NOT NULL,        -- 户数
  residents       INTEGER,                 -- 常住人口
  elderly_share   TEXT,                    -- 老年人口占比, exact decimal text
  urban_rural     TEXT NOT NULL CHECK (urban_rural IN ('urban', 'rural')),
  current_staff   INTEGER NOT NULL,        -- 现有人数
  certified_staff INTEGER NOT NULL,        -- 持证人数
  PRIMARY KEY (plan_id, position)
);
