import { z } from 'zod';
import { rulesSchema, staffLineSchema } from '../spec/budgetSpec';
import { LIMITS, boundedList } from '../spec/fields';

/**
 * A project's editor draft as the user typed it (草稿): every box as its text, rates in percent, so a
 * draft that does not pass the project schema yet — a cost line without a name, "8OO" in a price —
 * can be kept and shown again exactly as left (docs/design.md §Data flow, "Drafts"). Only the
 * shape and sizes are checked here; what the text means is the project schema's job when the
 * draft becomes a project.
 */
const typed = z.string().max(LIMITS.textLength, `不能超过 ${LIMITS.textLength} 个字符 / at most ${LIMITS.textLength} characters`);
const pickedId = z.number().int().nonnegative();

export const staffDraftRecordSchema = z.strictObject({
  post: typed,
  grade: typed,
  step: z.number().int().min(0).max(LIMITS.step.max),
  qualification: typed,
  count: typed,
  months: typed,
  bonusMonths: typed,
  monthly: typed,
  note: typed,
  extras: staffLineSchema.shape.extras,
  /** 非社工岗: outside the guide, at its agreed pay (docs/design.md §Budget arithmetic) */
  nonSocialWork: z.boolean().optional(),
});

export const costDraftRecordSchema = z.strictObject({
  category: typed,
  name: typed,
  unitPrice: typed,
  quantity: typed,
  times: typed,
  note: typed,
});

export const projectDraftRecordSchema = z.strictObject({
  name: typed,
  purchaser: typed,
  provider: typed,
  periodStart: typed,
  periodMonths: typed,
  guideId: pickedId,
  contributionSetId: pickedId,
  /** 期间内调整 (absent in drafts kept before it existed) */
  laterContributionSetIds: boundedList(pickedId, LIMITS.contributionSets - 1).optional(),
  staff: boundedList(staffDraftRecordSchema, LIMITS.staffLines),
  costs: boundedList(costDraftRecordSchema, LIMITS.costLines),
  managementPercent: typed,
  taxMethod: z.enum(['simple', 'gross-up']),
  taxPercent: typed,
  vatPercent: typed,
  surchargePercent: typed,
  minLabourPercent: typed,
  maxManagementPercent: typed,
  posts: rulesSchema.shape.posts,
  /** the rules the editor has no box for (payReference, minSocialWorkPostShare), kept as they were */
  otherRules: rulesSchema.pick({ payReference: true, minSocialWorkPostShare: true }).optional(),
  pricePerPostYear: typed,
  purchasePosts: typed,
  notes: typed,
  sample: z.boolean(),
});

export type ProjectDraftRecord = z.output<typeof projectDraftRecordSchema>;

/** A kept draft as the store hands it out: the project it belongs to and the revision it was typed on. */
export interface StoredProjectDraft {
  projectId: number;
  /** the project's revision when the draft was kept; a project saved since makes the draft stale */
  revision: number;
  draft: ProjectDraftRecord;
  /** how many problems the draft had when kept (the list shows 草稿·有错误) */
  problems: number;
  savedAt: string;
}
