import type Database from 'better-sqlite3';
import { type Project, type ProjectInput, type StoredProject, projectSchema } from '../../src/core/projects/schema';
import { ValidationError } from '../../src/core/spec/fields';
import { StoreError } from '../errors';
import { type Revised, nextRevision, writeTransaction } from '../transaction';
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
}

// Head counts are JSON numbers; String(n) is their shortest round-trip text, so Number() gives n back.
const numText = (n: number) => String(n);

export class ProjectRepository {
  constructor(private readonly db: Database.Database) {}

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
      this.insertLines(id, p);
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
      this.get(id);
      this.db.prepare('DELETE FROM projects WHERE id = ?').run(id);
    });
  }

  private assertReferences(p: Project) {
    const problems: { path: string; message: string }[] = [];
    if (!this.db.prepare('SELECT 1 FROM pay_guides WHERE id = ?').get(p.guideId)) {
      problems.push({ path: 'guideId', message: `找不到编号为 ${p.guideId} 的指导价 / pay guide not found` });
    }
    if (!this.db.prepare('SELECT 1 FROM contribution_sets WHERE id = ?').get(p.contributionSetId)) {
      problems.push({ path: 'contributionSetId', message: `找不到编号为 ${p.contributionSetId} 的社保公积金参数 / contribution set not found` });
    }
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

  private insertLines(id: number, p: Project) {
    const staff = this.db.prepare(
      `INSERT INTO project_staff_lines (project_id, position, post, grade, step, qualification, count, months, bonus_months, monthly, extras_json, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    }[];
    const costs = this.db.prepare('SELECT * FROM project_cost_lines WHERE project_id = ? ORDER BY position').all(r.id) as {
      category: string;
      name: string;
      unit_price: string;
      quantity: string;
      times: string;
      note: string | null;
    }[];
    return {
      id: r.id,
      name: r.name,
      purchaser: r.purchaser,
      provider: r.provider,
      periodStart: r.period_start,
      periodMonths: r.period_months,
      guideId: r.guide_id,
      contributionSetId: r.contribution_set_id,
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
