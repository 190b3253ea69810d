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
  shareText,
  stepNumber,
  times,
  unitPriceText,
  yearMonth,
  ValidationError,
  zodProblems,
} from './fields';

/**
 * Budget spec v1 and v2 (docs/design.md §Budget spec): one project budget as one JSON file — what the CLI reads, what a bid
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

export const contributionItemSchema = z
  .strictObject({
    name: nonEmptyText, // 养老保险、医疗保险……
    rate: rateText, // employer rate
    round: z.enum(['fen', 'yuan'], { error: 'round 必须是 "fen" 或 "yuan" / must be "fen" or "yuan"' }).default('fen'),
    /** this item's own base limits (the housing fund's often differ from social insurance's); else the set's */
    floor: moneyText.optional(),
    ceiling: moneyText.optional(),
  })
  .refine((it) => it.floor === undefined || it.ceiling === undefined || floorNotAboveCeiling({ floor: it.floor, ceiling: it.ceiling }), {
    message: '缴费基数下限不能高于上限 / floor must not exceed ceiling',
    path: ['floor'],
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
  })
  .superRefine(itemLimitsWithinSet);

/** An item with one own limit takes the other from its set: the pair must still be in order. */
function itemLimitsWithinSet(
  c: { floor: string; ceiling: string; items: { floor?: string | undefined; ceiling?: string | undefined }[] },
  ctx: z.RefinementCtx,
) {
  c.items.forEach((it, i) => {
    if ((it.floor === undefined) === (it.ceiling === undefined)) return; // both own (checked by the item) or both the set's
    if (!floorNotAboveCeiling({ floor: it.floor ?? c.floor, ceiling: it.ceiling ?? c.ceiling })) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', i, it.floor !== undefined ? 'floor' : 'ceiling'],
        message: '该项的缴费基数下限高于上限（另一端取本组参数）/ the item’s floor exceeds its ceiling (the other limit is the set’s)',
      });
    }
  });
}

export const extraMonthlySchema = z.strictObject({ name: nonEmptyText, monthly: moneyText });

export const staffLineSchema = z
  .strictObject({
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
    /** 非社工岗 (财务、行政、后勤…): priced on its agreed `monthly`, no guide cell; counts as staff, not as a social-work post */
    nonSocialWork: z.boolean({ error: 'nonSocialWork 必须是 true 或 false / must be true or false' }).optional(),
  })
  .refine((s) => s.nonSocialWork !== true || s.monthly !== undefined, {
    message: '非社工岗须填写约定月薪 monthly / a non-social-work line needs its agreed monthly pay',
    path: ['monthly'],
  });

export const costLineSchema = z.strictObject({
  category: nonEmptyText, // 活动费、督导培训费、行政办公费……
  name: nonEmptyText,
  unitPrice: unitPriceText, // up to 4 decimals (0.6173 元/度); the amount rounds to the fen
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
  /** 月均薪酬参照标准 (吉林: 上年度事业单位管理岗位人员平均工资 ÷ 12): the team's average monthly pay at least this */
  payReference: z.strictObject({ name: nonEmptyText, monthly: moneyText }).optional(),
  /** 社会工作专业岗位不低于岗位总数的比例 (珠海方案 item 3: 70 %): social-work posts ÷ all posts */
  minSocialWorkPostShare: shareText.optional(),
  posts: z
    .strictObject({ min: postCount, max: postCount, label: optionalText.optional() })
    .refine((p) => p.min <= p.max, { message: '岗位下限不能高于上限 / min must not exceed max', path: ['min'] })
    .optional(),
});

export const purchaseByPostSchema = z.strictObject({
  pricePerPostYear: moneyText, // 岗位购买单价（元/岗/年）
  posts: purchasedPosts.optional(), // defaults to the staff head count
});

// ---------------------------------------------------------------------------------------------
// Spec v2 (docs/design.md §Budget spec, "Spec v2"): dated guide versions and contribution sets

/** One dated version of a guide: in force for a month when it is the latest whose `effective` is on or before the 1st. */
export const guideVersionSpecSchema = z.strictObject({
  label: nonEmptyText, // e.g. "2028 版"
  effective: isoDate,
  documentNo: optionalText.optional(),
  source: optionalText.optional(),
  /** the wage this version's coefficient cells multiply; else the guide's */
  referenceWage: referenceWageSchema.optional(),
  rows: boundedList(guideRowSchema, LIMITS.guideRows, 1, '指导价至少要有一行 / at least one row'),
  allowances: boundedList(allowanceSchema, LIMITS.allowances).default([]),
});

export const versionedGuideSchema = z.strictObject({
  name: nonEmptyText,
  issuer: optionalText.optional(),
  includes: z.enum(['gross', 'employerCost'], { error: 'includes 必须是 "gross" 或 "employerCost"' }).default('gross'),
  source: optionalText.optional(),
  referenceWage: referenceWageSchema.optional(),
  versions: boundedList(guideVersionSpecSchema, LIMITS.guideVersions, 1, '至少要有一个版本 / at least one version').superRefine(distinctDates),
});

/** A contribution set of a v2 list: the set's parameters and the date from which they hold (bases reset each July). */
export const datedContributionsSchema = z
  .strictObject({
    effective: isoDate,
    name: optionalText.optional(),
    city: optionalText.optional(),
    floor: moneyText,
    ceiling: moneyText,
    items: boundedList(contributionItemSchema, LIMITS.contributionItems).default([]),
    levies: boundedList(levySchema, LIMITS.levies).default([]),
  })
  .refine(floorNotAboveCeiling, { message: '缴费基数下限不能高于上限 / floor must not exceed ceiling', path: ['floor'] })
  .superRefine(itemLimitsWithinSet);

/**
 * **Decision** (docs/design.md §Budget spec): the sets of one budget pay the same items and levies, by name and in the
 * same order — a base reset changes bases and rates, not what is paid — so every segment fills the same columns.
 */
const datedContributionsListSchema = boundedList(datedContributionsSchema, LIMITS.contributionSets, 1, '至少要有一组缴费参数 / at least one set')
  .superRefine(distinctDates)
  .superRefine((sets, ctx) => {
    const names = (list: { name: string }[]) => list.map((x) => x.name).join('\u0000');
    sets.forEach((set, i) => {
      if (i === 0) return;
      if (names(set.items) !== names(sets[0]!.items)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'items'],
          message: `各组缴费参数须列出相同的缴费项目（同名同序）：第 1 组为 ${sets[0]!.items.map((x) => x.name).join('、') || '（无）'} / every set must list the same items in the same order`,
        });
      }
      if (names(set.levies) !== names(sets[0]!.levies)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'levies'],
          message: `各组缴费参数须列出相同的计提项目（同名同序）：第 1 组为 ${sets[0]!.levies.map((x) => x.name).join('、') || '（无）'} / every set must list the same levies in the same order`,
        });
      }
    });
  });

/** Two versions (or sets) with the same date leave the one in force undecided. */
function distinctDates(list: { effective: string }[], ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  list.forEach((x, i) => {
    const earlier = seen.get(x.effective);
    if (earlier !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'effective'],
        message: `生效日期 ${x.effective} 与第 ${earlier + 1} 项相同 / same effective date as item ${earlier + 1}`,
      });
    } else seen.set(x.effective, i);
  });
}

const budgetSpecFields = {
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
};

export const budgetSpecV1Schema = z.strictObject(budgetSpecFields);

export const budgetSpecV2Schema = z.strictObject({
  ...budgetSpecFields,
  version: z.literal(2),
  payGuide: z.union([guideRefSchema, inlineGuideSchema, versionedGuideSchema], {
    error: 'payGuide 须为 { "ref": 名称 }、完整的指导价或带 versions 的指导价 / must be { "ref" }, an inline guide or a guide with versions',
  }),
  contributions: z.union([inlineContributionsSchema, datedContributionsListSchema], {
    error: 'contributions 须为一组缴费参数或带 effective 的多组参数 / must be one set or a list of dated sets',
  }),
});

/** Either version, told apart by `version`; a value that is not an object keeps its own message. */
export const budgetSpecSchema = z.discriminatedUnion('version', [budgetSpecV1Schema, budgetSpecV2Schema], {
  error: (issue) => ((issue.code as string) === 'invalid_type' ? undefined : 'version 必须是 1 或 2 / must be 1 or 2'),
});

/** Input of spec v1 (what a v1 file may hold). */
export type BudgetSpecInput = z.input<typeof budgetSpecV1Schema>;
export type BudgetSpecV2Input = z.input<typeof budgetSpecV2Schema>;
export type BudgetSpecV1 = z.output<typeof budgetSpecV1Schema>;
export type BudgetSpecV2 = z.output<typeof budgetSpecV2Schema>;
/** A validated spec of either version. */
export type BudgetSpec = BudgetSpecV1 | BudgetSpecV2;
export type VersionedGuide = z.output<typeof versionedGuideSchema>;
export type GuideVersionSpec = z.output<typeof guideVersionSpecSchema>;
export type DatedContributions = z.output<typeof datedContributionsSchema>;
export type InlineGuide = z.output<typeof inlineGuideSchema>;
export type InlineContributions = z.output<typeof inlineContributionsSchema>;
export type StaffLineSpec = z.output<typeof staffLineSchema>;
export type CostLineSpec = z.output<typeof costLineSchema>;
export type TaxSpec = z.output<typeof taxSchema>;
export type RulesSpec = z.output<typeof rulesSchema>;

/** Validates a parsed JSON value as spec v1 or v2; throws ValidationError naming every bad field path. */
export function parseBudgetSpec(value: BudgetSpecInput): BudgetSpecV1;
export function parseBudgetSpec(value: unknown): BudgetSpec;
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
