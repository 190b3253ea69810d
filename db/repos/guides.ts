import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  type GuideHeaderInput,
  type GuideVersion,
  type PayGuide,
  type StoredGuideVersion,
  type StoredPayGuide,
  guideHeaderSchema,
  guideVersionSchema,
  payGuideSchema,
} from '../../src/core/guides/schema';
import { repeatedCells } from '../../src/core/guides/distinctCells';
import { guideHeaderChanges, versionChanges } from '../../src/core/history/changes';
import { type RecordLock, isLocked, lockedMessage, versionsInForceDuring } from '../../src/core/history/locks';
import { ValidationError } from '../../src/core/spec/fields';
import { StoreError } from '../errors';
import { type Revised, nextRevision, writeTransaction } from '../transaction';
import type { HistoryRepository } from './history';
import { bool, validate, withoutRevision } from './validate';

/** Pay guides (薪酬指导价) with their dated versions, cells and allowances. */
export interface GuideVersionSummary {
  id: number;
  label: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  documentNo: string;
  includes: 'gross' | 'employerCost';
  unit: 'month' | 'year';
  referenceWage: string | null;
  cellCount: number;
  revision: number;
  /** set when the version has a 文号 or a project uses it: it is then never edited in place (docs/design.md §History and locks) */
  lock: RecordLock | null;
}

export interface GuideSummary {
  id: number;
  name: string;
  issuer: string;
  region: string;
  sample: boolean;
  projectCount: number;
  revision: number;
  versions: GuideVersionSummary[];
}

/** A guide as the store hands it out: its header's revision, and each version's own. */
export type RevisedGuide = Omit<Revised<StoredPayGuide>, 'versions'> & { versions: Revised<StoredGuideVersion>[] };

interface VersionRow {
  id: number;
  guide_id: number;
  label: string;
  effective_from: string;
  effective_to: string | null;
  document_no: string;
  includes: 'gross' | 'employerCost';
  unit: 'month' | 'year';
  reference_wage: string | null;
  source: string;
  notes: string;
  revision: number;
}

/** Two cells for the same post/grade/step would make a lookup ambiguous: refuse with the row named. */
function checkDistinctCells(version: GuideVersion, path: string) {
  const problems = repeatedCells(version.cells).map(({ index: i, first }) => {
    const c = version.cells[i]!;
    return { path: `${path}cells[${i}]`, message: `与第 ${first + 1} 行重复：${c.post}/${c.grade}/${c.step}档 / duplicate cell` };
  });
  if (version.cells.some((c) => c.coefficient !== undefined) && !version.referenceWage) {
    problems.push({ path: `${path}referenceWage`, message: '有系数单元格时须指定参考工资名称 / coefficient cells need a reference wage' });
  }
  if (problems.length) throw new ValidationError(problems);
}

const versionName = (guideName: string, label: string) => `${guideName} · ${label}`;

export class GuideRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly history: HistoryRepository,
  ) {}

  list(): GuideSummary[] {
    const guides = this.db
      .prepare(
        `SELECT g.id, g.name, g.issuer, g.region, g.sample, g.revision,
                (SELECT COUNT(*) FROM projects p WHERE p.guide_id = g.id) AS project_count
           FROM pay_guides g ORDER BY g.name`,
      )
      .all() as { id: number; name: string; issuer: string; region: string; sample: number; revision: number; project_count: number }[];
    const versions = this.db
      .prepare(
        `SELECT v.*, (SELECT COUNT(*) FROM guide_cells c WHERE c.version_id = v.id) AS cell_count
           FROM guide_versions v ORDER BY v.guide_id, v.effective_from`,
      )
      .all() as (VersionRow & { cell_count: number })[];
    const locks = this.allLocks();
    return guides.map((g) => ({
      id: g.id,
      name: g.name,
      issuer: g.issuer,
      region: g.region,
      sample: bool(g.sample),
      projectCount: g.project_count,
      revision: g.revision,
      versions: versions
        .filter((v) => v.guide_id === g.id)
        .map((v) => ({
          id: v.id,
          label: v.label,
          effectiveFrom: v.effective_from,
          effectiveTo: v.effective_to,
          documentNo: v.document_no,
          includes: v.includes,
          unit: v.unit,
          referenceWage: v.reference_wage,
          cellCount: v.cell_count,
          revision: v.revision,
          lock: locks.get(v.id) ?? null,
        })),
    }));
  }

  get(id: number): RevisedGuide {
    const g = this.db.prepare('SELECT * FROM pay_guides WHERE id = ?').get(id) as
      { id: number; name: string; issuer: string; region: string; sample: number; revision: number } | undefined;
    if (!g) throw new StoreError('NOT_FOUND', `找不到编号为 ${id} 的指导价 / pay guide not found`);
    const rows = this.db.prepare('SELECT * FROM guide_versions WHERE guide_id = ? ORDER BY effective_from').all(id) as VersionRow[];
    return {
      id: g.id,
      name: g.name,
      issuer: g.issuer,
      region: g.region,
      sample: bool(g.sample),
      revision: g.revision,
      versions: rows.map((r) => this.readVersion(r)),
    };
  }

  findByName(name: string): RevisedGuide | null {
    const row = this.db.prepare('SELECT id FROM pay_guides WHERE name = ?').get(name.trim()) as { id: number } | undefined;
    return row ? this.get(row.id) : null;
  }

  getVersion(versionId: number): Revised<StoredGuideVersion> {
    const row = this.db.prepare('SELECT * FROM guide_versions WHERE id = ?').get(versionId) as VersionRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `找不到编号为 ${versionId} 的指导价版本 / guide version not found`);
    return this.readVersion(row);
  }

  create(input: z.input<typeof payGuideSchema>): RevisedGuide {
    const guide: PayGuide = validate(payGuideSchema, withoutRevision(input));
    guide.versions.forEach((v, i) => checkDistinctCells(v, `versions[${i}].`));
    return writeTransaction(this.db, () => {
      this.assertNameFree(guide.name, null);
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO pay_guides (name, issuer, region, sample) VALUES (?, ?, ?, ?)')
        .run(guide.name, guide.issuer, guide.region, guide.sample ? 1 : 0);
      const id = Number(lastInsertRowid);
      this.history.record({ kind: 'guide', id, name: guide.name, guideId: id }, 'create');
      guide.versions.forEach((v) => this.insertVersion(id, v, guide.name));
      return this.get(id);
    });
  }

  /** Renames the guide or changes its issuer and region, if it is still at `revision`; its versions keep their own revisions. */
  update(id: number, input: GuideHeaderInput, revision: number): RevisedGuide {
    const header = validate(guideHeaderSchema, withoutRevision(input));
    return writeTransaction(this.db, () => {
      const old = this.get(id);
      const next = nextRevision(this.db, 'pay_guides', id, revision, `指导价“${old.name}”`);
      this.assertNameFree(header.name, id);
      const sample = header.sample ?? old.sample;
      this.db
        .prepare('UPDATE pay_guides SET name = ?, issuer = ?, region = ?, sample = ?, revision = ? WHERE id = ?')
        .run(header.name, header.issuer, header.region, sample ? 1 : 0, next, id);
      this.history.record({ kind: 'guide', id, name: header.name, guideId: id }, 'update', guideHeaderChanges(old, { ...header, sample }));
      return this.get(id);
    });
  }

  delete(id: number): void {
    writeTransaction(this.db, () => {
      const guide = this.get(id);
      const users = this.db.prepare('SELECT name FROM projects WHERE guide_id = ? ORDER BY name').all(id) as { name: string }[];
      if (users.length) {
        throw new StoreError(
          'CONFLICT',
          `指导价“${guide.name}”正被项目使用（${users.map((u) => u.name).join('、')}），请先改用其他指导价或删除这些项目 / pay guide in use`,
        );
      }
      const locks = this.locks(id);
      const locked = guide.versions.find((v) => locks.has(v.id));
      if (locked) {
        throw new StoreError(
          'LOCKED',
          lockedMessage(`指导价“${guide.name}”的版本“${locked.label}”`, '删除', locks.get(locked.id)!, '有文号的指导价作为正式记录保留，不能删除'),
        );
      }
      this.history.record({ kind: 'guide', id, name: guide.name, guideId: id }, 'delete');
      this.db.prepare('DELETE FROM pay_guides WHERE id = ?').run(id);
    });
  }

  addVersion(guideId: number, input: z.input<typeof guideVersionSchema>): Revised<StoredGuideVersion> {
    const version = validate(guideVersionSchema, withoutRevision(input));
    checkDistinctCells(version, '');
    return writeTransaction(this.db, () => {
      const guide = this.get(guideId);
      this.assertLabelFree(guide, version.label, null);
      return this.getVersion(this.insertVersion(guideId, version, guide.name));
    });
  }

  /**
   * Replaces a version's header, cells and allowances in one transaction, if it is still at
   * `revision` — the one the grid editor loaded; else nothing is written (StaleRevisionError).
   */
  updateVersion(versionId: number, input: z.input<typeof guideVersionSchema>, revision: number): Revised<StoredGuideVersion> {
    const v = validate(guideVersionSchema, withoutRevision(input));
    checkDistinctCells(v, '');
    return writeTransaction(this.db, () => {
      const old = this.getVersion(versionId);
      const guide = this.get(old.guideId);
      const next = nextRevision(this.db, 'guide_versions', versionId, revision, `指导价“${guide.name}”的版本“${old.label}”`);
      this.assertUnlocked(guide.name, old, '修改');
      this.assertLabelFree(guide, v.label, versionId);
      this.db
        .prepare(
          `UPDATE guide_versions SET label = ?, effective_from = ?, effective_to = ?, document_no = ?, includes = ?, unit = ?,
                  reference_wage = ?, source = ?, notes = ?, revision = ? WHERE id = ?`,
        )
        .run(v.label, v.effectiveFrom, v.effectiveTo, v.documentNo, v.includes, v.unit, v.referenceWage, v.source, v.notes, next, versionId);
      this.db.prepare('DELETE FROM guide_cells WHERE version_id = ?').run(versionId);
      this.db.prepare('DELETE FROM guide_allowances WHERE version_id = ?').run(versionId);
      this.insertChildren(versionId, v);
      this.history.record({ kind: 'guideVersion', id: versionId, name: versionName(guide.name, v.label), guideId: guide.id }, 'update', versionChanges(old, v));
      return this.getVersion(versionId);
    });
  }

  /** A guide keeps at least one version: deleting the last one is refused (delete the guide instead). */
  deleteVersion(versionId: number): void {
    writeTransaction(this.db, () => {
      const v = this.getVersion(versionId);
      const guide = this.get(v.guideId);
      if (guide.versions.length === 1) {
        throw new StoreError('CONFLICT', `“${guide.name}”只剩这一个版本（${v.label}），不能删除；如要删除请删除整个指导价 / last version`);
      }
      this.assertUnlocked(guide.name, v, '删除');
      this.history.record({ kind: 'guideVersion', id: versionId, name: versionName(guide.name, v.label), guideId: guide.id }, 'delete');
      this.db.prepare('DELETE FROM guide_versions WHERE id = ?').run(versionId);
    });
  }

  /**
   * The locked versions of a guide (docs/design.md §History and locks): a version with a 文号; a
   * version a submitted project is pinned to; a version in force in any month of a project that is
   * not submitted. Versions not in the map are free to edit.
   */
  locks(guideId: number): Map<number, RecordLock> {
    return this.lockRows(guideId);
  }

  /** The lock on one version, or null when it may be edited in place. */
  versionLock(versionId: number): RecordLock | null {
    const v = this.getVersion(versionId);
    return this.locks(v.guideId).get(versionId) ?? null;
  }

  private allLocks(): Map<number, RecordLock> {
    return this.lockRows(null);
  }

  private lockRows(guideId: number | null): Map<number, RecordLock> {
    const scope = guideId === null ? '' : 'WHERE guide_id = ?';
    const args = guideId === null ? [] : [guideId];
    const versions = this.db.prepare(`SELECT id, guide_id, effective_from, effective_to, document_no FROM guide_versions ${scope}`).all(...args) as {
      id: number;
      guide_id: number;
      effective_from: string;
      effective_to: string | null;
      document_no: string;
    }[];
    const users = new Map<number, Set<string>>();
    const use = (versionId: number, project: string) => {
      const set = users.get(versionId) ?? new Set<string>();
      set.add(project);
      users.set(versionId, set);
    };
    const pinned = this.db
      .prepare(
        `SELECT pv.version_id, p.name FROM project_pinned_versions pv JOIN projects p ON p.id = pv.project_id
           JOIN guide_versions v ON v.id = pv.version_id ${guideId === null ? '' : 'WHERE v.guide_id = ?'} ORDER BY p.name`,
      )
      .all(...args) as { version_id: number; name: string }[];
    for (const r of pinned) use(r.version_id, r.name);
    const drafts = this.db
      .prepare(
        `SELECT name, guide_id, period_start, period_months FROM projects WHERE submitted_at IS NULL ${guideId === null ? '' : 'AND guide_id = ?'} ORDER BY name`,
      )
      .all(...args) as { name: string; guide_id: number; period_start: string; period_months: number }[];
    const byGuide = new Map<number, { id: number; effectiveFrom: string; effectiveTo: string | null }[]>();
    for (const v of versions) {
      const list = byGuide.get(v.guide_id) ?? [];
      list.push({ id: v.id, effectiveFrom: v.effective_from, effectiveTo: v.effective_to });
      byGuide.set(v.guide_id, list);
    }
    for (const p of drafts) {
      for (const v of versionsInForceDuring(byGuide.get(p.guide_id) ?? [], p.period_start, p.period_months)) use(v.id, p.name);
    }
    const locks = new Map<number, RecordLock>();
    for (const v of versions) {
      const lock: RecordLock = { documentNo: v.document_no.trim() === '' ? null : v.document_no, projects: [...(users.get(v.id) ?? [])].sort() };
      if (isLocked(lock)) locks.set(v.id, lock);
    }
    return locks;
  }

  /** Refuses (LOCKED) to change or delete a locked version in place, saying why and what to do instead. */
  private assertUnlocked(guideName: string, v: { id: number; guideId: number; label: string }, doing: '修改' | '删除') {
    const lock = this.locks(v.guideId).get(v.id);
    if (!lock) return;
    throw new StoreError(
      'LOCKED',
      lockedMessage(
        `指导价“${guideName}”的版本“${v.label}”`,
        doing,
        lock,
        doing === '修改' ? '请“另存为新版本”（复制此版本，改名和生效日期后修改），原版本保持不变' : '它作为正式记录保留',
      ),
    );
  }

  private assertNameFree(name: string, exceptId: number | null) {
    const row = this.db.prepare('SELECT id FROM pay_guides WHERE name = ?').get(name) as { id: number } | undefined;
    if (row && row.id !== exceptId) throw new StoreError('CONFLICT', `已有同名指导价“${name}” / a pay guide of that name exists`);
  }

  private assertLabelFree(guide: RevisedGuide, label: string, exceptId: number | null) {
    if (guide.versions.some((x) => x.label === label && x.id !== exceptId)) {
      throw new StoreError('CONFLICT', `指导价“${guide.name}”已有名为“${label}”的版本 / version label taken`);
    }
  }

  private insertVersion(guideId: number, v: GuideVersion, guideName: string): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO guide_versions (guide_id, label, effective_from, effective_to, document_no, includes, unit, reference_wage, source, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(guideId, v.label, v.effectiveFrom, v.effectiveTo, v.documentNo, v.includes, v.unit, v.referenceWage, v.source, v.notes);
    const id = Number(lastInsertRowid);
    this.insertChildren(id, v);
    this.history.record({ kind: 'guideVersion', id, name: versionName(guideName, v.label), guideId }, 'create');
    return id;
  }

  private insertChildren(versionId: number, v: GuideVersion) {
    const cell = this.db.prepare('INSERT INTO guide_cells (version_id, position, post, grade, step, amount, coefficient) VALUES (?, ?, ?, ?, ?, ?, ?)');
    v.cells.forEach((c, i) => cell.run(versionId, i, c.post, c.grade, c.step, c.amount ?? null, c.coefficient ?? null));
    const allowance = this.db.prepare('INSERT INTO guide_allowances (version_id, position, qualification, amount, kind) VALUES (?, ?, ?, ?, ?)');
    v.allowances.forEach((a, i) => allowance.run(versionId, i, a.qualification, a.amount, a.kind));
  }

  private readVersion(r: VersionRow): Revised<StoredGuideVersion> {
    const cells = this.db.prepare('SELECT * FROM guide_cells WHERE version_id = ? ORDER BY position').all(r.id) as {
      post: string;
      grade: string;
      step: number;
      amount: string | null;
      coefficient: string | null;
    }[];
    const allowances = this.db.prepare('SELECT * FROM guide_allowances WHERE version_id = ? ORDER BY position').all(r.id) as {
      qualification: string;
      amount: string;
      kind: 'monthly' | 'oneOff';
    }[];
    return {
      id: r.id,
      guideId: r.guide_id,
      label: r.label,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      documentNo: r.document_no,
      includes: r.includes,
      unit: r.unit,
      referenceWage: r.reference_wage,
      source: r.source,
      notes: r.notes,
      revision: r.revision,
      cells: cells.map((c) =>
        c.amount !== null
          ? { post: c.post, grade: c.grade, step: c.step, amount: c.amount }
          : { post: c.post, grade: c.grade, step: c.step, coefficient: c.coefficient! },
      ),
      allowances: allowances.map((a) => ({ qualification: a.qualification, amount: a.amount, kind: a.kind })),
    };
  }
}
