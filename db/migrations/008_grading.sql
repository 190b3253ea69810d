-- Grading schemes (定级晋升参数, docs/design.md §People: roster and statistics): 三岗十八级 bands per
-- post type, starting-level table, promotion rules, level pay, certificate allowances, the 专技 level
-- map and the certification targets, as dated versions kept whole as JSON (gradingSchemeSchema,
-- validated by db/repos/grading.ts on the way in and out). `revision` guards an edit as in migration 003.
CREATE TABLE grading_schemes (
  key         TEXT PRIMARY KEY,            -- 代号, as the CLI and the API name it
  name        TEXT NOT NULL,               -- 名称
  body        TEXT NOT NULL,               -- the whole scheme as JSON
  sample      INTEGER NOT NULL DEFAULT 0,  -- 1 = 示例数据
  updated_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1
);
