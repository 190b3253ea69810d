import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { type ContributionSet, type StoredContributionSet, contributionSetSchema } from '../../src/core/contributions/schema';
import { contributionSetChanges } from '../../src/core/history/changes';
import { type RecordLock, lockedMessage } from '../../src/core/history/locks';
import { StoreError } from '../errors';
import { type Revised, nextRevision, writeTransaction } from '../transaction';
import type { HistoryRepository } from './history';
import { bool, validate, withoutRevision } from './validate';

/** Contribution parameter sets (五险一金 rates, base floor/ceiling, payroll levies) per city and date. */
interface Row {
  id: number;
  city: string;
  name: string;
  effective_from: string;
  floor: string;
  ceiling: string;
  source: string;
  sample: number;
  revision: number;
}

/**
 * The projects that use set `?` (bound three times): priced with it, pinned to it (已提交), or taking it over within
 * the period (期间内调整, project_contribution_sets; a submitted project cannot change these, so they are pinned too).
 */
const USED_BY = `contribution_set_id = ? OR pinned_contribution_set_id = ? OR id IN (SELECT project_id FROM project_contribution_sets WHERE set_id = ?)`;

export class ContributionSetRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly history: HistoryRepository,
  ) {}

  list(): Revised<StoredContributionSet>[] {
    const rows = this.db.prepare('SELECT * FROM contribution_sets ORDER BY city, effective_from').all() as Row[];
    return rows.map((r) => this.read(r));
  }

  get(id: number): Revised<StoredContributionSet> {
    const row = this.db.prepare('SELECT * FROM contribution_sets WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `找不到编号为 ${id} 的社保公积金参数 / contribution set not found`);
    return this.read(row);
  }

  /** The set of that id, or null when there is none. */
  find(id: number): Revised<StoredContributionSet> | null {
    const row = this.db.prepare('SELECT * FROM contribution_sets WHERE id = ?').get(id) as Row | undefined;
    return row ? this.read(row) : null;
  }

  findByName(name: string): Revised<StoredContributionSet> | null {
    const row = this.db.prepare('SELECT * FROM contribution_sets WHERE name = ?').get(name.trim()) as Row | undefined;
    return row ? this.read(row) : null;
  }

  create(input: z.input<typeof contributionSetSchema>): Revised<StoredContributionSet> {
    const set = validate(contributionSetSchema, withoutRevision(input));
    return writeTransaction(this.db, () => {
      this.assertNameFree(set.name, null);
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO contribution_sets (city, name, effective_from, floor, ceiling, source, sample) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(set.city, set.name, set.effectiveFrom, set.floor, set.ceiling, set.source, set.sample ? 1 : 0);
      const id = Number(lastInsertRowid);
      this.insertChildren(id, set);
      this.history.record({ kind: 'contributionSet', id, name: set.name }, 'create');
      return this.get(id);
    });
  }

  /** Replaces the set and its items and levies, if it is still at `revision` (the one the form loaded). */
  update(id: number, input: z.input<typeof contributionSetSchema>, revision: number): Revised<StoredContributionSet> {
    const set = validate(contributionSetSchema, withoutRevision(input));
    return writeTransaction(this.db, () => {
      const old = this.get(id);
      const next = nextRevision(this.db, 'contribution_sets', id, revision, `社保公积金参数“${old.name}”`);
      const lock = this.lock(id);
      if (lock) {
        throw new StoreError(
          'LOCKED',
          lockedMessage(`社保公积金参数“${old.name}”`, '修改', lock, '请复制为一套新参数（新名称、新生效日期）后修改，并让项目改用新参数'),
        );
      }
      this.assertNameFree(set.name, id);
      this.db
        .prepare(
          'UPDATE contribution_sets SET city = ?, name = ?, effective_from = ?, floor = ?, ceiling = ?, source = ?, sample = ?, revision = ? WHERE id = ?',
        )
        .run(set.city, set.name, set.effectiveFrom, set.floor, set.ceiling, set.source, set.sample ? 1 : 0, next, id);
      this.db.prepare('DELETE FROM contribution_items WHERE set_id = ?').run(id);
      this.db.prepare('DELETE FROM contribution_levies WHERE set_id = ?').run(id);
      this.insertChildren(id, set);
      this.history.record({ kind: 'contributionSet', id, name: set.name }, 'update', contributionSetChanges(old, set));
      return this.get(id);
    });
  }

  delete(id: number): void {
    writeTransaction(this.db, () => {
      const set = this.get(id);
      const users = this.db.prepare(`SELECT name FROM projects WHERE ${USED_BY} ORDER BY name`).all(id, id, id) as { name: string }[];
      if (users.length) {
        throw new StoreError(
          'CONFLICT',
          `社保公积金参数“${set.name}”正被项目使用（${users.map((u) => u.name).join('、')}），请先改用其他参数或删除这些项目 / contribution set in use`,
        );
      }
      this.history.record({ kind: 'contributionSet', id, name: set.name }, 'delete');
      this.db.prepare('DELETE FROM contribution_sets WHERE id = ?').run(id);
    });
  }

  /**
   * A set a project uses — the one it is priced with, a later one it takes over within its period, or the one a
   * submitted project is pinned to — is locked (docs/design.md §History and locks). Sets carry no 文号 field: use alone locks them.
   */
  lock(id: number): RecordLock | null {
    const users = this.db.prepare(`SELECT name FROM projects WHERE ${USED_BY} ORDER BY name`).all(id, id, id) as { name: string }[];
    return users.length ? { documentNo: null, projects: users.map((u) => u.name) } : null;
  }

  /** Every locked set, by id. */
  locks(): Map<number, RecordLock> {
    const rows = this.db
      .prepare(
        `SELECT s.id, p.name FROM contribution_sets s
           JOIN projects p ON p.contribution_set_id = s.id OR p.pinned_contribution_set_id = s.id
                           OR p.id IN (SELECT l.project_id FROM project_contribution_sets l WHERE l.set_id = s.id)
          ORDER BY s.id, p.name`,
      )
      .all() as { id: number; name: string }[];
    const locks = new Map<number, RecordLock>();
    for (const r of rows) {
      const lock = locks.get(r.id) ?? { documentNo: null, projects: [] };
      if (!lock.projects.includes(r.name)) lock.projects.push(r.name);
      locks.set(r.id, lock);
    }
    return locks;
  }

  private assertNameFree(name: string, exceptId: number | null) {
    const row = this.db.prepare('SELECT id FROM contribution_sets WHERE name = ?').get(name) as { id: number } | undefined;
    if (row && row.id !== exceptId) throw new StoreError('CONFLICT', `已有同名社保公积金参数“${name}” / a contribution set of that name exists`);
  }

  private insertChildren(id: number, set: ContributionSet) {
    const item = this.db.prepare('INSERT INTO contribution_items (set_id, position, name, rate, round) VALUES (?, ?, ?, ?, ?)');
    set.items.forEach((it, i) => item.run(id, i, it.name, it.rate, it.round));
    const levy = this.db.prepare('INSERT INTO contribution_levies (set_id, position, name, rate) VALUES (?, ?, ?, ?)');
    set.levies.forEach((l, i) => levy.run(id, i, l.name, l.rate));
  }

  private read(r: Row): Revised<StoredContributionSet> {
    const items = this.db.prepare('SELECT name, rate, round FROM contribution_items WHERE set_id = ? ORDER BY position').all(r.id) as {
      name: string;
      rate: string;
      round: 'fen' | 'yuan';
    }[];
    const levies = this.db.prepare('SELECT name, rate FROM contribution_levies WHERE set_id = ? ORDER BY position').all(r.id) as {
      name: string;
      rate: string;
    }[];
    return {
      id: r.id,
      city: r.city,
      name: r.name,
      effectiveFrom: r.effective_from,
      floor: r.floor,
      ceiling: r.ceiling,
      items: items.map((i) => ({ name: i.name, rate: i.rate, round: i.round })),
      levies: levies.map((l) => ({ name: l.name, rate: l.rate })),
      source: r.source,
      sample: bool(r.sample),
      revision: r.revision,
    };
  }
}
