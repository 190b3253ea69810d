import type Database from 'better-sqlite3';
import { COMMUNITY_RULE_PRESETS } from '../../src/core/staffing/presets';
import { type CommunityRuleSet, type CommunityRuleSetInput, communityRuleSetSchema } from '../../src/core/staffing/ruleSets';
import { ValidationError } from '../../src/core/spec/fields';
import { StoreError } from '../errors';
import { writeTransaction } from '../transaction';
import { validate } from './validate';

/**
 * Staffing rule sets the user saved (岗位配备规则, table staffing_rule_sets): a copy of a preset with
 * edited parameters and dated versions, kept whole as JSON. A row is validated on the way in and
 * again on the way out, so a hand-edited row is refused with its key named rather than used.
 * The presets themselves live in code (src/core/staffing/presets.ts) and are never stored.
 */
interface Row {
  key: string;
  body: string;
}

function fromRow(r: Row): CommunityRuleSet {
  return validate(communityRuleSetSchema, JSON.parse(r.body), `staffing_rule_sets[${r.key}]`);
}

export class RuleSetRepository {
  constructor(private readonly db: Database.Database) {}

  /** by name, as the rule picker lists them */
  list(): CommunityRuleSet[] {
    return (this.db.prepare('SELECT key, body FROM staffing_rule_sets ORDER BY name').all() as Row[]).map(fromRow);
  }

  findByKey(key: string): CommunityRuleSet | null {
    const row = this.db.prepare('SELECT key, body FROM staffing_rule_sets WHERE key = ?').get(key) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * Creates or replaces the set of that key. A preset's key is refused, so that a key printed in a
   * plan or typed at the command line always means the same rule.
   */
  save(input: CommunityRuleSetInput): CommunityRuleSet {
    const set = validate(communityRuleSetSchema, input);
    if (COMMUNITY_RULE_PRESETS.some((p) => p.key === set.key)) {
      throw new ValidationError([{ path: 'key', message: `“${set.key}”是预置规则的代号，请换一个代号保存修改后的规则 / preset keys are reserved` }]);
    }
    writeTransaction(this.db, () =>
      this.db
        .prepare(
          `INSERT INTO staffing_rule_sets (key, name, body) VALUES (?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET name = excluded.name, body = excluded.body, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
        )
        .run(set.key, set.name, JSON.stringify(set)),
    );
    return set;
  }

  delete(key: string): void {
    const { changes } = writeTransaction(this.db, () => this.db.prepare('DELETE FROM staffing_rule_sets WHERE key = ?').run(key));
    if (changes === 0) throw new StoreError('NOT_FOUND', `没有保存过代号为“${key}”的规则`);
  }
}
