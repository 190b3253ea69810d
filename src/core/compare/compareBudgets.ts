import { type Decimal, ZERO, add, compare, divRound, fromInteger, isZero, mul, parseDecimal, sub, toFixed, toPlainString } from '../money/decimal';
import type { BudgetJson } from '../budget/resultJson';
import { ValidationError } from '../spec/fields';

/**
 * Budgets side by side (docs/design.md §Data flow, "Comparing budgets"): for each priced budget its total, labour,
 * labour share, management fee, head count, person-months, cost per post-year and its checks (or a reviewed bid's
 * findings) by severity, and each figure's difference from a baseline — the first budget, or the one with the lowest
 * total. Pure and exact: the amounts come in as the budget JSON's strings and are compared as decimals.
 */

/** Counts of checks or findings by severity (a project's checks are error / warning / info like a bid's findings). */
export interface SeverityTally {
  error: number;
  warning: number;
  info: number;
}

/** One budget to compare: a project's or a reviewed bid's priced budget and its checks or findings counted. */
export interface CompareEntry {
  /** what the user knows it by: the project's name, or the bid's file */
  label: string;
  kind: 'project' | 'bid';
  budget: Pick<BudgetJson, 'total' | 'labour' | 'labourShare' | 'managementFee' | 'otherCosts' | 'headcount' | 'lines'>;
  counts: SeverityTally;
}

export type Baseline = 'first' | 'lowest';

/** The figures of one budget, amounts with 2 decimals, shares with 4, as the budget JSON writes them. */
export interface ComparedFigures {
  total: string;
  labour: string;
  labourShare: string;
  managementFee: string;
  otherCosts: string;
  headcount: string;
  /** Σ count × months over the staff lines (人月), exact */
  personMonths: string;
  /** person-months ÷ 12, to 2 places (for reading; the cost per post-year divides by the exact person-months) */
  postYears: string;
  /** round(total × 12 ÷ person-months, 2); null when the budget has no staff */
  costPerPostYear: string | null;
}

/** A figure's difference from the baseline (this − baseline); null when either side has none. */
export interface FigureDifferences {
  total: string;
  /** (total − baseline total) ÷ baseline total, to 4 places; null when the baseline's total is 0 */
  totalPercent: string | null;
  labour: string;
  /** in share points, to 4 places (0.0125 = 1.25 percentage points) */
  labourShare: string;
  managementFee: string;
  headcount: string;
  costPerPostYear: string | null;
}

export interface ComparedBudget extends ComparedFigures {
  label: string;
  kind: 'project' | 'bid';
  counts: SeverityTally;
  difference: FigureDifferences;
}

export interface Comparison {
  baseline: Baseline;
  /** index into `budgets` of the budget the differences are taken against */
  baselineIndex: number;
  budgets: ComparedBudget[];
}

/** Two to ten budgets side by side: a table of more reads as a list, not a comparison. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 10;

const TWELVE = fromInteger(12);
const money = (d: Decimal) => toFixed(d, 2);

/** Counts a budget's own checks by level (docs/design.md §Budget arithmetic, Checks). */
export function tallyChecks(checks: readonly { level: 'error' | 'warning' | 'info' }[]): SeverityTally {
  const tally: SeverityTally = { error: 0, warning: 0, info: 0 };
  for (const c of checks) tally[c.level]++;
  return tally;
}

/** Σ count × months over the staff lines of a budget JSON: the person-months its staff is priced for. */
export function personMonthsOf(lines: BudgetJson['lines']): Decimal {
  return lines.reduce((acc, l) => (l.kind === 'staff' ? add(acc, mul(parseDecimal(l.count), parseDecimal(l.months))) : acc), ZERO);
}

export function figuresOf(budget: CompareEntry['budget']): ComparedFigures {
  const personMonths = personMonthsOf(budget.lines);
  const total = parseDecimal(budget.total);
  return {
    total: budget.total,
    labour: budget.labour,
    labourShare: budget.labourShare,
    managementFee: budget.managementFee,
    otherCosts: budget.otherCosts,
    headcount: budget.headcount,
    personMonths: toPlainString(personMonths),
    postYears: toFixed(divRound(personMonths, TWELVE, 2), 2),
    // total ÷ (person-months ÷ 12) = total × 12 ÷ person-months: one exact division, one rounding
    costPerPostYear: isZero(personMonths) ? null : money(divRound(mul(total, TWELVE), personMonths, 2)),
  };
}

function differences(a: ComparedFigures, base: ComparedFigures): FigureDifferences {
  const d = (x: string, y: string) => sub(parseDecimal(x), parseDecimal(y));
  const baseTotal = parseDecimal(base.total);
  return {
    total: money(d(a.total, base.total)),
    totalPercent: isZero(baseTotal) ? null : toFixed(divRound(d(a.total, base.total), baseTotal, 4), 4),
    labour: money(d(a.labour, base.labour)),
    labourShare: toFixed(d(a.labourShare, base.labourShare), 4),
    managementFee: money(d(a.managementFee, base.managementFee)),
    headcount: toPlainString(d(a.headcount, base.headcount)),
    costPerPostYear: a.costPerPostYear === null || base.costPerPostYear === null ? null : money(d(a.costPerPostYear, base.costPerPostYear)),
  };
}

/** The index of the baseline: the first budget, or the lowest total (the first of equal totals). */
export function baselineIndexOf(totals: readonly string[], baseline: Baseline): number {
  if (baseline === 'first') return 0;
  let best = 0;
  for (let i = 1; i < totals.length; i++) if (compare(parseDecimal(totals[i]!), parseDecimal(totals[best]!)) < 0) best = i;
  return best;
}

export function compareBudgets(entries: readonly CompareEntry[], baseline: Baseline = 'first'): Comparison {
  if (entries.length < COMPARE_MIN || entries.length > COMPARE_MAX) {
    throw new ValidationError([
      {
        path: 'ids',
        message: `对比需要 ${COMPARE_MIN} 到 ${COMPARE_MAX} 个预算，现有 ${entries.length} 个 / compare ${COMPARE_MIN} to ${COMPARE_MAX} budgets`,
      },
    ]);
  }
  const figures = entries.map((e) => figuresOf(e.budget));
  const baselineIndex = baselineIndexOf(
    figures.map((f) => f.total),
    baseline,
  );
  const base = figures[baselineIndex]!;
  return {
    baseline,
    baselineIndex,
    budgets: entries.map((e, i) => ({ label: e.label, kind: e.kind, counts: e.counts, ...figures[i]!, difference: differences(figures[i]!, base) })),
  };
}
