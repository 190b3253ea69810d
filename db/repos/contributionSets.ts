import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { type ContributionSet, type StoredContributionSet, contributionSetSchema } from '../../src/core/contributions/schema';
import { StoreError } from '../errors';
import { type Revised, nextRevision, writeTransaction } from '../transaction';
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

export class ContributionSetRepository {
  constructor(private readonly db: Database.Database) {}

  list(): Revised<StoredContributionSet>[] {
    const rows = this.db.prepare('SELECT * FROM contribution_sets ORDER BY city, effective_from').all() as Row[];
    return rows.map((r) => this.read(r));
  }

  get(id: number): Revised<StoredContributionSet> {
    const row = this.db.prepare('SELECT * FROM contribution_sets WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `找不到编号为 ${id} 的社保公积金参数 / contribution set not found`);
    return this.read(row);
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
      return this.get(id);
    });
  }

  /** Replaces the set and its items and levies, if it is still at `revision` (the one the form loaded). */
  update(id: number, input: z.input<typeof contributionSetSchema>, revision: number): Revised<StoredContributionSet> {
    const set = validate(contributionSetSchema, withoutRevision(input));
    return writeTransaction(this.db, () => {
      const old = this.get(id);
      const next = nextRevision(this.db, 'contribution_sets', id, revision, `社保公积金参数“${old.name}”`);
      this.assertNameFree(set.name, id);
      this.db
        .prepare(
          'UPDATE contribution_sets SET city = ?, name = ?, effective_from = ?, floor = ?, ceiling = ?, source = ?, sample = ?, revision = ? WHERE id = ?',
        )
        .run(set.city, set.name, set.effectiveFrom, set.floor, set.ceiling, set.source, set.sample ? 1 : 0, next, id);
      this.db.prepare('DELETE FROM contribution_items WHERE set_id = ?').run(id);
      this.db.prepare('DELETE FROM contribution_levies WHERE set_id = ?').run(id);
      this.insertChildren(id, set);
      return this.get(id);
    });
  }

  delete(id: number): void {
    writeTransaction(this.db, () => {
      const set = this.get(id);
      const users = this.db.prepare('SELECT name FROM projects WHERE contribution_set_id = ? ORDER BY name').all(id) as { name: string }[];
      if (users.length) {
        throw new StoreError(
          'CONFLICT',
          `社保公积金参数“${set.name}”正被项目使用（${users.map((u) => u.name).join('、')}），请先改用其他参数或删除这些项目 / contribution set in use`,
        );
      }
      this.db.prepare('DELETE FROM contribution_sets WHERE id = ?').run(id);
    });
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
