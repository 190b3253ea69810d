import type Database from 'better-sqlite3';
import {
  type GradingScheme,
  type GradingSchemeInput,
  type GradingVersion,
  type GradingVersionInput,
  gradingSchemeSchema,
  gradingVersionSchema,
  lockedGradingVersions,
} from '../../src/core/roster/gradingScheme';
import { gradingSchemeChanges } from '../../src/core/roster/gradingChanges';
import { ValidationError } from '../../src/core/spec/fields';
import { StaleRevisionError, StoreError } from '../errors';
import { type Revised, writeTransaction } from '../transaction';
import type { HistoryRepository } from './history';
import { now, validate, withoutRevision } from './validate';

/**
 * Grading schemes (定级晋升参数, migration 008): dated versions kept whole as JSON, validated on the
 * way in and again on the way out, so a hand-edited row is refused with its key named rather than
 * used (docs/design.md §People: roster and statistics). An edit names the revision it was read at.
 * Every change is recorded in the change history in the same transaction, field by field
 * (gradingChanges.ts), the scheme named by its rowid (docs/design.md §Grading as data, editing).
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
  constructor(
    private readonly db: Database.Database,
    private readonly history: HistoryRepository,
  ) {}

  /** the scheme's number in the change history: its rowid, which an update keeps */
  rowId(key: string): number {
    return (this.db.prepare('SELECT rowid AS id FROM grading_schemes WHERE key = ?').get(key) as { id: number }).id;
  }

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
      this.history.record({ kind: 'gradingScheme', id: this.rowId(s.key), name: s.name }, 'create');
    });
    return this.get(s.key);
  }

  /**
   * Saves the scheme whole if it is still at `revision`; else nothing is written (StaleRevisionError).
   * A version already in force on `today` (or before) is never edited in place or removed: the save
   * is refused (LOCKED) and a new dated version is the way to change it (docs/design.md §Grading as
   * data, editing).
   */
  update(key: string, input: GradingSchemeInput, revision: number, opts: { today?: string } = {}): StoredGradingScheme {
    const s = validate(gradingSchemeSchema, withoutRevision(input));
    if (s.key !== key) throw new ValidationError([{ path: 'key', message: `代号不能修改（“${key}”→“${s.key}”） / the key cannot change` }]);
    return writeTransaction(this.db, () => {
      const old = this.get(key);
      if (old.revision !== revision) throw new StaleRevisionError(`定级晋升参数“${old.name}”`, revision, old.revision);
      const changed = lockedGradingVersions(old, s, opts.today ?? localToday());
      if (changed.length) {
        throw new StoreError(
          'LOCKED',
          `定级晋升参数“${old.name}”自 ${changed.join('、')} 起的版本已经生效，不能直接修改或删除；请“新建生效版本”。` +
            ` / the version(s) from ${changed.join(', ')} are in force already and cannot be edited or removed: add a new dated version`,
        );
      }
      this.db
        .prepare('UPDATE grading_schemes SET name = ?, body = ?, sample = 0, updated_at = ?, revision = ? WHERE key = ?')
        .run(s.name, JSON.stringify(s), now(), old.revision + 1, key);
      this.history.record({ kind: 'gradingScheme', id: this.rowId(key), name: s.name }, 'update', gradingSchemeChanges(old, s));
      return this.get(key);
    });
  }

  /**
   * Adds a dated version (新建生效版本) to a stored scheme at `revision`, in one transaction; the
   * versions already there stay as they are. Its date must be new to the scheme.
   */
  addVersion(key: string, version: GradingVersionInput, revision: number): StoredGradingScheme {
    const v: GradingVersion = validate(gradingVersionSchema, version, 'version');
    return writeTransaction(this.db, () => {
      const old = this.get(key);
      if (old.versions.some((x) => x.effectiveFrom === v.effectiveFrom)) {
        throw new StoreError('CONFLICT', `定级晋升参数“${old.name}”已有自 ${v.effectiveFrom} 起的版本 / a version from ${v.effectiveFrom} exists already`);
      }
      const { sample: _sample, revision: _revision, ...scheme } = old;
      const versions = [...scheme.versions, v].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      return this.update(key, { ...scheme, versions }, revision);
    });
  }
}

/** today's date where the program runs, YYYY-MM-DD (as the pages show it) */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
