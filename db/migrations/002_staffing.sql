-- Staffing rule sets saved by the user (岗位配备规则). The presets (吉林, 浦东, 每万人 18 名) live in
-- code (src/staffing); a saved set is a user's copy with edited parameters and dated versions,
-- stored whole as validated JSON (src/staffing/ruleSets.ts), its key distinct from the presets'.
CREATE TABLE staffing_rule_sets (
  key        TEXT PRIMARY KEY,             -- 规则代号, e.g. "jilin-2026"
  name       TEXT NOT NULL,                -- 规则名称
  body       TEXT NOT NULL,                -- the rule set as JSON (communityRuleSetSchema)
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
