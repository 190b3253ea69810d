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
  /**
   * Lines with equal keys have equal inputs (cell, qualification, count, months, pay), so their
   * arithmetic is computed once per budget. Optional: a line without a key is always computed.
   */
  key?: string | undefined;
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
}

export interface ContributionsInput {
  name?: string | undefined;
  city?: string | undefined;
  floor: Decimal; // 缴费基数下限
  ceiling: Decimal; // 缴费基数上限
  items: ContributionItemInput[];
  levies: { name: string; rate: Decimal }[];
}

export type TaxInput = { method: 'gross-up'; vat: Decimal; surcharge: Decimal } | { method: 'simple'; rate: Decimal };

export interface RulesInput {
  minLabourShare?: Decimal | undefined;
  maxManagementShare?: Decimal | undefined;
  posts?: { min: Decimal; max: Decimal; label?: string | undefined } | undefined;
}

export interface BudgetModel {
  name: string;
  /** gross pay: contributions go on top; employerCost: the guide amount already includes them */
  guideIncludes: 'gross' | 'employerCost';
  periodMonths: number;
  staff: StaffLineInput[];
  costs: CostLineInput[];
  contributions: ContributionsInput;
  managementRate: Decimal;
  tax: TaxInput;
  rules: RulesInput;
  purchaseByPost?: { pricePerPostYear: Decimal; posts?: Decimal | undefined } | undefined;
}
