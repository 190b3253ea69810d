import { describe, expect, it } from 'vitest';
import { postMixSchema } from '../../../src/core/plan/postMix';
import { projectTeam, projectionSchema } from '../../../src/core/plan/projection';
import { contributions, guide } from './fixtures';

/** a city's 《社会工作者年度工作计划》: 40 qualified social workers today, 50 more a year */
const mix = postMixSchema.parse({ lines: [{ label: '普通', post: '普通工作人员', grade: '一级', share: '1' }] });

describe('多年预测', () => {
  it('headcount 40, 90, 140; capped at 120 → 40, 90, 120', () => {
    const p = projectionSchema.parse({ startYear: 2026, years: 3, start: 40, addPerYear: 50, cap: 120 });
    expect(projectTeam(p, mix, guide, contributions).map((y) => y.headcount)).toEqual([40, 90, 120]);
  });

  it('guide +3 % a year, rounded each year: 4,000.00 → 4,120.00 → 4,243.60 → round(4,370.908) = 4,370.91', () => {
    const p = projectionSchema.parse({ startYear: 2026, years: 4, start: 1, adjustment: '0.03' });
    expect(projectTeam(p, mix, guide, contributions).map((y) => y.monthly[0]!.monthly)).toEqual(['4000.00', '4120.00', '4243.60', '4370.91']);
  });

  it('one step a year, capped at the top step the guide has (2): 4,000 → 4,300 → 4,300', () => {
    const p = projectionSchema.parse({ startYear: 2026, years: 3, start: 1, stepsPerYear: 1 });
    const ys = projectTeam(p, mix, guide, contributions);
    expect(ys.map((y) => [y.monthly[0]!.step, y.monthly[0]!.monthly])).toEqual([
      [1, '4000.00'],
      [2, '4300.00'],
      [2, '4300.00'],
    ]);
  });

  it('year budget: 40 × 4,000 × 12 = 1,920,000.00 gross; base floor 4,500 → 1,372.50 × 480 = 658,800.00; levy 38,400.00; labour 2,617,200.00', () => {
    const p = projectionSchema.parse({ startYear: 2026, years: 1, start: 40 });
    const [y] = projectTeam(p, mix, guide, contributions);
    expect(y!.cost.gross).toBe(192000000n);
    expect(y!.cost.contributions).toBe(65880000n);
    expect(y!.cost.levies).toBe(3840000n);
    expect(y!.cost.labour).toBe(261720000n);
  });

  it('三岗十八级: one step a year moves the level (1级 → 2级 → 3级) where a grade has a single step, and stops at the top level', () => {
    const levels = {
      ...guide,
      rows: [1, 2, 3].map((l) => ({ post: '一般工作人员', grade: `${l}级`, step: 1, monthly: `${4000 + 200 * l}.00` })),
    } as typeof guide;
    const m = postMixSchema.parse({ lines: [{ label: '普通', post: '一般工作人员', grade: '1级', share: '1' }] });
    const p = projectionSchema.parse({ startYear: 2026, years: 4, start: 1, stepsPerYear: 1 });
    expect(projectTeam(p, m, levels, contributions).map((y) => `${y.monthly[0]!.grade} ${y.monthly[0]!.monthly}`)).toEqual([
      '1级 4200.00',
      '2级 4400.00',
      '3级 4600.00',
      '3级 4600.00',
    ]);
  });
});
