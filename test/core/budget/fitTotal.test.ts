import { describe, expect, it } from 'vitest';
import { fitJson, fitTotal, parseVary } from '../../../src/core/budget/fitTotal';
import { parseDecimal } from '../../../src/core/money/decimal';
import { type BudgetSpecInput, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { ValidationError } from '../../../src/core/spec/fields';

/**
 * 倒算 (docs/design.md §Budget arithmetic → Solving for a cap). The budget: social workers at
 * 6,000.00 a month for 12 months, pension 16 % on a base that is not clamped, no levies:
 *   per person a year: gross 6,000 × 12 = 72,000.00; pension 960.00 × 12 = 11,520.00; labour 83,520.00
 * plus activities 10,000.00, management fee 10 % of direct, no tax:
 *   total(N people) = (83,520 × N + 10,000) × 1.10
 */
function spec(lines: number[]): BudgetSpecInput {
  return {
    version: 1,
    name: '倒算示例',
    period: { start: '2026-01', months: 12 },
    payGuide: { name: '示例指导价', rows: [{ post: '一线社工', grade: '社工师', step: 1, monthly: '6000.00' }] },
    contributions: { floor: '0', ceiling: '100000.00', items: [{ name: '养老保险', rate: '0.16' }] },
    staff: lines.map((count) => ({ post: '一线社工', grade: '社工师', step: 1, count, months: 12 })),
    costs: [{ category: '活动费', name: '社区活动', unitPrice: '10000.00', quantity: 1 }],
    managementFee: { rate: '0.10' },
  };
}

const CEILING = parseDecimal('530000.00');

describe('one line: the largest count in half-steps that fits the ceiling', () => {
  // 6 people: direct 83,520 × 6 + 10,000 = 511,120.00, fee 51,112.00, total 562,232.00 > 530,000
  // 5.5 people: direct 83,520 × 5.5 + 10,000 = 469,360.00, fee 46,936.00, total 516,296.00 ≤ 530,000
  const fit = fitTotal(parseBudgetSpec(spec([6])), CEILING, { kind: 'line', line: 0 });

  it('6 → 5.5 people; total 516,296.00; remainder 530,000 − 516,296 = 13,704.00', () => {
    const j = fitJson(fit);
    expect(j).toMatchObject({ ceiling: '530000.00', vary: 'staff[0].count', count: 5.5, counts: [5.5], total: '516296.00', remainder: '13704.00' });
    expect(fit.budget.spec.staff[0]!.count).toBe(5.5);
  });

  it('the highest fee rate at 5.5 people: fee ≤ 530,000 − 469,360 = 60,640; 469,360 × 0.1291 = 60,594.38 fits, × 0.1292 = 60,641.31 does not → 12.91 %', () => {
    expect(fitJson(fit).maxManagementRate).toBe('0.1291');
  });

  it('a ceiling above the current total lets the line grow: at 700,000, N ≤ (700,000 ÷ 1.1 − 10,000) ÷ 83,520 = 7.50 → 7.5 people', () => {
    // 7.5 people: direct 83,520 × 7.5 + 10,000 = 636,400.00, fee 63,640.00, total 700,040.00 > 700,000 — so 7 people
    // 7 people: direct 594,640.00, fee 59,464.00, total 654,104.00
    const j = fitJson(fitTotal(parseBudgetSpec(spec([6])), parseDecimal('700000.00'), { kind: 'line', line: 0 }));
    expect(j).toMatchObject({ count: 7, total: '654104.00', remainder: '45896.00' });
  });

  it('only the varied line moves', () => {
    // lines 2 and 4 = 6 people; ceiling 530,000: the second line goes 4 → 3.5 (5.5 people, total 516,296.00 as above)
    const j = fitJson(fitTotal(parseBudgetSpec(spec([2, 4])), CEILING, { kind: 'line', line: 1 }));
    expect(j).toMatchObject({ vary: 'staff[1].count', count: 3.5, counts: [2, 3.5], total: '516296.00' });
  });

  it('a ceiling not even half a person fits is refused with the least total', () => {
    // 0.5 person: direct 41,760 + 10,000 = 51,760.00, fee 5,176.00, total 56,936.00 > 50,000
    expect(() => fitTotal(parseBudgetSpec(spec([6])), parseDecimal('50000.00'), { kind: 'line', line: 0 })).toThrow(
      /0\.5 人时合计仍为 56936\.00 元，超过上限 50000\.00 元/,
    );
  });

  it('a line that does not exist is named', () => {
    expect(() => fitTotal(parseBudgetSpec(spec([6])), CEILING, { kind: 'line', line: 3 })).toThrow(ValidationError);
    expect(parseVary('staff[3].count')).toEqual({ kind: 'line', line: 3 });
    expect(parseVary('staff[x].count')).toBeNull();
  });
});

describe('the whole mix: every count × k, down to the half person', () => {
  it('4 + 2 people at 530,000: k = 0.99 gives ⌊2 × 4 × 0.99⌋ ÷ 2 = 3.5 and ⌊2 × 2 × 0.99⌋ ÷ 2 = 1.5; k = 1 gives 6 people, too many', () => {
    // 5 people: direct 83,520 × 5 + 10,000 = 427,600.00, fee 42,760.00, total 470,360.00; remainder 59,640.00
    const j = fitJson(fitTotal(parseBudgetSpec(spec([4, 2])), CEILING, { kind: 'mix' }));
    expect(j).toMatchObject({ vary: 'mix', scale: '0.99', counts: [3.5, 1.5], total: '470360.00', remainder: '59640.00' });
    // fee ≤ 530,000 − 427,600 = 102,400: 427,600 × 0.2394 = 102,367.44 fits, × 0.2395 = 102,410.20 does not
    expect(j.maxManagementRate).toBe('0.2394');
  });
});
