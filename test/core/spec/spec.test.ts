import { describe, expect, it } from 'vitest';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { parseBudgetSpec, parseBudgetSpecText } from '../../../src/core/spec/budgetSpec';
import { ValidationError } from '../../../src/core/spec/fields';
import { designExample } from '../../support/specs';

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('spec v1 rejects bad input with the field path', () => {
  it('a negative head count names staff[0].count', () => {
    const spec = designExample() as { staff: { count: number }[] };
    spec.staff[0]!.count = -1;
    expect(problems(() => parseBudgetSpec(spec))).toEqual([expect.stringMatching(/^staff\[0\]\.count: .*must be a positive number/)]);
  });

  it('an unknown field is an error, not silently dropped', () => {
    const spec = { ...designExample(), extra: 1 };
    expect(problems(() => parseBudgetSpec(spec))).toEqual([expect.stringContaining('unknown field: extra')]);
    const staffTypo = designExample() as { staff: Record<string, unknown>[] };
    staffTypo.staff[0]!.cnt = 2;
    expect(problems(() => parseBudgetSpec(staffTypo))[0]).toMatch(/^staff\[0\]: .*cnt/);
  });

  it('money must be a string with at most two decimals; rates between 0 and 1', () => {
    const spec = designExample() as { costs: { unitPrice: unknown }[]; managementFee: { rate: string } };
    spec.costs[0]!.unitPrice = 800;
    spec.managementFee.rate = '1.5';
    const found = problems(() => parseBudgetSpec(spec));
    expect(found).toContainEqual(expect.stringMatching(/^costs\[0\]\.unitPrice: /));
    expect(found).toContainEqual(expect.stringMatching(/^managementFee\.rate: .*between 0 and 1/));
  });

  it('a floor above the ceiling is refused', () => {
    const spec = designExample();
    spec.contributions.floor = '30000.00';
    expect(problems(() => parseBudgetSpec(spec))[0]).toMatch(/^contributions\.floor: /);
  });

  it('a staff line whose cell is not in the guide is an error naming the line', () => {
    const spec = designExample();
    spec.staff![0]!.grade = '高级社工师';
    expect(problems(() => budgetModelFromSpec(parseBudgetSpec(spec)))[0]).toMatch(/^staff\[0\]: .*一线社工\/高级社工师\/1档/);
  });

  it('invalid JSON text is reported at the root', () => {
    expect(problems(() => parseBudgetSpecText('{ "version": 1,'))[0]).toMatch(/^\(root\): .*invalid JSON/);
  });

  it('optional fields take their defaults: step 1, bonusMonths 0, times 1, no levies, no rules', () => {
    const spec = parseBudgetSpec({
      version: 1,
      name: '最简预算',
      period: { start: '2026-01', months: 12 },
      payGuide: { name: 'g', rows: [{ post: '社工', grade: '初级', monthly: '5000.00' }] },
      contributions: { floor: '4000.00', ceiling: '20000.00' },
      staff: [{ post: '社工', grade: '初级', count: 1, months: 12 }],
      costs: [{ category: '活动费', name: '活动', unitPrice: '10.00', quantity: 1 }],
    });
    expect(spec.staff[0]).toMatchObject({ step: 1, bonusMonths: 0 });
    expect(spec.costs[0]!.times).toBe(1);
    expect(spec.contributions.levies).toEqual([]);
    expect(spec.rules).toEqual({});
    expect(spec.tax).toEqual({ method: 'simple', rate: '0' });
  });
});
