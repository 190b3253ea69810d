import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/core/budget/compute';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { add, compare, mul, parseDecimal, sum } from '../../../src/core/money/decimal';
import { parseBudgetSpec, serializeBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { budgetSpecArbitrary } from '../../support/arbitraries';

const RUNS = { numRuns: 300 };

describe('properties of every budget', () => {
  it('total = subtotal + tax, subtotal = direct + management fee, direct = labour + other costs', () => {
    fc.assert(
      fc.property(budgetSpecArbitrary, (input) => {
        const r = computeBudget(budgetModelFromSpec(parseBudgetSpec(input)));
        const t = r.totals;
        expect(compare(t.total, add(t.subtotal, t.tax))).toBe(0);
        expect(compare(t.subtotal, add(t.direct, t.managementFee))).toBe(0);
        expect(compare(t.direct, add(t.labour, t.otherCosts))).toBe(0);
        expect(compare(t.labour, sum(r.staff.map((s) => s.labour)))).toBe(0);
        for (const s of r.staff) expect(compare(s.labour, add(add(s.gross, s.contributions), s.leviesTotal))).toBe(0);
        // every amount is whole fen
        for (const v of Object.values(t)) expect(v.scale <= 2 || v.units % 10n ** BigInt(v.scale - 2) === 0n).toBe(true);
      }),
      RUNS,
    );
  });

  it('each check fires exactly when its condition holds', () => {
    fc.assert(
      fc.property(budgetSpecArbitrary, (input) => {
        const spec = parseBudgetSpec(input);
        const r = computeBudget(budgetModelFromSpec(spec));
        const codes = r.checks.map((c) => c.code);
        const t = r.totals;
        const min = spec.rules.minLabourShare;
        const labourLow = min !== undefined && compare(t.labour, mul(parseDecimal(min), t.total)) < 0;
        expect(codes.includes('LABOUR_SHARE_BELOW_MIN')).toBe(labourLow);
        const cap = spec.rules.maxManagementShare;
        const feeHigh = cap !== undefined && compare(t.managementFee, mul(parseDecimal(cap), t.total)) > 0;
        expect(codes.includes('MANAGEMENT_FEE_ABOVE_CAP')).toBe(feeHigh);
        const floor = parseDecimal(spec.contributions.floor);
        const ceiling = parseDecimal(spec.contributions.ceiling);
        r.staff.forEach((line, i) => {
          const mine = r.checks.filter((c) => c.line === i).map((c) => c.code);
          expect(mine.includes('BASE_AT_FLOOR')).toBe(compare(line.monthly, floor) < 0);
          expect(mine.includes('BASE_AT_CEILING')).toBe(compare(line.monthly, ceiling) > 0);
          const override = spec.staff[i]!.monthly;
          const below = override !== undefined && line.entitledMonthly !== null && compare(parseDecimal(override), line.entitledMonthly) < 0;
          expect(mine.includes('PAY_BELOW_GUIDE')).toBe(below);
        });
      }),
      RUNS,
    );
  });

  it('parse(serialize(spec)) = spec', () => {
    fc.assert(
      fc.property(budgetSpecArbitrary, (input) => {
        const spec = parseBudgetSpec(input);
        expect(parseBudgetSpec(JSON.parse(serializeBudgetSpec(spec)))).toEqual(spec);
      }),
      RUNS,
    );
  });
});
