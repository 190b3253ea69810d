-- The roster (花名册): one row per worker, replaced whole by an import and edited row by row
-- (docs/design.md §People: roster and statistics). Values are stored as the importer validated
-- them (src/core/roster/schema.ts): dates as ISO text, listed fields as their Chinese value, NULL for
-- 未填. 身份证号 stays in this local file; every export masks it. `revision` guards a row's edit.
CREATE TABLE roster_workers (
  id               INTEGER PRIMARY KEY,
  seq              INTEGER NOT NULL,          -- order in the imported file (序号)
  name             TEXT NOT NULL,             -- 姓名
  gender           TEXT,                      -- 性别
  birth_date       TEXT,                      -- 出生日期
  id_number        TEXT,                      -- 身份证号
  education        TEXT,                      -- 学历
  field            TEXT,                      -- 领域
  title            TEXT,                      -- 职称
  certificate      TEXT,                      -- 持证等级
  certificate_date TEXT,                      -- 取证日期
  post_type        TEXT,                      -- 岗位类别
  post_level       TEXT,                      -- 岗位等级
  step             INTEGER,                   -- 档次
  hire_date        TEXT,                      -- 入职日期
  community_years  INTEGER,                   -- 社区工作年限
  community        TEXT,                      -- 所在社区
  street           TEXT,                      -- 所在街道
  district         TEXT,                      -- 所在区
  ratings          TEXT NOT NULL DEFAULT '',  -- 考核, as the sheet writes it: 2024:优秀;2025:合格
  party_post       INTEGER,                   -- 党建岗: 1 是, 0 否
  revision         INTEGER NOT NULL DEFAULT 1,
  updated_at       TEXT NOT NULL
);
CREATE INDEX roster_workers_place ON roster_workers (district, street, community);
