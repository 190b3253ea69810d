import type Database from 'better-sqlite3';
import type { FieldChange } from '../../src/core/history/changes';
import { type Project, type ProjectInput, type StoredProject, projectSchema } from '../../src/core/projects/schema';
import type { StoredContributionSet } from '../../src/core/contributions/schema';
import { laterSetProblems } from '../../src/core/projects/contributionResets';
import { ValidationError } from '../../src/core/spec/fields';
import { StoreError } from '../errors';
import { type Revised, nextRevision, writeTransaction } from '../transaction';
import { ContributionSetRepository } from './contributionSets';
import type { HistoryRepository } from './history';
import { bool, now, validate, withoutRevision } from './validate';

/** Project budgets with their staff lines and other cost lines; guide and contribution set by id. */
export interface ProjectSummary {
  id: number;
  name: string;
  purchaser: string;
  provider: string;
  periodStart: string;
  periodMonths: number;
  guideId: number;
  guideName: string;
  contributionSetId: number;
  contributionSetName: string;
  staffLines: number;
  costLines: number;
  sample: boolean;
  updatedAt: string;
  revision: number;
  /** when it was marked 已提交; null while it is not submitted */
  submittedAt: string | null;
}

/**
 * What a submitted project (已提交) is pinned to (docs/design.md §History and locks): the guide
 * versions its period used and its contribution set, by id (they are locked while pinned), and the
 * records it was priced with as JSON, which the budget service reads back and validates.
 */
export interface ProjectPin {
  versionIds: number[];
  contributionSetId: number;
  refsJson: string;
}

export interface StoredPin extends ProjectPin {
  submittedAt: string;
  submittedBy: string;
}

interface Row {
  id: number;
  name: string;
  purchaser: string;
  provider: string;
  period_start: string;
  period_months: number;
  guide_id: number;
  contribution_set_id: number;
  management_rate: string;
  tax_json: string;
  rules_json: string;
  purchase_by_post_json: string | null;
  notes: string;
  sample: number;
  updated_at: string;
  revision: number;
  submitted_at: string | null;
  submitted_by: string | null;
  pinned_contribution_set_id: number | null;
  pinned_refs_json: string | null;
}

// Head counts are JSON numbers; String(n) is their shortest round-trip text, so Number() gives n back.
const numText = (n: number) => String(n);

export class ProjectRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly history: HistoryRepository,
  ) {
    this.contributionSets = new ContributionSetRepository(db, history);
  }

  /** to check a project's sets (期间内调整) against each other; reads only */
  private readonly contributionSets: ContributionSetRepository;

  list(): ProjectSummary[] {
    const rows = this.db
      .prepare(
        `SELECT p.*, g.name AS guide_name, c.name AS set_name,
                (SELECT COUNT(*) FROM project_staff_lines s WHERE s.project_id = p.id) AS staff_lines,
                (SELECT COUNT(*) FROM project_cost_lines k WHERE k.project_id = p.id) AS cost_lines
           FROM projects p JOIN pay_guides g ON g.id = p.guide_id JOIN contribution_sets c ON c.id = p.contribution_set_id
          ORDER BY p.name`,
      )
      .all() as (Row & { guide_name: string; set_name: string; staff_lines: number; cost_lines: number })[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      purchaser: r.purchaser,
      provider: r.provider,
      periodStart: r.period_start,
      periodMonths: r.period_months,
      guideId: r.guide_id,
      guideName: r.guide_name,
      contributionSetId: r.contribution_set_id,
      contributionSetName: r.set_name,
      staffLines: r.staff_lines,
      costLines: r.cost_lines,
      sample: bool(r.sample),
      updatedAt: r.updated_at,
      revision: r.revision,
      submittedAt: r.submitted_at,
    }));
  }

  get(id: number): Revised<StoredProject> {
    const row = this.db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `找不到编号为 ${id} 的项目 / project not found`);
    return this.read(row);
  }

  findByName(name: string): Revised<StoredProject> | null {
    const row = this.db.prepare('SELECT * FROM projects WHERE name = ?').get(name.trim()) as Row | undefined;
    return row ? this.read(row) : null;
  }

  create(input: ProjectInput): Revised<StoredProject> {
    const p = validate(projectSchema, withoutRevision(input));
    return writeTransaction(this.db, () => {
      this.assertReferences(p);
      this.assertNameFree(p.name, null);
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO projects (name, purchaser, provider, period_start, period_months, guide_id, contribution_set_id,
                                 management_rate, tax_json, rules_json, purchase_by_post_json, notes, sample, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...this.columns(p));
      const id = Number(lastInsertRowid);
      this.insertLines(id, p);
      this.insertLaterSets(id, p);
      return this.get(id);
    });
  }

  /**
   * Replaces the whole project (header and every line) in one transaction, if it is still at
   * `revision` — the revision the editor loaded; else nothing is written (StaleRevisionError).
   */
  update(id: number, input: ProjectInput, revision: number): Revised<StoredProject> {
    const p = validate(projectSchema, withoutRevision(input));
    return writeTransaction(this.db, () => {
      const old = this.get(id);
      const next = nextRevision(this.db, 'projects', id, revision, `项目“${old.name}”`);
      this.assertNotSubmitted(id, old.name, '修改');
      this.assertReferences(p);
      this.assertNameFree(p.name, id);
      this.db
        .prepare(
          `UPDATE projects SET name = ?, purchaser = ?, provider = ?, period_start = ?, period_months = ?, guide_id = ?,
                  contribution_set_id = ?, management_rate = ?, tax_json = ?, rules_json = ?, purchase_by_post_json = ?,
                  notes = ?, sample = ?, updated_at = ?, revision = ? WHERE id = ?`,
        )
        .run(...this.columns(p), next, id);
      this.db.prepare('DELETE FROM project_staff_lines WHERE project_id = ?').run(id);
      this.db.prepare('DELETE FROM project_cost_lines WHERE project_id = ?').run(id);
      this.db.prepare('DELETE FROM project_contribution_sets WHERE project_id = ?').run(id);
      this.insertLines(id, p);
      this.insertLaterSets(id, p);
      return this.get(id);
    });
  }

  /** A copy under a new name, to try an alternative; the copy is the user's own, never 示例. */
  duplicate(id: number, newName: string): Revised<StoredProject> {
    const { id: _id, updatedAt: _u, revision: _r, ...project } = this.get(id);
    return this.create({ ...project, name: newName, sample: false });
  }

  delete(id: number): void {
    writeTransaction(this.db, () => {
      const p = this.get(id);
      this.assertNotSubmitted(id, p.name, '删除');
      this.db.prepare('DELETE FROM projects WHERE id = ?').run(id);
    });
  }

  /** The pin of a submitted project, or null when it is not submitted. */
  pin(id: number): StoredPin | null {
    const row = this.db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `找不到编号为 ${id} 的项目 / project not found`);
    if (row.submitted_at === null) return null;
    const versions = this.db.prepare('SELECT version_id FROM project_pinned_versions WHERE project_id = ? ORDER BY version_id').all(id) as {
      version_id: number;
    }[];
    return {
      submittedAt: row.submitted_at,
      submittedBy: row.submitted_by ?? '',
      versionIds: versions.map((v) => v.version_id),
      contributionSetId: row.pinned_contribution_set_id ?? row.contribution_set_id,
      refsJson: row.pinned_refs_json ?? '',
    };
  }

  /**
   * Marks the project 已提交 (`submit`, refused if it already is) or moves its pin to what is in
   * force now (`reprice`, refused unless it is submitted), in one transaction with its history.
   * `pinFor` reads, inside that transaction, what the project is priced with now, and says what
   * changed for the history.
   */
  setPin(
    id: number,
    action: 'submit' | 'reprice',
    pinFor: (project: Revised<StoredProject>, current: StoredPin | null) => { pin: ProjectPin; changes: FieldChange[] },
  ): StoredPin {
    return writeTransaction(this.db, () => {
      const project = this.get(id);
      const current = this.pin(id);
      if (action === 'submit' && current) {
        throw new StoreError('CONFLICT', `项目“${project.name}”已于 ${current.submittedAt.slice(0, 10)} 提交 / already submitted`);
      }
      if (action === 'reprice' && !current) {
        throw new StoreError('CONFLICT', `项目“${project.name}”尚未提交，它总是按当前生效的版本计价，无需重新计价 / not submitted`);
      }
      const { pin, changes } = pinFor(project, current);
      const at = action === 'submit' ? now() : current!.submittedAt;
      const by = action === 'submit' ? this.history.user : current!.submittedBy;
      this.db
        .prepare('UPDATE projects SET submitted_at = ?, submitted_by = ?, pinned_contribution_set_id = ?, pinned_refs_json = ? WHERE id = ?')
        .run(at, by, pin.contributionSetId, pin.refsJson, id);
      this.db.prepare('DELETE FROM project_pinned_versions WHERE project_id = ?').run(id);
      const insert = this.db.prepare('INSERT INTO project_pinned_versions (project_id, version_id) VALUES (?, ?)');
      for (const v of new Set(pin.versionIds)) insert.run(id, v);
      this.history.record({ kind: 'project', id, name: project.name }, action, changes);
      return this.pin(id)!;
    });
  }

  /** 撤回提交: the project is priced with what is in force again, and can be edited. */
  withdraw(id: number): void {
    writeTransaction(this.db, () => {
      const project = this.get(id);
      if (!this.pin(id)) throw new StoreError('CONFLICT', `项目“${project.name}”尚未提交 / not submitted`);
      this.db
        .prepare('UPDATE projects SET submitted_at = NULL, submitted_by = NULL, pinned_contribution_set_id = NULL, pinned_refs_json = NULL WHERE id = ?')
        .run(id);
      this.db.prepare('DELETE FROM project_pinned_versions WHERE project_id = ?').run(id);
      this.history.record({ kind: 'project', id, name: project.name }, 'withdraw');
    });
  }

  /** A submitted project is what was sent: it is changed only after its submission is withdrawn. */
  private assertNotSubmitted(id: number, name: string, doing: '修改' | '删除') {
    const row = this.db.prepare('SELECT submitted_at FROM projects WHERE id = ?').get(id) as { submitted_at: string | null } | undefined;
    if (row?.submitted_at) {
      throw new StoreError(
        'LOCKED',
        `项目“${name}”已于 ${row.submitted_at.slice(0, 10)} 提交，已锁定，不能直接${doing}；请先“撤回提交”，或复制为新项目 / submitted projects are locked: withdraw the submission first, or duplicate it`,
      );
    }
  }

  private assertReferences(p: Project) {
    const problems: { path: string; message: string }[] = [];
    if (!this.db.prepare('SELECT 1 FROM pay_guides WHERE id = ?').get(p.guideId)) {
      problems.push({ path: 'guideId', message: `找不到编号为 ${p.guideId} 的指导价 / pay guide not found` });
    }
    const first = this.contributionSets.find(p.contributionSetId);
    if (!first) {
      problems.push({ path: 'contributionSetId', message: `找不到编号为 ${p.contributionSetId} 的社保公积金参数 / contribution set not found` });
    }
    // 期间内调整: each later set exists, once, and fits the first set and the period (contributionResets.ts)
    const later: StoredContributionSet[] = [];
    p.laterContributionSetIds.forEach((setId, i) => {
      const path = `laterContributionSetIds[${i}]`;
      const set = this.contributionSets.find(setId);
      if (!set) problems.push({ path, message: `找不到编号为 ${setId} 的社保公积金参数 / contribution set not found` });
      else if (setId === p.contributionSetId || p.laterContributionSetIds.indexOf(setId) !== i) {
        problems.push({ path, message: `期间内调整第 ${i + 1} 组“${set.name}”已选过 / chosen twice` });
      } else later.push(set);
    });
    if (first && problems.length === 0) problems.push(...laterSetProblems({ start: p.periodStart, months: p.periodMonths }, first, later));
    if (problems.length) throw new ValidationError(problems);
  }

  private assertNameFree(name: string, exceptId: number | null) {
    const row = this.db.prepare('SELECT id FROM projects WHERE name = ?').get(name) as { id: number } | undefined;
    if (row && row.id !== exceptId) throw new StoreError('CONFLICT', `已有同名项目“${name}” / a project of that name exists`);
  }

  private columns(p: Project) {
    return [
      p.name,
      p.purchaser,
      p.provider,
      p.periodStart,
      p.periodMonths,
      p.guideId,
      p.contributionSetId,
      p.managementRate,
      JSON.stringify(p.tax),
      JSON.stringify(p.rules),
      p.purchaseByPost ? JSON.stringify(p.purchaseByPost) : null,
      p.notes,
      p.sample ? 1 : 0,
      now(),
    ] as const;
  }

  private insertLaterSets(id: number, p: Project) {
    const insert = this.db.prepare('INSERT INTO project_contribution_sets (project_id, position, set_id) VALUES (?, ?, ?)');
    p.laterContributionSetIds.forEach((setId, i) => insert.run(id, i, setId));
  }

  private insertLines(id: number, p: Project) {
    const staff = this.db.prepare(
      `INSERT INTO project_staff_lines (project_id, position, post, grade, step, qualification, count, months, bonus_months, monthly, extras_json, note, non_social_work)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    p.staff.forEach((s, i) =>
      staff.run(
        id,
        i,
        s.post,
        s.grade,
        s.step,
        s.qualification ?? null,
        numText(s.count),
        numText(s.months),
        numText(s.bonusMonths),
        s.monthly ?? null,
        JSON.stringify(s.extras),
        s.note ?? null,
        s.nonSocialWork ? 1 : 0,
      ),
    );
    const cost = this.db.prepare(
      `INSERT INTO project_cost_lines (project_id, position, category, name, unit_price, quantity, times, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    p.costs.forEach((c, i) => cost.run(id, i, c.category, c.name, c.unitPrice, numText(c.quantity), numText(c.times), c.note ?? null));
  }

  private read(r: Row): Revised<StoredProject> {
    const staff = this.db.prepare('SELECT * FROM project_staff_lines WHERE project_id = ? ORDER BY position').all(r.id) as {
      post: string;
      grade: string;
      step: number;
      qualification: string | null;
      count: string;
      months: string;
      bonus_months: string;
      monthly: string | null;
      extras_json: string;
      note: string | null;
      non_social_work: number;
    }[];
    const costs = this.db.prepare('SELECT * FROM project_cost_lines WHERE project_id = ? ORDER BY position').all(r.id) as {
      category: string;
      name: string;
      unit_price: string;
      quantity: string;
      times: string;
      note: string | null;
    }[];
    const later = this.db.prepare('SELECT set_id FROM project_contribution_sets WHERE project_id = ? ORDER BY position').all(r.id) as { set_id: number }[];
    return {
      id: r.id,
      name: r.name,
      purchaser: r.purchaser,
      provider: r.provider,
      periodStart: r.period_start,
      periodMonths: r.period_months,
      guideId: r.guide_id,
      contributionSetId: r.contribution_set_id,
      laterContributionSetIds: later.map((l) => l.set_id),
      staff: staff.map((s) => ({
        post: s.post,
        grade: s.grade,
        step: s.step,
        ...(s.qualification !== null ? { qualification: s.qualification } : {}),
        count: Number(s.count),
        months: Number(s.months),
        bonusMonths: Number(s.bonus_months),
        ...(s.monthly !== null ? { monthly: s.monthly } : {}),
        extras: JSON.parse(s.extras_json) as { name: string; monthly: string }[],
        ...(s.note !== null ? { note: s.note } : {}),
        ...(s.non_social_work ? { nonSocialWork: true } : {}),
      })),
      costs: costs.map((c) => ({
        category: c.category,
        name: c.name,
        unitPrice: c.unit_price,
        quantity: Number(c.quantity),
        times: Number(c.times),
        ...(c.note !== null ? { note: c.note } : {}),
      })),
      managementRate: r.management_rate,
      tax: JSON.parse(r.tax_json) as Project['tax'],
      rules: JSON.parse(r.rules_json) as Project['rules'],
      purchaseByPost: r.purchase_by_post_json ? (JSON.parse(r.purchase_by_post_json) as NonNullable<Project['purchaseByPost']>) : null,
      notes: r.notes,
      sample: bool(r.sample),
      updatedAt: r.updated_at,
      revision: r.revision,
    };
  }
}
