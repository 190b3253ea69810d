import { type Decimal, compare, sub, toFixed, toNumber, withScale } from '../money/decimal';
import type { BudgetSpec } from '../spec/budgetSpec';
import { LIMITS, ValidationError } from '../spec/fields';
import { type PricedBudget, priceBudget } from './pipeline';

/**
 * 倒算 — a budget solved for the purchaser's ceiling (docs/design.md §Budget arithmetic → Solving for
 * a cap). Given the most the purchaser pays, find the largest staffing whose total stays within it:
 *
 *  - one line (`staff[i].count`): that line's count in half-steps 0.5, 1, 1.5 … up to the head-count limit;
 *  - the whole mix: every line's count × k, each rounded down to the half person (⌊2 × count × k⌋ ÷ 2,
 *    so the fitted budget never rounds up past the ceiling), k in hundredths;
 *
 * then the remainder (ceiling − total) and the highest management fee rate, to 0.01 % (4 places), at
 * which the fitted staffing still fits. Every trial is the whole budget priced by priceBudget, so the
 * answer is the program's own total to the fen. The total never falls when a count or the fee rate
 * rises (every amount is a rounded product of non-negative factors), so each search is a binary search.
 */
export type FitVary = { kind: 'line'; line: number } | { kind: 'mix' };

export interface FitOutcome {
  ceiling: Decimal;
  vary: FitVary;
  /** the varied line's fitted count (line), else null */
  count: Decimal | null;
  /** the fitted k (mix), else null */
  scale: Decimal | null;
  /** every staff line's count after fitting */
  counts: Decimal[];
  /** the fitted spec, priced */
  budget: PricedBudget;
  /** ceiling − total, ≥ 0 */
  remainder: Decimal;
  /** the highest management fee rate (4 places) at which the fitted staffing stays within the ceiling */
  maxManagementRate: Decimal;
}

/** Counts are in hundredths of a person (LIMITS.headCount has 2 places): 0.5 person = 50. */
const HUNDREDTHS_PER_HALF = 50;
const MAX_HUNDREDTHS = Number(LIMITS.headCount.max) * 100;
/** rates to 0.01 % are whole ten-thousandths, below 1 (LIMITS.rate) */
const RATE_STEPS = 10_000;

const hundredths = (count: number) => Math.round(count * 100);
const personsOf = (h: number): Decimal => ({ units: BigInt(h), scale: 2 });

/** The largest n in [lo, hi] with fits(n), fits being true up to some n and false above; null when fits(lo) is false. */
function largestFitting(lo: number, hi: number, fits: (n: number) => boolean): number | null {
  if (lo > hi || !fits(lo)) return null;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function withCounts(spec: BudgetSpec, counts: readonly number[]): BudgetSpec {
  return { ...spec, staff: spec.staff.map((s, i) => ({ ...s, count: counts[i]! / 100 })) };
}

const totalOf = (spec: BudgetSpec) => priceBudget(spec).result.totals.total;

export function fitTotal(spec: BudgetSpec, ceiling: Decimal, vary: FitVary): FitOutcome {
  if (spec.staff.length === 0) throw new ValidationError([{ path: 'staff', message: '没有人员行，无法按上限倒算人数 / no staff line to fit' }]);
  const original = spec.staff.map((s) => hundredths(s.count));
  const within = (s: BudgetSpec) => compare(totalOf(s), ceiling) <= 0;
  let counts: number[];
  let count: Decimal | null = null;
  let scale: Decimal | null = null;

  if (vary.kind === 'line') {
    const i = vary.line;
    if (!Number.isInteger(i) || i < 0 || i >= spec.staff.length) {
      throw new ValidationError([{ path: 'vary', message: `没有人员第 ${i + 1} 行（共 ${spec.staff.length} 行）/ no staff line ${i}` }]);
    }
    const at = (halves: number) => original.map((h, k) => (k === i ? halves * HUNDREDTHS_PER_HALF : h));
    const halves = largestFitting(1, MAX_HUNDREDTHS / HUNDREDTHS_PER_HALF, (n) => within(withCounts(spec, at(n))));
    if (halves === null) {
      const least = totalOf(withCounts(spec, at(1)));
      throw new ValidationError([
        {
          path: 'ceiling',
          message: `人员第 ${i + 1} 行只留 0.5 人时合计仍为 ${toFixed(least, 2)} 元，超过上限 ${toFixed(ceiling, 2)} 元 / even 0.5 person exceeds the ceiling`,
        },
      ]);
    }
    counts = at(halves);
    count = personsOf(counts[i]!);
  } else {
    // k = h / 100; line i gets ⌊2 × count_i × k⌋ halves = ⌊count_i(hundredths) × h / 5000⌋ halves
    const at = (h: number) => original.map((c) => Math.floor((c * h) / 5000) * HUNDREDTHS_PER_HALF);
    const smallest = Math.min(...original);
    const largest = Math.max(...original);
    // every line keeps at least half a person: c × h ≥ 5000; none passes the head-count limit: c × h / 100 ≤ max
    const lo = Math.ceil(5000 / smallest);
    const hi = Math.floor((MAX_HUNDREDTHS * 100) / largest);
    const h = largestFitting(lo, hi, (n) => within(withCounts(spec, at(n))));
    if (h === null) {
      const least = totalOf(withCounts(spec, at(lo)));
      throw new ValidationError([
        {
          path: 'ceiling',
          message: `各行按比例缩减到最小（每行至少 0.5 人）合计仍为 ${toFixed(least, 2)} 元，超过上限 ${toFixed(ceiling, 2)} 元 / even the smallest mix exceeds the ceiling`,
        },
      ]);
    }
    counts = at(h);
    scale = { units: BigInt(h), scale: 2 };
  }

  const fitted = withCounts(spec, counts);
  const budget = priceBudget(fitted);
  const withRate = (j: number): BudgetSpec => ({ ...fitted, managementFee: { ...fitted.managementFee, rate: toFixed({ units: BigInt(j), scale: 4 }, 4) } });
  // rate 0 fits whenever the fitted budget does (its own rate is ≥ 0)
  const j = largestFitting(0, RATE_STEPS - 1, (n) => within(withRate(n)))!;
  return {
    ceiling,
    vary,
    count,
    scale,
    counts: counts.map(personsOf),
    budget,
    remainder: sub(ceiling, budget.result.totals.total),
    maxManagementRate: withScale({ units: BigInt(j), scale: 4 }, 4),
  };
}

/** `staff[2].count` → line 2; anything else is not a line to vary. */
export function parseVary(text: string): FitVary | null {
  const m = /^staff\[(\d{1,6})\]\.count$/.exec(text.trim());
  return m ? { kind: 'line', line: Number(m[1]) } : null;
}

/** The fit as JSON (amounts with 2 decimals, the rate with 4, counts as written). */
export function fitJson(f: FitOutcome) {
  return {
    ceiling: toFixed(f.ceiling, 2),
    vary: f.vary.kind === 'line' ? `staff[${f.vary.line}].count` : 'mix',
    ...(f.count ? { count: toNumber(f.count) } : {}),
    ...(f.scale ? { scale: toFixed(f.scale, 2) } : {}),
    counts: f.counts.map(toNumber),
    total: toFixed(f.budget.result.totals.total, 2),
    remainder: toFixed(f.remainder, 2),
    maxManagementRate: toFixed(f.maxManagementRate, 4),
  };
}

export type FitJson = ReturnType<typeof fitJson>;
