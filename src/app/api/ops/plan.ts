import { z } from 'zod';
import { writeCommunityTemplate, writePlanWorkbook } from '../../../core/excel/planWorkbook';
import { parseDecimal } from '../../../core/money/decimal';
import { runAreaPlan } from '../../../core/plan/areaPlan';
import type { Community } from '../../../core/plan/community';
import { importCommunities } from '../../../core/excel/readers/communityImport';
import { MIX_PRESETS } from '../../../core/plan/mixPresets';
import { planJson, projectionJson } from '../../../core/plan/planJson';
import { postMixSchema } from '../../../core/plan/postMix';
import { planPricing } from '../../../core/plan/pricingInputs';
import { projectTeam, projectionSchema } from '../../../core/plan/projection';
import { communityQuota, prepareRule } from '../../../core/plan/quota';
import { ruleParameterLines } from '../../../core/plan/ruleText';
import { policyPointSchema } from '../../../core/staffing/policyPoint';
import {
  COMMUNITY_RULE_PRESETS,
  certificateRule,
  ngoShareRule,
  population18Rule,
  unionBranchesRule,
  unionEmployeesRule,
} from '../../../core/staffing/presets';
import { densityRatioSchema, densityRatio, oneInRatio, oneInRatioSchema } from '../../../core/staffing/ratios';
import { type CommunityRuleSet, communityRuleSetSchema, ruleVersionInForce } from '../../../core/staffing/ruleSets';
import { deleteRuleSet, findRuleSet, listSavedRuleSets, saveRuleSet } from '../../../core/staffing/savedRuleSets';
import { certificateRateSchema, certificateRequirement, socialWorkShare, socialWorkShareSchema } from '../../../core/staffing/shares';
import { isoDate, nonEmptyText } from '../../../core/spec/fields';
import { ApiFailure } from '../dispatch';
import type { ApiContext, FilePayload } from '../operation';
import { storeOperation } from './storeErrors';

/**
 * 岗位测算 and 区域规划 (issue 5). Rules come as a preset key or as a full (edited) rule set; pricing
 * data come from the store by id. Money leaves as strings with 2 decimals.
 */
const whole = z.number({ error: '必须是整数 / must be a whole number' }).int('必须是整数 / must be a whole number').nonnegative('不能为负 / must not be negative');

const ruleChoice = z.union([
  z.strictObject({ key: nonEmptyText }),
  z.strictObject({ ruleSet: communityRuleSetSchema }),
]);

function resolveRule(ctx: ApiContext, choice: z.output<typeof ruleChoice>): CommunityRuleSet {
  if ('ruleSet' in choice) return choice.ruleSet;
  const found = findRuleSet(ctx.store.db, choice.key);
  if (!found) {
    const keys = [...COMMUNITY_RULE_PRESETS, ...listSavedRuleSets(ctx.store.db)].map((r) => r.key);
    throw new ApiFailure('NOT_FOUND', `没有代号为“${choice.key}”的配备规则；可选：${keys.join('、')}`);
  }
  return found;
}

function versionOf(set: CommunityRuleSet, date: string) {
  try {
    return ruleVersionInForce(set, date);
  } catch (e) {
    throw new ApiFailure('INVALID_INPUT', (e as Error).message);
  }
}

const shareText = z
  .string()
  .regex(/^(0(\.\d{1,8})?|1(\.0{1,8})?)$/, '须为 0 到 1 的小数，如 "0.28" / a fraction 0..1')
  .nullable()
  .default(null);

export const communitySchema = z.strictObject({
  row: z.number().int().positive().default(1),
  name: nonEmptyText,
  district: nonEmptyText,
  street: nonEmptyText,
  households: whole,
  residents: whole.nullable().default(null),
  elderlyShare: shareText,
  urbanRural: z.enum(['urban', 'rural']).default('urban'),
  currentStaff: whole.default(0),
  certifiedStaff: whole.default(0),
});

const pricingInput = z.strictObject({
  guideId: z.number().int().positive(),
  contributionSetId: z.number().int().positive(),
  mix: postMixSchema.nullable().default(null),
});

const planInput = z.strictObject({
  title: nonEmptyText.default('区域规划'),
  rule: ruleChoice,
  point: policyPointSchema.default('mid'),
  date: isoDate,
  communities: z.array(communitySchema).min(1, '至少一个社区 / at least one community'),
  pricing: pricingInput.nullable().default(null),
  projection: projectionSchema.omit({ startYear: true }).extend({ capToQuota: z.boolean().default(false) }).nullable().default(null),
  steps: z.boolean().default(false),
});

function computePlan(ctx: ApiContext, input: z.output<typeof planInput>) {
  const ruleSet = resolveRule(ctx, input.rule);
  const version = versionOf(ruleSet, input.date);
  const communities = input.communities as Community[];
  const pricing = input.pricing
    ? planPricing(ctx.store.guides.get(input.pricing.guideId), ctx.store.referenceWages.list(), ctx.store.contributionSets.get(input.pricing.contributionSetId), input.pricing.mix, input.date)
    : null;
  ctx.progress?.(0.1, '测算员额');
  const plan = runAreaPlan(communities, { ruleSet, version, point: input.point, pricer: pricing?.pricer ?? null, explain: input.steps });
  const projection =
    pricing && input.projection
      ? projectTeam(
          { ...input.projection, cap: input.projection.capToQuota ? plan.totals.chosen : input.projection.cap, startYear: Number(input.date.slice(0, 4)) },
          pricing.mix,
          pricing.guide,
          pricing.pricer.contributions,
        )
      : null;
  return { ruleSet, version, plan, pricing, projection };
}

const toPayload = (fileName: string, bytes: Uint8Array): FilePayload => ({ fileName, base64: Buffer.from(bytes).toString('base64') });

export const planOps = {
  'staffing.presets': storeOperation({
    title: '读取配备规则',
    input: z.strictObject({}).default({}),
    run: (ctx) => ({
      communityRules: [...COMMUNITY_RULE_PRESETS, ...listSavedRuleSets(ctx.store.db)],
      savedRuleKeys: listSavedRuleSets(ctx.store.db).map((r) => r.key),
      unitRules: { unionEmployees: unionEmployeesRule, unionBranches: unionBranchesRule, population: population18Rule, ngoShare: ngoShareRule, certificate: certificateRule },
      mixes: MIX_PRESETS,
    }),
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
      z.strictObject({ kind: z.literal('oneIn'), params: oneInRatioSchema, count: whole, point: policyPointSchema.default('mid') }),
      z.strictObject({ kind: z.literal('density'), params: densityRatioSchema, count: whole, point: policyPointSchema.default('mid') }),
      z.strictObject({ kind: z.literal('socialWorkShare'), params: socialWorkShareSchema, totalPosts: whole, point: policyPointSchema.default('mid') }),
      z.strictObject({
        kind: z.literal('certificateRate'),
        params: certificateRateSchema,
        urbanRural: z.enum(['urban', 'rural']),
        staff: whole,
        certified: whole,
      }),
    ]),
    run: (ctx, input) => {
      switch (input.kind) {
        case 'community': {
          const set = resolveRule(ctx, input.rule);
          const version = versionOf(set, input.date);
          const c = { name: '', district: '', street: '', ...input.community } as Community;
          if (version.quota.family === 'density' && c.residents === null) throw new ApiFailure('INVALID_INPUT', '该规则按常住人口测算，请填写常住人口');
          const q = communityQuota(prepareRule(version), c, input.point, true);
          return { ...q, rule: { key: set.key, name: set.name, version: version.label }, parameters: ruleParameterLines(version) };
        }
        case 'oneIn':
          return oneInRatio(input.params, input.count, input.point);
        case 'density':
          return densityRatio(input.params, input.count, input.point);
        case 'socialWorkShare':
          return socialWorkShare(input.params, parseDecimal(input.params.minShare), input.totalPosts, input.point);
        case 'certificateRate':
          return certificateRequirement(input.params, input.urbanRural, input.staff, input.certified, parseDecimal(input.urbanRural === 'urban' ? input.params.urban : input.params.rural));
      }
    },
  }),

  /** save a user's rule set (edited parameters, dated versions); preset keys are reserved */
  'staffing.saveRuleSet': storeOperation({
    title: '保存配备规则',
    input: z.strictObject({ ruleSet: communityRuleSetSchema }),
    run: (ctx, input) => saveRuleSet(ctx.store.db, input.ruleSet),
  }),

  'staffing.deleteRuleSet': storeOperation({
    title: '删除配备规则',
    input: z.strictObject({ key: nonEmptyText }),
    run: (ctx, input) => {
      if (!deleteRuleSet(ctx.store.db, input.key)) throw new ApiFailure('NOT_FOUND', `没有保存过代号为“${input.key}”的规则`);
      return { deleted: input.key };
    },
  }),

  'plan.importCommunities': storeOperation({
    title: '导入社区名单',
    input: z.strictObject({ file: z.strictObject({ fileName: nonEmptyText, base64: z.string() }) }),
    run: async (_ctx, input) => importCommunities(input.file.fileName, Buffer.from(input.file.base64, 'base64')),
  }),

  'plan.template': storeOperation({
    title: '导出社区名单模板',
    input: z.strictObject({}).default({}),
    run: async () => toPayload('社区名单模板.xlsx', await writeCommunityTemplate()),
  }),

  'plan.run': storeOperation({
    title: '区域规划测算',
    input: planInput,
    run: (ctx, input) => {
      const { plan, pricing, projection } = computePlan(ctx, input);
      return {
        ...planJson(plan, pricing ? pricing.mix.lines.map((l) => l.label) : [], { steps: input.steps }),
        mix: pricing?.mix ?? null,
        guideName: pricing?.guideName ?? null,
        contributionsName: pricing?.contributionsName ?? null,
        projection: projection ? projectionJson(projection) : null,
      };
    },
  }),

  'plan.exportWorkbook': storeOperation({
    title: '导出区域规划工作簿',
    input: planInput,
    run: async (ctx, input) => {
      const { version, plan, pricing, projection } = computePlan(ctx, input);
      ctx.progress?.(0.5, '写出工作簿');
      const bytes = await writePlanWorkbook({
        title: input.title,
        plan,
        pricing: pricing ? { mix: pricing.mix, pricer: pricing.pricer, guideName: pricing.guideName, contributionsName: pricing.contributionsName } : null,
        projection,
        parameters: ruleParameterLines(version),
      });
      return toPayload(`${input.title}.xlsx`, bytes);
    },
  }),
};

