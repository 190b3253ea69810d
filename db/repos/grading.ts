import type Database from 'better-sqlite3';
import { type GradingScheme, type GradingSchemeInput, gradingSchemeSchema } from '../../src/core/roster/gradingScheme';
import { ValidationError } from '../../src/core/spec/fields';
import { StaleRevisionError, StoreError } from '../errors';
import { type Revised, writeTransaction } from '../transaction';
import { now, validate, withoutRevision } from './validate';

/**
 * Grading schemes (定级晋升参数, migration 008): dated versions kept whole as JSON, validated on the
 * way in and again on the way out, so a hand-edited row is refused with its key named rather than
 * used (docs/design.md §People: roster and statistics). An edit names the revision it was read at.
 */
interface Row {
  key: string;
  body: string;
  sample: number;
  revision: number;
}

export type StoredGradingScheme = Revised<GradingScheme & { sample: boolean }>;

function fromRow(r: Row): StoredGradingScheme {
  return { ...validate(gradingSchemeSchema, JSON.parse(r.body), `grading_schemes[${r.key}]`), sample: r.sample === 1, revision: r.revision };
}

export class GradingRepository {
  constructor(private readonly db: Database.Database) {}

  /** by name */
  list(): StoredGradingScheme[] {
    return (this.db.prepare('SELECT key, body, sample, revision FROM grading_schemes ORDER BY name').all() as Row[]).map(fromRow);
  }

  find(key: string): StoredGradingScheme | null {
    const row = this.db.prepare('SELECT key, body, sample, revision FROM grading_schemes WHERE key = ?').get(key) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  get(key: string): StoredGradingScheme {
    const s = this.find(key);
    if (!s) throw new StoreError('NOT_FOUND', `没有代号为“${key}”的定级晋升参数 / grading scheme not found`);
    return s;
  }

  /** the scheme to use when none is named: the only one, or the first by name; null for none stored */
  default(): StoredGradingScheme | null {
    return this.list()[0] ?? null;
  }

  /** a new scheme (its key must be free) */
  create(input: GradingSchemeInput, opts: { sample?: boolean } = {}): StoredGradingScheme {
    const s = validate(gradingSchemeSchema, withoutRevision(input));
    writeTransaction(this.db, () => {
      if (this.find(s.key)) throw new StoreError('CONFLICT', `代号“${s.key}”已被使用 / key already used`);
      this.db
        .prepare('INSERT INTO grading_schemes (key, name, body, sample, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(s.key, s.name, JSON.stringify(s), opts.sample ? 1 : 0, now());
    });
    return this.get(s.key);
  }

  /** saves the scheme whole if it is still at `revision`; else nothing is written (StaleRevisionError) */
  update(key: string, input: GradingSchemeInput, revision: number): StoredGradingScheme {
    const s = validate(gradingSchemeSchema, withoutRevision(input));
    if (s.key !== key) throw new ValidationError([{ path: 'key', message: `代号不能修改（“${key}”→“${s.key}”） / the key cannot change` }]);
    return writeTransaction(this.db, () => {
      const old = this.get(key);
      if (old.revision !== revision) throw new StaleRevisionError(`定级晋升参数“${old.name}”`, revision, old.revision);
      this.db
        .prepare('UPDATE grading_schemes SET name = ?, body = ?, sample = 0, updated_at = ?, revision = ? WHERE key = ?')
        .run(s.name, JSON.stringify(s), now(), old.revision + 1, key);
      return this.get(key);
    });
  }
}
