import type { Decimal } from '../money/decimal';
import type { Check } from './checkCodes';
import type { BudgetModel, CostLineInput } from './model';
import type { StaffLineResult } from './staffCost';

/**
 * The shape of a computed budget, shared by the arithmetic (compute.ts) and the checks run on its
 * result (checks.ts), so neither has to import the other's module for types.
 */
export interface CostLineResult {
  input: CostLineInput;
  amount: Decimal;
}

export interface PurchaseByPostResult {
  pricePerPostYear: Decimal;
  posts: Decimal;
  /** round(price × posts × periodMonths / 12): what buying the same posts by the post would cost */
  amount: Decimal;
  /** the bottom-up labour cost of the staff lines (人力成本) */
  labour: Decimal;
  /** amount − labour: positive means the post price covers the labour cost */
  difference: Decimal;
  /** labour ÷ posts ÷ (periodMonths / 12), to the fen */
  labourPerPostYear: Decimal;
}

export interface BudgetTotals {
  gross: Decimal;
  contributions: Decimal;
  levies: Decimal;
  labour: Decimal;
  otherCosts: Decimal;
  direct: Decimal;
  managementFee: Decimal;
  subtotal: Decimal;
  tax: Decimal;
  total: Decimal;
  headcount: Decimal;
  /** people on social-work lines: the head count less the 非社工岗 lines */
  socialWorkPosts: Decimal;
}

/** Labour of one calendar year (docs/design.md §Budget arithmetic, "Segments"). */
export interface YearLabour {
  year: number;
  labour: Decimal;
}

export interface BudgetResult {
  model: BudgetModel;
  staff: StaffLineResult[];
  costs: CostLineResult[];
  totals: BudgetTotals;
  /** labour / total to 4 places (0 when the total is 0) */
  labourShare: Decimal;
  /** managementFee / total to 4 places */
  managementShare: Decimal;
  purchaseByPost: PurchaseByPostResult | null;
  /**
   * Labour by calendar year, summing exactly to the labour total: a spec v2 budget's segments each lie in one year;
   * a spec v1 budget is priced in one piece per line, so it has years only when it lies inside one year (else null).
   */
  years: YearLabour[] | null;
  checks: Check[];
}
