import { ValidationError, zodProblems } from '../spec/fields';
import { COMMUNITY_RULE_PRESETS, communityRulePreset } from './presets';
import { type CommunityRuleSet, communityRuleSetSchema } from './ruleSets';

/**
 * The user's saved rule sets (table staffing_rule_sets, db/migrations/002_staffing.sql). Written
 * against the few calls of better-sqlite3 it needs, so the core does not depend on SQLite. A saved
 * set is validated on the way in and again on the way out (a hand-edited row is refused, not used).
 */
export interface SqlStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
export interface SqlDatabase {
  prepare(sql: string): SqlStatement;
}

function parseStored(key: string, body: string): CommunityRuleSet {
  const r = communityRuleSetSchema.safeParse(JSON.parse(body));
  if (!r.success) throw new ValidationError(zodProblems(r.error).map((p) => ({ path: `staffing_rule_sets[${key}].${p.path}`, message: p.message })));
  return r.data;
}

export function listSavedRuleSets(db: SqlDatabase): CommunityRuleSet[] {
  return (db.prepare('SELECT key, body FROM staffing_rule_sets ORDER BY name').all() as { key: string; body: string }[]).map((r) => parseStored(r.key, r.body));
}

export function findRuleSet(db: SqlDatabase | null, key: string): CommunityRuleSet | null {
  const preset = communityRulePreset(key);
  if (preset) return preset;
  if (!db) return null;
  const row = db.prepare('SELECT key, body FROM staffing_rule_sets WHERE key = ?').get(key) as { key: string; body: string } | undefined;
  return row ? parseStored(row.key, row.body) : null;
}

/** Saves (creates or replaces) a rule set; a preset's key is refused so a preset always means the same rule. */
export function saveRuleSet(db: SqlDatabase, input: unknown): CommunityRuleSet {
  const r = communityRuleSetSchema.safeParse(input);
  if (!r.success) throw new ValidationError(zodProblems(r.error));
  const set = r.data;
  if (COMMUNITY_RULE_PRESETS.some((p) => p.key === set.key)) {
    throw new ValidationError([{ path: 'key', message: `“${set.key}”是预置规则的代号，请换一个代号保存修改后的规则 / preset keys are reserved` }]);
  }
  db.prepare(
    `INSERT INTO staffing_rule_sets (key, name, body) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET name = excluded.name, body = excluded.body, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(set.key, set.name, JSON.stringify(set));
  return set;
}

export function deleteRuleSet(db: SqlDatabase, key: string): boolean {
  const info = db.prepare('DELETE FROM staffing_rule_sets WHERE key = ?').run(key) as { changes: number };
  return info.changes > 0;
}
