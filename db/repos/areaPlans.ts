import type Database from 'better-sqlite3';
import { z } from 'zod';
import { type Community, communitySchema } from '../../src/core/plan/community';
import { LIMITS, boundedList, nonEmptyText, optionalText, wholeNumber } from '../../src/core/spec/fields';
import { policyPointSchema } from '../../src/core/staffing/policyPoint';
import { StaleRevisionError, StoreError } from '../errors';
import { type Revised, writeTransaction } from '../transaction';
import { bool, now, validate } from './validate';

/**
 * Area plans (区域规划, tables area_plans and area_plan_communities): what a planner chose and the
 * community list they imported, saved as the page holds it so that no edit is lost — boxes as
 * typed (a half-typed date or percentage is kept, and refused with its field when the plan is run),
 * the post mix's lines as edited. Results are not stored; they are recomputed from this on open
 * (docs/design.md §Data flow). Saves are whole and name the revision they were based on.
 */

/** A text box as typed: any text up to the field's length, checked when the plan is run. */
const typed = z.string().max(LIMITS.nameLength, `不能超过 ${LIMITS.nameLength} 个字符 / at most ${LIMITS.nameLength} characters`);
const optionalCount = (max: number) => wholeNumber({ min: 0, max }).nullable();

/** What the planner sets on the page (renderer/pages/plan/planState.ts PlanChoices). */
export const areaPlanChoicesSchema = z.strictObject({
  title: typed.default(''),
  ruleKey: nonEmptyText,
  point: policyPointSchema,
  date: typed,
  guideId: wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER }).nullable(),
  contributionSetId: wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER }).nullable(),
  years: optionalCount(30),
  adjustmentPercent: typed,
  stepsPerYear: optionalCount(3),
  start: optionalCount(LIMITS.communities * LIMITS.unitStaff.max),
  addPerYear: optionalCount(LIMITS.communities * LIMITS.unitStaff.max),
  capToQuota: z.boolean(),
  /** the area's trade-union counts (职工, 基层工会) for 工会社工岗; none in plans saved before them */
  unionEmployees: optionalCount(LIMITS.ruleCount.max).default(null),
  unionBranches: optionalCount(LIMITS.ruleCount.max).default(null),
});

/** One line of the post mix as edited (岗位结构): the share in percent as typed. */
const mixLineSchema = z.strictObject({
  label: typed,
  post: typed,
  grade: typed,
  step: wholeNumber({ min: 0, max: 1000 }),
  qualification: typed.optional(),
  kind: z.enum(['fixed', 'share']),
  fixed: wholeNumber({ min: 0, max: LIMITS.unitStaff.max }).nullable(),
  sharePercent: typed,
});

export const areaPlanMixSchema = z.strictObject({
  /** the preset the mix started from (its index among the presets) */
  presetIndex: wholeNumber({ min: 0, max: 1000 }),
  name: typed,
  months: wholeNumber({ min: 1, max: 600 }),
  bonusMonths: z.number().min(0).max(600),
  lines: boundedList(mixLineSchema, LIMITS.postMixLines),
});

/** What the body column holds. */
const settingsSchema = z.strictObject({ choices: areaPlanChoicesSchema, mix: areaPlanMixSchema.nullable() });

export const areaPlanInputSchema = z.strictObject({
  name: nonEmptyText,
  fileName: optionalText.default(''),
  communities: boundedList(communitySchema, LIMITS.communities),
  choices: areaPlanChoicesSchema,
  mix: areaPlanMixSchema.nullable().default(null),
  sample: z.boolean().default(false),
});

export type AreaPlanInput = z.input<typeof areaPlanInputSchema>;
export type AreaPlanRecord = z.output<typeof areaPlanInputSchema>;
export type StoredAreaPlan = Revised<AreaPlanRecord & { id: number; createdAt: string; updatedAt: string }>;

/** A plan as the list shows it. */
export interface AreaPlanSummary {
  id: number;
  name: string;
  fileName: string;
  communities: number;
  sample: boolean;
  createdAt: string;
  updatedAt: string;
  revision: number;
}

interface Row {
  id: number;
  name: string;
  file_name: string;
  body: string;
  sample: number;
  created_at: string;
  updated_at: string;
  revision: number;
}

interface CommunityRow {
  row: number;
  name: string;
  district: string;
  street: string;
  households: number;
  residents: number | null;
  elderly_share: string | null;
  urban_rural: 'urban' | 'rural';
  current_staff: number;
  certified_staff: number;
}

export class AreaPlanRepository {
  constructor(private readonly db: Database.Database) {}

  /** the most recently changed first, as a planner comes back to what they worked on last */
  list(): AreaPlanSummary[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.name, p.file_name, p.sample, p.created_at, p.updated_at, p.revision,
                (SELECT COUNT(*) FROM area_plan_communities c WHERE c.plan_id = p.id) AS communities
           FROM area_plans p ORDER BY p.updated_at DESC, p.id DESC`,
      )
      .all() as (Omit<Row, 'body'> & { communities: number })[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      fileName: r.file_name,
      communities: r.communities,
      sample: bool(r.sample),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      revision: r.revision,
    }));
  }

  get(id: number): StoredAreaPlan {
    const row = this.db.prepare('SELECT * FROM area_plans WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `找不到编号为 ${id} 的区域规划 / area plan not found`);
    return this.read(row);
  }

  create(input: AreaPlanInput): StoredAreaPlan {
    const p = validate(areaPlanInputSchema, input);
    return writeTransaction(this.db, () => {
      this.assertNameFree(p.name, null);
      const at = now();
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO area_plans (name, file_name, body, sample, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, 1)')
        .run(p.name, p.fileName, settingsJson(p), p.sample ? 1 : 0, at, at);
      const id = Number(lastInsertRowid);
      this.insertCommunities(id, p.communities);
      return this.get(id);
    });
  }

  /**
   * Replaces the plan, if it is still at `revision` (the one the page loaded), else writes nothing
   * (StaleRevisionError). Without `communities` the stored list is kept: an autosave of a changed
   * box does not send a 200,000-row list again.
   */
  update(id: number, input: Omit<AreaPlanInput, 'communities'> & { communities?: AreaPlanInput['communities'] }, revision: number): StoredAreaPlan {
    const p = validate(areaPlanInputSchema.extend({ communities: areaPlanInputSchema.shape.communities.optional() }), input);
    return writeTransaction(this.db, () => {
      const next = this.nextRevision(id, revision);
      this.assertNameFree(p.name, id);
      this.db
        .prepare('UPDATE area_plans SET name = ?, file_name = ?, body = ?, sample = ?, updated_at = ?, revision = ? WHERE id = ?')
        .run(p.name, p.fileName, settingsJson(p), p.sample ? 1 : 0, now(), next, id);
      if (p.communities) {
        this.db.prepare('DELETE FROM area_plan_communities WHERE plan_id = ?').run(id);
        this.insertCommunities(id, p.communities);
      }
      return this.get(id);
    });
  }

  /** A new name only; the same revision check as a save, so a rename never hides another window's save. */
  rename(id: number, name: string, revision: number): StoredAreaPlan {
    const newName = validate(nonEmptyText, name, 'name');
    return writeTransaction(this.db, () => {
      const next = this.nextRevision(id, revision);
      this.assertNameFree(newName, id);
      this.db.prepare('UPDATE area_plans SET name = ?, updated_at = ?, revision = ? WHERE id = ?').run(newName, now(), next, id);
      return this.get(id);
    });
  }

  /** A copy under a new name, to try an alternative; the copy is the user's own, never 示例. */
  duplicate(id: number, newName: string): StoredAreaPlan {
    return writeTransaction(this.db, () => {
      const { id: _id, createdAt: _c, updatedAt: _u, revision: _r, ...plan } = this.get(id);
      return this.create({ ...plan, name: newName, sample: false });
    });
  }

  delete(id: number): void {
    writeTransaction(this.db, () => {
      this.get(id);
      this.db.prepare('DELETE FROM area_plans WHERE id = ?').run(id);
    });
  }

  findByName(name: string): StoredAreaPlan | null {
    const row = this.db.prepare('SELECT * FROM area_plans WHERE name = ?').get(name.trim()) as Row | undefined;
    return row ? this.read(row) : null;
  }

  /** Call inside the write transaction: the next revision, or StaleRevisionError if another save came first. */
  private nextRevision(id: number, basedOn: number): number {
    const row = this.db.prepare('SELECT name, revision FROM area_plans WHERE id = ?').get(id) as { name: string; revision: number } | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `找不到编号为 ${id} 的区域规划 / area plan not found`);
    if (row.revision !== basedOn) throw new StaleRevisionError(`区域规划“${row.name}”`, basedOn, row.revision);
    return row.revision + 1;
  }

  private assertNameFree(name: string, exceptId: number | null) {
    const row = this.db.prepare('SELECT id FROM area_plans WHERE name = ?').get(name) as { id: number } | undefined;
    if (row && row.id !== exceptId) throw new StoreError('CONFLICT', `已有同名区域规划“${name}” / an area plan of that name exists`);
  }

  private insertCommunities(id: number, communities: readonly Community[]) {
    const insert = this.db.prepare(
      `INSERT INTO area_plan_communities (plan_id, position, row, name, district, street, households, residents, elderly_share,
                                          urban_rural, current_staff, certified_staff)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    communities.forEach((c, i) =>
      insert.run(id, i, c.row, c.name, c.district, c.street, c.households, c.residents, c.elderlyShare, c.urbanRural, c.currentStaff, c.certifiedStaff),
    );
  }

  private read(r: Row): StoredAreaPlan {
    const where = `area_plans[${r.id}]`;
    const settings = validate(settingsSchema, JSON.parse(r.body), where);
    const rows = this.db.prepare('SELECT * FROM area_plan_communities WHERE plan_id = ? ORDER BY position').all(r.id) as CommunityRow[];
    const communities = validate(
      boundedList(communitySchema, LIMITS.communities),
      rows.map((c) => ({
        row: c.row,
        name: c.name,
        district: c.district,
        street: c.street,
        households: c.households,
        residents: c.residents,
        elderlyShare: c.elderly_share,
        urbanRural: c.urban_rural,
        currentStaff: c.current_staff,
        certifiedStaff: c.certified_staff,
      })),
      `${where}.communities`,
    );
    return {
      id: r.id,
      name: r.name,
      fileName: r.file_name,
      communities,
      choices: settings.choices,
      mix: settings.mix,
      sample: bool(r.sample),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      revision: r.revision,
    };
  }
}

function settingsJson(p: Pick<AreaPlanRecord, 'choices' | 'mix'>): string {
  return JSON.stringify({ choices: p.choices, mix: p.mix });
}
