import { type Decimal, ZERO, add, compare, divRound, fromInteger, isZero, mul, round, sub } from '../money/decimal';
import { ceilWhole } from './ceiling';
import { budgetChecks } from './checks';
import type { BudgetModel } from './model';
import { computeSegmentedLine } from './segments';
import { type StaffLineResult, computeStaffLine } from './staffCost';
import { computeTax } from './tax';
import type { BudgetResult, BudgetTotals, CostLineResult, PurchaseByPostResult, YearLabour } from './types';

// the result's types live in types.ts (the checks read them too); importers of compute.ts keep finding them here
export type { BudgetResult, BudgetTotals, CostLineResult, PurchaseByPostResult, YearLabour } from './types';

const TWELVE = fromInteger(12);

export function ratio(numerator: Decimal, denominator: Decimal, places = 4): Decimal {
  return isZero(denominator) ? { units: 0n, scale: places } : divRound(numerator, denominator, places);
}

/**
 * The whole budget (docs/design.md, "Budget arithmetic"):
 *   direct        = Σ labour + Σ other costs           (other cost = round(unitPrice × quantity × times))
 *   managementFee = round(direct × managementRate)
 *   subtotal      = direct + managementFee
 *   total, tax    by the tax method (tax.ts)
 *   labourShare   = Σ labour / total
 */
export function computeBudget(model: BudgetModel): BudgetResult {
  const staff: StaffLineResult[] = new Array(model.staff.length);
  let gross: Decimal = ZERO;
  let contributions: Decimal = ZERO;
  let levies: Decimal = ZERO;
  let labour: Decimal = ZERO;
  let headcount: Decimal = ZERO;
  let socialWorkPosts: Decimal = ZERO;
  let longestLine: Decimal = ZERO;
  // A district budget repeats the same post × grade × count × months many times: price each once.
  const priced = new Map<string, StaffLineResult>();
  for (let i = 0; i < model.staff.length; i++) {
    const input = model.staff[i]!;
    let line: StaffLineResult;
    const same = input.key === undefined ? undefined : priced.get(input.key);
    if (same) line = { ...same, input };
    else {
      // spec v2 prices each line in segments (segments.ts); spec v1 in one piece
      line = model.timeline ? computeSegmentedLine(input, model) : computeStaffLine(input, model.contributions, model.guideIncludes);
      if (input.key !== undefined) priced.set(input.key, line);
    }
    staff[i] = line;
    gross = add(gross, line.gross);
    contributions = add(contributions, line.contributions);
    levies = add(levies, line.leviesTotal);
    labour = add(labour, line.labour);
    headcount = add(headcount, line.input.count);
    if (!input.nonSocialWork) socialWorkPosts = add(socialWorkPosts, input.count);
    if (compare(input.months, longestLine) > 0) longestLine = input.months;
  }

  const costs: CostLineResult[] = new Array(model.costs.length);
  let otherCosts: Decimal = ZERO;
  for (let i = 0; i < model.costs.length; i++) {
    const input = model.costs[i]!;
    const amount = round(mul(mul(input.unitPrice, input.quantity), input.times), 2);
    costs[i] = { input, amount };
    otherCosts = add(otherCosts, amount);
  }

  const direct = add(labour, otherCosts);
  const managementFee = round(mul(direct, model.managementRate), 2);
  const subtotal = add(direct, managementFee);
  const { tax, total } = computeTax(subtotal, model.tax);

  const totals: BudgetTotals = { gross, contributions, levies, labour, otherCosts, direct, managementFee, subtotal, tax, total, headcount, socialWorkPosts };

  let purchaseByPost: PurchaseByPostResult | null = null;
  if (model.purchaseByPost) {
    const posts = model.purchaseByPost.posts ?? headcount;
    const months = fromInteger(model.periodMonths);
    // price × posts × months ÷ 12, rounded once
    const amount = divRound(mul(mul(model.purchaseByPost.pricePerPostYear, posts), months), TWELVE, 2);
    // labour ÷ (posts × months ÷ 12) = labour × 12 ÷ (posts × months)
    const postMonths = mul(posts, months);
    purchaseByPost = {
      pricePerPostYear: model.purchaseByPost.pricePerPostYear,
      posts,
      amount,
      labour,
      difference: sub(amount, labour),
      labourPerPostYear: isZero(postMonths) ? ZERO : divRound(mul(labour, TWELVE), postMonths, 2),
    };
  }

  const result: BudgetResult = {
    model,
    staff,
    costs,
    totals,
    labourShare: ratio(labour, total),
    managementShare: ratio(managementFee, total),
    purchaseByPost,
    years: labourByYear(model, staff, labour, Math.max(model.periodMonths, Number(ceilWhole(longestLine)))),
    checks: [],
  };
  result.checks = budgetChecks(result);
  return result;
}

/**
 * Labour by calendar year: the sum of the segments in each year (spec v2). A spec v1 line is one piece, so a v1
 * budget has a year's figure only when all its months lie in the year it starts in.
 */
function labourByYear(model: BudgetModel, staff: readonly StaffLineResult[], labour: Decimal, longestMonths: number): YearLabour[] | null {
  if (model.timeline) {
    const years = new Map<number, Decimal>(model.timeline.map((p) => [p.year, ZERO]));
    for (const line of staff) {
      for (const seg of line.segments ?? []) years.set(seg.piece.year, add(years.get(seg.piece.year)!, seg.line.labour));
    }
    return [...years].map(([year, amount]) => ({ year, labour: amount }));
  }
  if (!model.periodStart) return null;
  const startMonth = Number(model.periodStart.slice(5, 7));
  return startMonth - 1 + longestMonths <= 12 ? [{ year: Number(model.periodStart.slice(0, 4)), labour }] : null;
}
