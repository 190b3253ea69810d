import { describe, expect, it } from 'vitest';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { type CompareEntry, compareBudgets, tallyChecks } from '../../../src/core/compare/compareBudgets';
import { parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { ValidationError } from '../../../src/core/spec/fields';
import { designExample } from '../../support/specs';

/**
 * Two budgets side by side (docs/design.md §Data flow, "Comparing budgets"). The first is the worked example of
 * docs/design.md §Budget arithmetic, priced by the program; the second a bid written out by hand.
 */
function workedExample(): CompareEntry {
  const { json } = priceBudget(parseBudgetSpec(designExample()));
  return { label: '示例项目', kind: 'project', budget: json, counts: tallyChecks(json.checks) };
}

/** 5 people for 12 months and a half post for 6: 5 × 12 + 0.5 × 6 = 63 person-months. */
const handBid: CompareEntry = {
  label: '乙机构投标.xlsx',
  kind: 'bid',
  budget: {
    total: '700000.00',
    labour: '560000.00',
    labourShare: '0.8000',
    managementFee: '50000.00',
    otherCosts: '20000.00',
    headcount: '5.5',
    lines: [
      { kind: 'staff', count: '5', months: '12' },
      { kind: 'staff', count: '0.5', months: '6' },
      { kind: 'cost', amount: '20000.00' },
    ] as CompareEntry['budget']['lines'],
  },
  counts: { error: 1, warning: 2, info: 0 },
};

describe('compareBudgets', () => {
  it('gives each budget its figures and the differences from the first', () => {
    const c = compareBudgets([workedExample(), handBid]);
    expect(c.baselineIndex).toBe(0);
    const [a, b] = c.budgets as [(typeof c.budgets)[0], (typeof c.budgets)[0]];

    // the worked example: total 740,212.66, labour 643,824.00, share 0.8698, fee 53,041.92; 6 people × 12 months
    // = 72 person-months = 6.00 post-years; cost per post-year 740,212.66 × 12 ÷ 72 = 123,368.776… → 123,368.78
    expect(a).toMatchObject({
      label: '示例项目',
      total: '740212.66',
      labour: '643824.00',
      labourShare: '0.8698',
      managementFee: '53041.92',
      headcount: '6',
      personMonths: '72',
      postYears: '6.00',
      costPerPostYear: '123368.78',
      counts: { error: 0, warning: 0, info: 0 },
    });
    expect(a.difference).toEqual({
      total: '0.00',
      totalPercent: '0.0000',
      labour: '0.00',
      labourShare: '0.0000',
      managementFee: '0.00',
      headcount: '0',
      costPerPostYear: '0.00',
    });

    // the bid: 63 person-months = 5.25 post-years; 700,000 × 12 ÷ 63 = 133,333.333… → 133,333.33
    expect(b).toMatchObject({ personMonths: '63', postYears: '5.25', costPerPostYear: '133333.33', counts: { error: 1, warning: 2, info: 0 } });
    // against the first: 700,000 − 740,212.66 = −40,212.66, ÷ 740,212.66 = −0.05433 → −0.0543;
    // labour 560,000 − 643,824 = −83,824.00; share 0.8000 − 0.8698 = −0.0698; fee 50,000 − 53,041.92 = −3,041.92;
    // head count 5.5 − 6 = −0.5; cost per post-year 133,333.33 − 123,368.78 = 9,964.55
    expect(b.difference).toEqual({
      total: '-40212.66',
      totalPercent: '-0.0543',
      labour: '-83824.00',
      labourShare: '-0.0698',
      managementFee: '-3041.92',
      headcount: '-0.5',
      costPerPostYear: '9964.55',
    });
  });

  it('takes the differences from the lowest total when asked', () => {
    const c = compareBudgets([workedExample(), handBid], 'lowest');
    // 700,000.00 < 740,212.66: the bid is the baseline; the example is 40,212.66 above, ÷ 700,000 = 0.05745 → 0.0574
    expect(c.baselineIndex).toBe(1);
    expect(c.budgets[0]!.difference).toMatchObject({ total: '40212.66', totalPercent: '0.0574', labour: '83824.00', labourShare: '0.0698' });
    expect(c.budgets[1]!.difference.total).toBe('0.00');
  });

  it('has no cost per post-year for a budget without staff, and refuses one budget or more than ten', () => {
    const noStaff: CompareEntry = { ...handBid, budget: { ...handBid.budget, lines: [] } };
    const c = compareBudgets([handBid, noStaff]);
    expect(c.budgets[1]).toMatchObject({ personMonths: '0', postYears: '0.00', costPerPostYear: null });
    expect(c.budgets[1]!.difference.costPerPostYear).toBeNull();

    expect(() => compareBudgets([handBid])).toThrow(ValidationError);
    expect(() => compareBudgets(new Array<CompareEntry>(11).fill(handBid))).toThrow(/2 到 10/);
  });
});
