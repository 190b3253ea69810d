import { z } from 'zod';
import {
  coefficientText,
  floorNotAboveCeiling,
  isoDate,
  moneyText,
  nonEmptyText,
  nonNegativeCount,
  optionalText,
  positiveCount,
  positiveInteger,
  rateText,
  yearMonth,
  ValidationError,
  zodProblems,
} from './fields';

/**
 * Budget spec v1 (docs/design.md §Budget spec): one project budget as one JSON file — what the CLI reads, what a bid
 * package carries, what the API validates. Strict objects: an unknown field is an error naming its path.
 */

export const guideRowSchema = z
  .strictObject({
    post: nonEmptyText, // 岗位
    grade: nonEmptyText, // 等级 / 薪级
    step: positiveInteger.default(1), // 档次
    /** yuan per month; or give `coefficient` × the guide's reference wage */
    monthly: moneyText.optional(),
    coefficient: coefficientText.optional(),
  })
  .refine((r) => (r.monthly === undefined) !== (r.coefficient === undefined), {
    message: '每行须给出 monthly（元/月）或 coefficient（系数）之一 / give exactly one of monthly or coefficient',
  });

export const allowanceSchema = z.strictObject({
  qualification: nonEmptyText, // 持证等级：助理社工师 / 社工师 / 高级社工师
  monthly: moneyText, // amount: per month, or once per person when kind is oneOff
  kind: z.enum(['monthly', 'oneOff'], { error: 'kind 必须是 "monthly" 或 "oneOff" / must be "monthly" or "oneOff"' }).default('monthly'),
});

/** A named reference wage (e.g. 上年度城镇非私营单位在岗职工平均工资) that coefficient cells multiply. */
export const referenceWageSchema = z.strictObject({
  name: nonEmptyText,
  amount: moneyText,
  per: z.enum(['month', 'year'], { error: 'per 必须是 "month" 或 "year" / must be "month" or "year"' }).default('month'),
});

export const inlineGuideSchema = z.strictObject({
  name: nonEmptyText,
  issuer: optionalText.optional(),
  documentNo: optionalText.optional(),
  effectiveFrom: isoDate.optional(),
  /** what the amounts are: gross pay (contributions added on top) or the full employer cost */
  includes: z.enum(['gross', 'employerCost'], { error: 'includes 必须是 "gross" 或 "employerCost"' }).default('gross'),
  source: optionalText.optional(),
  referenceWage: referenceWageSchema.optional(),
  rows: z.array(guideRowSchema).min(1, '指导价至少要有一行 / at least one row'),
  allowances: z.array(allowanceSchema).default([]),
});

export const guideRefSchema = z.strictObject({ ref: nonEmptyText });

export const contributionItemSchema = z.strictObject({
  name: nonEmptyText, // 养老保险、医疗保险……
  rate: rateText, // employer rate
  round: z.enum(['fen', 'yuan'], { error: 'round 必须是 "fen" 或 "yuan" / must be "fen" or "yuan"' }).default('fen'),
});

export const levySchema = z.strictObject({ name: nonEmptyText, rate: rateText });

export const inlineContributionsSchema = z
  .strictObject({
    name: optionalText.optional(),
    city: optionalText.optional(),
    floor: moneyText, // 缴费基数下限
    ceiling: moneyText, // 缴费基数上限
    items: z.array(contributionItemSchema).default([]),
    levies: z.array(levySchema).default([]),
  })
  .refine(floorNotAboveCeiling, {
    message: '缴费基数下限不能高于上限 / floor must not exceed ceiling',
    path: ['floor'],
  });

export const extraMonthlySchema = z.strictObject({ name: nonEmptyText, monthly: moneyText });

export const staffLineSchema = z.strictObject({
  post: nonEmptyText,
  grade: nonEmptyText,
  step: positiveInteger.default(1),
  qualification: nonEmptyText.optional(),
  count: positiveCount, // people; 0.5 = a half-time post
  months: positiveCount,
  bonusMonths: nonNegativeCount.default(0), // 年终奖等额外月数
  /** monthly pay agreed with the worker instead of guide + allowance + extras; flagged if below */
  monthly: moneyText.optional(),
  extras: z.array(extraMonthlySchema).default([]),
  note: optionalText.optional(),
});

export const costLineSchema = z.strictObject({
  category: nonEmptyText, // 活动费、督导培训费、行政办公费……
  name: nonEmptyText,
  unitPrice: moneyText,
  quantity: nonNegativeCount,
  times: positiveCount.default(1),
  note: optionalText.optional(),
});

export const taxSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('gross-up'), vat: rateText, surcharge: rateText.default('0') }),
    z.strictObject({ method: z.literal('simple'), rate: rateText }),
  ],
  { error: 'tax.method 必须是 "gross-up" 或 "simple" / must be "gross-up" or "simple"' },
);

export const rulesSchema = z.strictObject({
  minLabourShare: rateText.optional(), // 人员经费占比下限
  maxManagementShare: rateText.optional(), // 管理费占总额上限
  posts: z
    .strictObject({ min: nonNegativeCount, max: nonNegativeCount, label: optionalText.optional() })
    .refine((p) => p.min <= p.max, { message: '岗位下限不能高于上限 / min must not exceed max', path: ['min'] })
    .optional(),
});

export const purchaseByPostSchema = z.strictObject({
  pricePerPostYear: moneyText, // 岗位购买单价（元/岗/年）
  posts: positiveCount.optional(), // defaults to the staff head count
});

export const budgetSpecSchema = z.strictObject({
  version: z.literal(1, { error: 'version 必须是 1 / must be 1' }),
  name: nonEmptyText,
  purchaser: optionalText.optional(), // 购买主体
  provider: optionalText.optional(), // 承接主体
  period: z.strictObject({ start: yearMonth, months: positiveInteger }),
  payGuide: z.union([guideRefSchema, inlineGuideSchema], {
    error: 'payGuide 须为 { "ref": 名称 } 或完整的指导价 / must be { "ref" } or an inline guide',
  }),
  contributions: inlineContributionsSchema,
  staff: z.array(staffLineSchema).default([]),
  costs: z.array(costLineSchema).default([]),
  managementFee: z.strictObject({ rate: rateText }).default({ rate: '0' }),
  tax: taxSchema.default({ method: 'simple', rate: '0' }),
  rules: rulesSchema.default({}),
  purchaseByPost: purchaseByPostSchema.optional(),
  notes: optionalText.optional(),
});

export type BudgetSpecInput = z.input<typeof budgetSpecSchema>;
export type BudgetSpec = z.output<typeof budgetSpecSchema>;
export type InlineGuide = z.output<typeof inlineGuideSchema>;
export type InlineContributions = z.output<typeof inlineContributionsSchema>;
export type StaffLineSpec = z.output<typeof staffLineSchema>;
export type CostLineSpec = z.output<typeof costLineSchema>;
export type TaxSpec = z.output<typeof taxSchema>;
export type RulesSpec = z.output<typeof rulesSchema>;

/** Validates a parsed JSON value as spec v1; throws ValidationError naming every bad field path. */
export function parseBudgetSpec(value: unknown): BudgetSpec {
  const result = budgetSpecSchema.safeParse(value);
  if (!result.success) throw new ValidationError(zodProblems(result.error));
  return result.data;
}

/** Parses JSON text; a syntax error is reported like a field problem at the root. */
export function parseBudgetSpecText(text: string): BudgetSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ValidationError([{ path: '(root)', message: `不是有效的 JSON / invalid JSON: ${(e as Error).message}` }]);
  }
  return parseBudgetSpec(value);
}

/** Canonical JSON text of a spec (defaults filled in), 2-space indented. */
export function serializeBudgetSpec(spec: BudgetSpec): string {
  return JSON.stringify(spec, null, 2) + '\n';
}
