import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money/decimal';
import { householdBandsQuota } from '../../../src/core/staffing/householdBands';
import { choosePosts } from '../../../src/core/staffing/policyPoint';
import { certificateRule, ngoShareRule, population18Rule, unionEmployeesRule } from '../../../src/core/staffing/presets';
import { pudongRuleSet } from '../../../src/core/staffing/pudong';
import { densityRatio, oneInRatio } from '../../../src/core/staffing/ratios';
import { certificateRequirement, socialWorkShare } from '../../../src/core/staffing/shares';
import { STEP_TEXT_ZH, stepTextZh } from '../../../src/core/staffing/stepText';
import { stepsOfEveryKind } from '../../support/coreTextCases';

/**
 * The arithmetic of a rule is data — a step code and its numbers — and `steps` is its Chinese,
 * made from those numbers alone: what the CLI, the JSON and the workbook have always shown.
 */
const pudong = pudongRuleSet.versions[0]!.quota;
if (pudong.family !== 'householdBands') throw new Error('preset changed');

describe('a rule’s steps as data and as Chinese', () => {
  it('工会, 12,000 employees at the maximum: ceil(12000/5000) = 3, ceil(12000/3000) = 4', () => {
    const r = oneInRatio(unionEmployeesRule, 12000, 'max');
    expect(r.explanation).toEqual([
      { code: 'ONE_IN', params: { basis: '职工', count: 12000, everyForMin: 5000, everyForMax: 3000 } },
      { code: 'ONE_IN_BOUND', params: { bound: 'min', count: 12000, every: 5000, posts: 3 } },
      { code: 'ONE_IN_BOUND', params: { bound: 'max', count: 12000, every: 3000, posts: 4 } },
      { code: 'CHOSEN_AT_MAX', params: { max: 4 } },
    ]);
    expect(r.steps).toEqual(['职工 12000：每 3000–5000 配 1 名', '下限 = ceil(12000/5000) = 3', '上限 = ceil(12000/3000) = 4', '取值点 上限：取值 = 4']);
  });

  it('每万人 18 名, 23,500 residents: one rate, so minimum and maximum are the same', () => {
    expect(densityRatio(population18Rule, 23500, 'mid').steps).toEqual([
      '城镇常住人口 23500：每 10000 人 18 名，ceil(23500 × 18 / 10000) = 43',
      '取值 = 43（上下限相同）',
    ]);
  });

  it('70 % of 7 posts, and a rural certificate rate of 0.80 for 11 staff with 6 certified', () => {
    expect(socialWorkShare(ngoShareRule, parseDecimal('0.70'), 7, 'min').steps).toEqual([
      '岗位总数 7：社工专业岗位不低于 70%，下限 = ceil(0.70 × 7) = 5，上限 = 7',
      '取值点 下限：取值 = 5',
    ]);
    const r = certificateRequirement(certificateRule, 'rural', 11, 6, parseDecimal('0.80'));
    expect(r.explanation).toEqual([
      { code: 'CERTIFICATE_RATE', params: { area: 'rural', rate: '0.8', staff: 11, required: 9 } },
      { code: 'CERTIFICATE_GAP', params: { certified: 6, required: 9, gap: 3 } },
    ]);
    expect(r.steps).toEqual(['农村社区持证率不低于 80%：11 人中至少 ceil(0.8 × 11) = 9 人持证', '现持证 6 人，缺口 9 − 6 = 3 人']);
  });

  it('浦东, 2,600 households aged 35 %: the band’s end, the uplift, point 0.25', () => {
    const r = householdBandsQuota(pudong, { households: 2600, elderlyShare: parseDecimal('0.35') }, '0.25');
    expect(r.explanation.map((s) => s.code)).toEqual(['BAND_INTERPOLATED', 'ELDERLY_UPLIFT', 'CHOSEN_AT_POINT']);
    expect(r.steps).toEqual([
      '2600 户：在 500–2000 户间按户数插值 5–11 人：5 + floor((2000 − 500) × (11 − 5) / 1500) = 11（超过 2000 户按档终点计）',
      '老年人口占比 35% > 30%：上浮 1–2 人，下限 11 + 1 = 12，上限 11 + 2 = 13',
      '取值点 0.25：取值 = 12 + round(0.25 × (13 − 12)) = 12',
    ]);
  });

  it('the midpoint is named so; no upper bound takes the minimum', () => {
    expect(choosePosts(10, 15, 'mid').step).toEqual({ code: 'CHOSEN_AT_POINT', params: { mid: true, fraction: '0.5', min: 10, max: 15, chosen: 13 } });
    expect(stepTextZh(choosePosts(10, 15, 'mid').step!)).toBe('取值点 中值 0.5：取值 = 10 + round(中值 0.5 × (15 − 10)) = 13');
    expect(stepTextZh(choosePosts(2, null, 'max').step!)).toBe('取值 = 下限 2（无上限）');
  });

  it('numbers only when not asked to explain', () => {
    const r = householdBandsQuota(pudong, { households: 1250, elderlyShare: parseDecimal('0.35') }, 'mid', false);
    expect([r.min, r.chosen, r.max, r.explanation, r.steps]).toEqual([9, 10, 10, [], []]);
    expect(choosePosts(10, 15, 'mid', false)).toEqual({ chosen: 13, step: null });
  });

  it('every kind of step: the Chinese is made from its code and numbers', () => {
    const cases = stepsOfEveryKind();
    expect(new Set(cases.map((c) => c.step.code))).toEqual(new Set(Object.keys(STEP_TEXT_ZH)));
    for (const c of cases) expect(stepTextZh(c.step)).toBe(c.zh);
  });
});
