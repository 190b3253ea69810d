import { z } from 'zod';
import { areaPlanChoicesSchema, areaPlanInputSchema, areaPlanMixSchema } from '../../../../db/repos/areaPlans';
import { parseDecimal } from '../../../core/money/decimal';
import { type Community, communitySchema } from '../../../core/plan/community';
import { MIX_PRESETS } from '../../../core/plan/mixPresets';
import { postMixSchema } from '../../../core/plan/postMix';
import { projectionSchema } from '../../../core/plan/projection';
import { unionCountsSchema } from '../../../core/plan/unionPosts';
import { type RuleOutcome, policyPointSchema } from '../../../core/staffing/policyPoint';
import { certificateRule, ngoShareRule, population18Rule, unionBranchesRule, unionEmployeesRule } from '../../../core/staffing/presets';
import { densityRatioSchema, densityRatio, oneInRatio, oneInRatioSchema } from '../../../core/staffing/ratios';
import { communityRuleSetSchema } from '../../../core/staffing/ruleSets';
import { certificateRateSchema, certificateRequirement, socialWorkShare, socialWorkShareSchema } from '../../../core/staffing/shares';
import { LIMITS, boundedList, isoDate, nonEmptyText, ruleCount, staffNumber } from '../../../core/spec/fields';
import {
  type CommunityQuotaOutcome,
  type ComputedPlan,
  DEFAULT_PLAN_TITLE,
  communityListTemplate,
  communityQuotaOf,
  communityRuleCatalog,
  computePlan,
  deleteAreaPlan,
  exportPlanWorkbook,
  duplicateAreaPlan,
  freeAreaPlanName,
  getAreaPlan,
  importCommunityList,
  listAreaPlans,
  renameAreaPlan,
  saveAreaPlan,
  planReportJson,
  resolveRule,
} from '../../services/plan';
import { baseRevision } from '../schemas';
import { checkCommunityRows } from '../../services/plan';
import { filePayload } from '../files';
import type { ApiContext } from '../operation';
import { noInput, recordId } from '../schemas';
import { storeOperation } from './storeErrors';

/**
 * 岗位测算 and 区域规划 (docs/design.md §Rules and their policy sources). Rules come as a preset key
 * or as a full (edited) rule set; pricing data come from the store by id. Money leaves as strings with 2 decimals.
 */
/** columns of a paste, as many as a community list may have (COMMUNITY_LIMITS) */
const PASTE_COLUMNS = 200;

const ruleChoice = z.union([z.strictObject({ key: nonEmptyText }), z.strictObject({ ruleSet: communityRuleSetSchema })]);

const pricingInput = z.strictObject({
  guideId: recordId,
  contributionSetId: recordId,
  mix: postMixSchema.nullable().default(null),
});

const planInput = z.strictObject({
  title: nonEmptyText.default(DEFAULT_PLAN_TITLE),
  rule: ruleChoice,
  point: policyPointSchema.default('mid'),
  date: isoDate,
  communities: boundedList(communitySchema, LIMITS.communities, 1, '至少一个社区 / at least one community'),
  pricing: pricingInput.nullable().default(null),
  projection: projectionSchema
    .omit({ startYear: true })
    .extend({ capToQuota: z.boolean().default(false) })
    .nullable()
    .default(null),
  /** the area's trade-union counts, for 工会社工岗 on both bases (职工 or 基层工会); none: not planned */
  union: unionCountsSchema.nullable().default(null),
  steps: z.boolean().default(false),
});

/**
 * Declared rather than inferred: inference would fold the community outcome into RuleOutcome, of
 * which it is a wider case, and the page tells the two apart by `parameterItems`.
 */
type StaffingOutcome = CommunityQuotaOutcome | RuleOutcome | ReturnType<typeof certificateRequirement>;

function planOf(ctx: ApiContext, input: z.output<typeof planInput>): ComputedPlan {
  const store = () => ctx.store;
  return computePlan(
    {
      ruleSet: resolveRule(input.rule, store),
      date: input.date,
      point: input.point,
      communities: input.communities as Community[],
      pricing: input.pricing,
      projection: input.projection,
      union: input.union,
      steps: input.steps,
      progress: ctx.progress,
    },
    store,
  );
}

export const planOps = {
  'staffing.presets': storeOperation({
    title: '读取配备规则',
    input: noInput,
    run: (ctx) => {
      const { rules, savedKeys } = communityRuleCatalog(ctx.store);
      return {
        communityRules: rules,
        savedRuleKeys: savedKeys,
        unitRules: {
          unionEmployees: unionEmployeesRule,
          unionBranches: unionBranchesRule,
          population: population18Rule,
          ngoShare: ngoShareRule,
          certificate: certificateRule,
        },
        mixes: MIX_PRESETS,
      };
    },
  }),

  /** one unit through one rule, with the arithmetic (岗位测算) */
  'staffing.compute': storeOperation({
    title: '岗位测算',
    input: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('community'),
        rule: ruleChoice,
        date: isoDate,
        point: policyPointSchema.default('mid'),
        community: communitySchema.partial({ name: true, district: true, street: true }),
      }),
      z.strictObject({ kind: z.literal('oneIn'), params: oneInRatioSchema, count: ruleCount, point: policyPointSchema.default('mid') }),
      z.strictObject({ kind: z.literal('density'), params: densityRatioSchema, count: ruleCount, point: policyPointSchema.default('mid') }),
      z.strictObject({ kind: z.literal('socialWorkShare'), params: socialWorkShareSchema, totalPosts: staffNumber, point: policyPointSchema.default('mid') }),
      z.strictObject({
        kind: z.literal('certificateRate'),
        params: certificateRateSchema,
        urbanRural: z.enum(['urban', 'rural']),
        staff: staffNumber,
        certified: staffNumber,
      }),
    ]),
    run: (ctx, input): StaffingOutcome => {
      switch (input.kind) {
        case 'community': {
          const community = { name: '', district: '', street: '', ...input.community } as Community;
          return communityQuotaOf(() => ctx.store, input.rule, input.date, input.point, community);
        }
        case 'oneIn':
          return oneInRatio(input.params, input.count, input.point);
        case 'density':
          return densityRatio(input.params, input.count, input.point);
        case 'socialWorkShare':
          return socialWorkShare(input.params, parseDecimal(input.params.minShare), input.totalPosts, input.point);
        case 'certificateRate':
          return certificateRequirement(
            input.params,
            input.urbanRural,
            input.staff,
            input.certified,
            parseDecimal(input.urbanRural === 'urban' ? input.params.urban : input.params.rural),
          );
      }
    },
  }),

  /** save a user's rule set (edited parameters, dated versions); preset keys are reserved */
  'staffing.saveRuleSet': storeOperation({
    title: '保存配备规则',
    input: z.strictObject({ ruleSet: communityRuleSetSchema }),
    run: (ctx, input) => ctx.store.ruleSets.save(input.ruleSet),
  }),

  'staffing.deleteRuleSet': storeOperation({
    title: '删除配备规则',
    input: z.strictObject({ key: nonEmptyText }),
    run: (ctx, input) => {
      ctx.store.ruleSets.delete(input.key);
      return { deleted: input.key };
    },
  }),

  'plan.importCommunities': storeOperation({
    title: '导入社区名单',
    input: z.strictObject({ file: z.strictObject({ fileName: nonEmptyText, base64: z.string() }) }),
    run: async (_ctx, input) => importCommunityList(input.file.fileName, Buffer.from(input.file.base64, 'base64')),
  }),

  /**
   * Rows pasted from a spreadsheet into the community list, checked by the very rules of the
   * import (communitiesFromRows): the header is the column mapping the planner chose, `firstRow`
   * the row number the first pasted row gets. Bad cells come back as problems to show, not as a
   * failure: the preview marks them and nothing is added until they are fixed.
   */
  'plan.checkCommunityRows': storeOperation({
    title: '检查粘贴的社区',
    input: z.strictObject({
      header: z.array(z.string().max(LIMITS.nameLength)).max(PASTE_COLUMNS),
      rows: boundedList(z.array(z.string().max(LIMITS.textLength)).max(PASTE_COLUMNS), LIMITS.communities),
      firstRow: z.number().int().min(1).max(1_048_576),
    }),
    run: (_ctx, input) => checkCommunityRows(input.header, input.rows, input.firstRow),
  }),

  'plan.template': storeOperation({
    title: '导出社区名单模板',
    input: noInput,
    run: async () => filePayload(await communityListTemplate()),
  }),

  'plan.run': storeOperation({
    title: '区域规划测算',
    input: planInput,
    run: (ctx, input) => planReportJson(planOf(ctx, input)),
  }),

  'plan.exportWorkbook': storeOperation({
    title: '导出区域规划工作簿',
    input: planInput,
    run: async (ctx, input) =>
      filePayload(
        await exportPlanWorkbook(
          ctx.store,
          {
            ruleSet: resolveRule(input.rule, () => ctx.store),
            date: input.date,
            point: input.point,
            communities: input.communities as Community[],
            pricing: input.pricing,
            projection: input.projection,
            union: input.union,
          },
          input.title,
        ),
      ),
  }),

  // Saved area plans (区域规划的保存): the page autosaves the open plan and lists the others.

  'plan.list': storeOperation({
    title: '读取区域规划列表',
    input: noInput,
    run: (ctx) => listAreaPlans(ctx.store),
  }),

  'plan.get': storeOperation({
    title: '打开区域规划',
    input: z.strictObject({ id: recordId }),
    run: (ctx, input) => getAreaPlan(ctx.store, input.id),
  }),

  /**
   * Creates a plan (no id; a name is found when none is given) or saves the open one at the
   * revision the page loaded — a stale one is refused with CONFLICT. Without `communities` the
   * stored list is kept (an autosave of a changed box).
   */
  'plan.save': storeOperation({
    title: '保存区域规划',
    input: z.union([
      areaPlanInputSchema.extend({ name: areaPlanInputSchema.shape.name.optional() }).strict(),
      z.strictObject({
        id: recordId,
        revision: baseRevision,
        name: areaPlanInputSchema.shape.name,
        fileName: areaPlanInputSchema.shape.fileName,
        communities: areaPlanInputSchema.shape.communities.optional(),
        choices: areaPlanChoicesSchema,
        mix: areaPlanMixSchema.nullable().default(null),
      }),
    ]),
    run: (ctx, input) => {
      if ('id' in input) {
        const { id, revision, ...plan } = input;
        const sample = getAreaPlan(ctx.store, id).sample;
        return saveAreaPlan(ctx.store, { ...plan, sample }, { id, revision });
      }
      return saveAreaPlan(ctx.store, { ...input, name: input.name ?? freeAreaPlanName(ctx.store, '新区域规划') }, null);
    },
  }),

  'plan.rename': storeOperation({
    title: '重命名区域规划',
    input: z.strictObject({ id: recordId, name: nonEmptyText, revision: baseRevision }),
    run: (ctx, input) => renameAreaPlan(ctx.store, input.id, input.name, input.revision),
  }),

  'plan.duplicate': storeOperation({
    title: '复制区域规划',
    input: z.strictObject({ id: recordId }),
    run: (ctx, input) => duplicateAreaPlan(ctx.store, input.id),
  }),

  'plan.delete': storeOperation({
    title: '删除区域规划',
    input: z.strictObject({ id: recordId }),
    run: (ctx, input) => {
      deleteAreaPlan(ctx.store, input.id);
      return { deleted: input.id };
    },
  }),
};
