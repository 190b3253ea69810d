import { computeStaffLine } from '../../../src/core/budget/staffCost';
import type { ContributionSet } from '../../../src/core/contributions/schema';
import { type Decimal, ONE, ZERO, parseDecimal } from '../../../src/core/money/decimal';

/**
 * 试算: what one person at a given monthly pay costs the employer in one month under a set —
 * computed by the budget core itself (computeStaffLine), so the page shows exactly what a budget
 * line will use: base = clamp(pay, floor, ceiling), item = round(base × rate) to the fen or yuan.
 */
export interface MonthExample {
  base: Decimal;
  clamp: 'floor' | 'ceiling' | null;
  items: { name: string; amount: Decimal }[];
  contributions: Decimal;
  levies: { name: string; amount: Decimal }[];
}

export function exampleMonth(set: ContributionSet, monthlyPay: string): MonthExample {
  const params = {
    floor: parseDecimal(set.floor),
    ceiling: parseDecimal(set.ceiling),
    items: set.items.map((i) => ({ name: i.name, rate: parseDecimal(i.rate), round: i.round })),
    levies: set.levies.map((l) => ({ name: l.name, rate: parseDecimal(l.rate) })),
  };
  const line = computeStaffLine(
    {
      post: '试算',
      grade: '试算',
      step: 1,
      count: ONE,
      months: ONE,
      bonusMonths: ZERO,
      guideMonthly: parseDecimal(monthlyPay),
      allowanceMonthly: ZERO,
      oneOffAllowance: ZERO,
      extrasMonthly: ZERO,
      override: null,
    },
    params,
    'gross',
  );
  return {
    base: line.base,
    clamp: line.baseClamp,
    items: set.items.map((i, k) => ({ name: i.name, amount: line.itemsPerMonth[k]! })),
    contributions: line.contributions,
    levies: set.levies.map((l, k) => ({ name: l.name, amount: line.levyAmounts[k]! })),
  };
}
