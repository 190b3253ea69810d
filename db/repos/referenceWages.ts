import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { type StoredReferenceWage, referenceWageSchema } from '../../src/core/guides/schema';
import { referenceWageChanges } from '../../src/core/history/changes';
import { StoreError } from '../errors';
import { type Revised, nextRevision, writeTransaction } from '../transaction';
import type { HistoryRepository } from './history';
import { bool, validate, withoutRevision } from './validate';

/** Reference wages (e.g. 上年度城镇非私营单位在岗职工平均工资), one row per name and effective date. */
interface Row {
  id: number;
  name: string;
  region: string;
  amount: string;
  per: 'month' | 'year';
  effective_from: string;
  source: string;
  sample: number;
  revision: number;
}

const fromRow = (r: Row): Revised<StoredReferenceWage> => ({
  id: r.id,
  name: r.name,
  region: r.region,
  amount: r.amount,
  per: r.per,
  effectiveFrom: r.effective_from,
  source: r.source,
  sample: bool(r.sample),
  revision: r.revision,
});

const wageName = (w: { name: string; effectiveFrom: string }) => `${w.name}（${w.effectiveFrom} 起）`;

export class ReferenceWageRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly history: HistoryRepository,
  ) {}

  list(): Revised<StoredReferenceWage>[] {
    return (this.db.prepare('SELECT * FROM reference_wages ORDER BY name, effective_from').all() as Row[]).map(fromRow);
  }

  get(id: number): Revised<StoredReferenceWage> {
    const row = this.db.prepare('SELECT * FROM reference_wages WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `找不到编号为 ${id} 的参考工资 / reference wage not found`);
    return fromRow(row);
  }

  create(input: z.input<typeof referenceWageSchema>): Revised<StoredReferenceWage> {
    const w = validate(referenceWageSchema, withoutRevision(input));
    return writeTransaction(this.db, () => {
      this.assertFree(w.name, w.effectiveFrom, null);
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO reference_wages (name, region, amount, per, effective_from, source, sample) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(w.name, w.region, w.amount, w.per, w.effectiveFrom, w.source, w.sample ? 1 : 0);
      this.history.record({ kind: 'referenceWage', id: Number(lastInsertRowid), name: wageName(w) }, 'create');
      return this.get(Number(lastInsertRowid));
    });
  }

  /** Replaces the record, if it is still at `revision` (the one the form loaded). */
  update(id: number, input: z.input<typeof referenceWageSchema>, revision: number): Revised<StoredReferenceWage> {
    const w = validate(referenceWageSchema, withoutRevision(input));
    return writeTransaction(this.db, () => {
      const old = this.get(id);
      const next = nextRevision(this.db, 'reference_wages', id, revision, `参考工资“${old.name}”（${old.effectiveFrom} 起）`);
      this.assertFree(w.name, w.effectiveFrom, id);
      this.db
        .prepare('UPDATE reference_wages SET name = ?, region = ?, amount = ?, per = ?, effective_from = ?, source = ?, sample = ?, revision = ? WHERE id = ?')
        .run(w.name, w.region, w.amount, w.per, w.effectiveFrom, w.source, w.sample ? 1 : 0, next, id);
      this.history.record({ kind: 'referenceWage', id, name: wageName(w) }, 'update', referenceWageChanges(old, w));
      return this.get(id);
    });
  }

  /**
   * The last record of a name that guide versions multiply cannot go: their coefficient cells
   * would have nothing to resolve against. An older or newer record of the same name may.
   */
  delete(id: number): void {
    writeTransaction(this.db, () => {
      const wage = this.get(id);
      const sameName = this.db.prepare('SELECT COUNT(*) AS n FROM reference_wages WHERE name = ?').get(wage.name) as { n: number };
      if (sameName.n === 1) {
        const users = this.db
          .prepare(`SELECT DISTINCT g.name FROM guide_versions v JOIN pay_guides g ON g.id = v.guide_id WHERE v.reference_wage = ? ORDER BY g.name`)
          .all(wage.name) as { name: string }[];
        if (users.length) {
          throw new StoreError(
            'CONFLICT',
            `参考工资“${wage.name}”正被指导价使用（${users.map((u) => u.name).join('、')}），这是该名称的最后一条记录，不能删除 / reference wage in use`,
          );
        }
      }
      this.history.record({ kind: 'referenceWage', id, name: wageName(wage) }, 'delete');
      this.db.prepare('DELETE FROM reference_wages WHERE id = ?').run(id);
    });
  }

  private assertFree(name: string, effectiveFrom: string, exceptId: number | null) {
    const row = this.db.prepare('SELECT id FROM reference_wages WHERE name = ? AND effective_from = ?').get(name, effectiveFrom) as { id: number } | undefined;
    if (row && row.id !== exceptId) {
      throw new StoreError('CONFLICT', `参考工资“${name}”在 ${effectiveFrom} 已有一条记录 / duplicate reference wage`);
    }
  }
}
