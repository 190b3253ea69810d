import type { Decimal } from '../money/decimal';

/**
 * A budget with every text parsed to exact decimals and every guide cell resolved — what the
 * arithmetic of docs/design.md §Budget arithmetic runs on. Built once from a spec (fromSpec.ts); recomputed on every edit.
 */
export interface StaffLineInput {
  post: string;
  grade: string;
  step: number;
  qualification?: string | undefined;
  count: Decimal; // 人数 (0.5 = half-time)
  months: Decimal;
  bonusMonths: Decimal; // 年终奖等额外月数
  /** guide amount per month for post × grade × step; null when the guide has no such cell */
  guideMonthly: Decimal | null;
  allowanceMonthly: Decimal; // 持证津贴（按月）
  oneOffAllowance: Decimal; // 持证津贴（一次性，每人）
  extrasMonthly: Decimal; // other monthly items
  /** monthly pay agreed instead of guide + allowance + extras */
  override: Decimal | null;
  note?: string | undefined;
  /** 非社工岗 (财务、行政…): priced on its agreed pay; staff, but not a social-work post */
  nonSocialWork?: boolean | undefined;
  /**
   * Spec v2 with several guide versions in force: the line's guide amounts under each (indexed like
   * `BudgetModel.guideVersions`); the fields above are those of the version in force in the first month.
   */
  byVersion?: GuidePrices[] | undefined;
  /**
   * Lines with equal keys have equal inputs (cell, qualification, count, months, pay), so their
   * arithmetic is computed once per budget. Optional: a line without a key is always computed.
   */
  key?: string | undefined;
}

/** What a guide version pays a line: the cell and the qualification's allowances. */
export interface GuidePrices {
  guideMonthly: Decimal | null;
  allowanceMonthly: Decimal;
  oneOffAllowance: Decimal;
}

export interface CostLineInput {
  category: string;
  name: string;
  unitPrice: Decimal;
  quantity: Decimal;
  times: Decimal;
  note?: string | undefined;
}

export interface ContributionItemInput {
  name: string;
  rate: Decimal;
  round: 'fen' | 'yuan';
  /** the item's own base limits, replacing the set's (docs/design.md §Budget spec, spec v2) */
  floor?: Decimal | undefined;
  ceiling?: Decimal | undefined;
}

export interface ContributionsInput {
  name?: string | undefined;
  city?: string | undefined;
  floor: Decimal; // 缴费基数下限
  ceiling: Decimal; // 缴费基数上限
  items: ContributionItemInput[];
  levies: { name: string; rate: Decimal }[];
  /** spec v2: the date from which the set holds */
  effective?: string | undefined;
}

/**
 * A stretch of months priced alike (docs/design.md §Budget arithmetic, "Segments"): months `from` (inclusive) to `to`
 * (exclusive) counted from the period's first month, inside one calendar year, under one guide version and one
 * contribution set (indexes into `BudgetModel.guideVersions` and `contributionSets`).
 */
export interface TimelinePiece {
  from: number;
  to: number;
  /** "YYYY-MM" of its first month */
  start: string;
  year: number;
  version: number;
  set: number;
}

export type TaxInput = { method: 'gross-up'; vat: Decimal; surcharge: Decimal } | { method: 'simple'; rate: Decimal };

export interface RulesInput {
  minLabourShare?: Decimal | undefined;
  maxManagementShare?: Decimal | undefined;
  posts?: { min: Decimal; max: Decimal; label?: string | undefined } | undefined;
  /** social-work posts ÷ all posts at least this (珠海方案 item 3: 70 %) */
  minSocialWorkPostShare?: Decimal | undefined;
  /** the team's average monthly pay at least this (吉林: 上年度事业单位管理岗位人员平均工资, src/core/pay/) */
  payReference?: { name: string; monthly: Decimal } | undefined;
}

export interface BudgetModel {
  name: string;
  /** gross pay: contributions go on top; employerCost: the guide amount already includes them */
  guideIncludes: 'gross' | 'employerCost';
  periodMonths: number;
  /** "YYYY-MM" of the period's first month */
  periodStart?: string | undefined;
  /**
   * Spec v2: the months cut at 1 January and wherever the guide version or contribution set in force changes
   * (segments.ts). Absent for spec v1, which prices every line in one piece as it always did.
   */
  timeline?: TimelinePiece[] | undefined;
  /** spec v2: the guide versions in force during the period, in date order */
  guideVersions?: { label: string; effective: string }[] | undefined;
  /** spec v2: the contribution sets in force during the period, in date order; `contributions` is the first */
  contributionSets?: ContributionsInput[] | undefined;
  staff: StaffLineInput[];
  costs: CostLineInput[];
  contributions: ContributionsInput;
  managementRate: Decimal;
  tax: TaxInput;
  rules: RulesInput;
  purchaseByPost?: { pricePerPostYear: Decimal; posts?: Decimal | undefined } | undefined;
}
