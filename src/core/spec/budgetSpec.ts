import { z } from 'zod';
import { TextDecodeError, decodeText } from '../text/decodeText';
import { StrictJsonError, parseStrictJson } from '../text/strictJson';
import {
  LIMITS,
  bonusMonths,
  boundedList,
  coefficientText,
  floorNotAboveCeiling,
  headCount,
  isoDate,
  lineMonths,
  moneyText,
  nonEmptyText,
  optionalText,
  periodMonths,
  postCount,
  purchasedPosts,
  quantity,
  rateText,
  stepNumber,
  times,
  yearMonth,
  ValidationError,
  zodProblems,
} from './fields';

/**
 * Budget spec v1 (docs/design.md §Budget spec): one project budget as one JSON file — what the CLI reads, what a bid
 * package carries, what the API validates. Strict objects: an unknown field is an error naming its path. Every number
 * has its range (fields.ts LIMITS); every rate is below 1, so the gross-up divisor 1 − vat × surcharge
 * (docs/design.md §Budget arithmetic) is always positive.
 */

export const guideRowSchema = z
  .strictObject({
    post: nonEmptyText, // 岗位
    grade: nonEmptyText, // 等级 / 薪级
    step: stepNumber.default(1), // 档次
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
  rows: boundedList(guideRowSchema, LIMITS.guideRows, 1, '指导价至少要有一行 / at least one row'),
  allowances: boundedList(allowanceSchema, LIMITS.allowances).default([]),
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
    items: boundedList(contributionItemSchema, LIMITS.contributionItems).default([]),
    levies: boundedList(levySchema, LIMITS.levies).default([]),
  })
  .refine(floorNotAboveCeiling, {
    message: '缴费基数下限不能高于上限 / floor must not exceed ceiling',
    path: ['floor'],
  });

export const extraMonthlySchema = z.strictObject({ name: nonEmptyText, monthly: moneyText });

export const staffLineSchema = z.strictObject({
  post: nonEmptyText,
  grade: nonEmptyText,
  step: stepNumber.default(1),
  qualification: nonEmptyText.optional(),
  count: headCount, // people; 0.5 = a half-time post
  months: lineMonths,
  bonusMonths: bonusMonths.default(0), // 年终奖等额外月数
  /** monthly pay agreed with the worker instead of guide + allowance + extras; flagged if below */
  monthly: moneyText.optional(),
  extras: boundedList(extraMonthlySchema, LIMITS.extras).default([]),
  note: optionalText.optional(),
});

export const costLineSchema = z.strictObject({
  category: nonEmptyText, // 活动费、督导培训费、行政办公费……
  name: nonEmptyText,
  unitPrice: moneyText,
  quantity,
  times: times.default(1),
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
    .strictObject({ min: postCount, max: postCount, label: optionalText.optional() })
    .refine((p) => p.min <= p.max, { message: '岗位下限不能高于上限 / min must not exceed max', path: ['min'] })
    .optional(),
});

export const purchaseByPostSchema = z.strictObject({
  pricePerPostYear: moneyText, // 岗位购买单价（元/岗/年）
  posts: purchasedPosts.optional(), // defaults to the staff head count
});

export const budgetSpecSchema = z.strictObject({
  version: z.literal(1, { error: 'version 必须是 1 / must be 1' }),
  name: nonEmptyText,
  purchaser: optionalText.optional(), // 购买主体
  provider: optionalText.optional(), // 承接主体
  period: z.strictObject({ start: yearMonth, months: periodMonths }),
  payGuide: z.union([guideRefSchema, inlineGuideSchema], {
    error: 'payGuide 须为 { "ref": 名称 } 或完整的指导价 / must be { "ref" } or an inline guide',
  }),
  contributions: inlineContributionsSchema,
  staff: boundedList(staffLineSchema, LIMITS.staffLines).default([]),
  costs: boundedList(costLineSchema, LIMITS.costLines).default([]),
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

/**
 * Parses JSON text strictly (src/core/text/strictJson.ts): a syntax error, a key given twice or nesting too deep is
 * reported like a field problem, at the root or at the path where it happened.
 */
export function parseBudgetSpecText(text: string): BudgetSpec {
  let value: unknown;
  try {
    value = parseStrictJson(text);
  } catch (e) {
    if (e instanceof StrictJsonError) throw new ValidationError([{ path: e.path, message: e.message }]);
    throw e;
  }
  return parseBudgetSpec(value);
}

/** The largest spec file read: a 100,000-line budget is about 20 MB of JSON. */
export const MAX_SPEC_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A spec file's bytes: decoded by its byte-order mark or detected encoding (UTF-8, UTF-16, GBK/GB18030; see
 * src/core/text/decodeText.ts), then parsed as above. A file too large or in no known encoding is a problem at the root.
 */
export function parseBudgetSpecBytes(bytes: Uint8Array): BudgetSpec {
  if (bytes.length > MAX_SPEC_FILE_BYTES) {
    throw new ValidationError([
      {
        path: '(root)',
        message: `文件大于 ${MAX_SPEC_FILE_BYTES / 1048576} MB，不是预算规格（10 万行人员的预算约 20 MB）/ file larger than ${MAX_SPEC_FILE_BYTES / 1048576} MB, too large for a budget spec`,
      },
    ]);
  }
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (e) {
    if (e instanceof TextDecodeError) throw new ValidationError([{ path: '(root)', message: e.message }]);
    throw e;
  }
  return parseBudgetSpecText(text);
}

/** Canonical JSON text of a spec (defaults filled in), 2-space indented. */
export function serializeBudgetSpec(spec: BudgetSpec): string {
  return JSON.stringify(spec, null, 2) + '\n';
}
