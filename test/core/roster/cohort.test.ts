import { describe, expect, it } from 'vitest';
import { cohortSchema, projectCohort } from '../../../src/core/roster/cohort';

describe('cohort projection against a target of 40 now and 50 more a year', () => {
  it('leavers, hires and passes year by year, rounded to whole people, with the gap', () => {
    const input = cohortSchema.parse({
      fromYear: 2026,
      years: 3,
      hiresPerYear: 50,
      attritionRate: '0.05',
      passRate: '0.2',
      target: { start: 40, perYear: 50 },
    });
    const years = projectCohort({ headcount: 40, certified: 25 }, input);
    // 2026: leavers round(40 × 0.05) = 2, of them certified round(2 × 25/40 = 1.25) = 1 → 38, 24;
    //       + 50 hires → 88; uncertified 64 × 0.2 = 12.8 → 13 pass → certified 37; target 90, gap 2
    // 2027: leavers round(4.4) = 4, certified round(4 × 37/88 = 1.68) = 2 → 84, 35; + 50 → 134;
    //       99 × 0.2 = 19.8 → 20 → 55; target 140, gap 6
    // 2028: leavers round(6.7) = 7, certified round(7 × 55/134 = 2.87) = 3 → 127, 52; + 50 → 177;
    //       125 × 0.2 = 25 → 77; target 190, gap 13
    expect(years.map((y) => [y.year, y.leavers, y.passed, y.headcount, y.certified, y.target, y.gap])).toEqual([
      [2026, 2, 13, 88, 37, 90, 2],
      [2027, 4, 20, 134, 55, 140, 6],
      [2028, 7, 25, 177, 77, 190, 13],
    ]);
  });

  it('rates outside 0–1 are refused by field', () => {
    const r = cohortSchema.safeParse({ fromYear: 2026, years: 3, hiresPerYear: 50, attritionRate: '1.5', passRate: '0.2' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['attritionRate']);
  });
});
