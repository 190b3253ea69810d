import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money/decimal';
import { householdBandsQuota } from '../../../src/core/staffing/householdBands';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';
import { pudongRuleSet } from '../../../src/core/staffing/pudong';
import { choosePosts } from '../../../src/core/staffing/policyPoint';

const jilin = jilinRuleSet.versions[0]!.quota;
const pudong = pudongRuleSet.versions[0]!.quota;
if (jilin.family !== 'householdBands' || pudong.family !== 'householdBands') throw new Error('presets changed');

describe('吉林：3000 户以下 10–15 人，超过部分每 300–500 户增 1 人', () => {
  it('2,400 households: within the band, 10–15; mid = 10 + round(0.5 × 5) = 13', () => {
    const r = householdBandsQuota(jilin, { households: 2400 }, 'mid');
    expect([r.min, r.chosen, r.max]).toEqual([10, 13, 15]);
    expect(r.steps[0]).toContain('10–15');
  });

  it('4,100 households: e = 1,100; min = 10 + floor(1100/500) = 12; max = 15 + floor(1100/300) = 18', () => {
    const r = householdBandsQuota(jilin, { households: 4100 }, 'min');
    expect([r.min, r.chosen, r.max]).toEqual([12, 12, 18]);
    expect(r.steps).toContain('超出 e = 4100 − 3000 = 1100 户');
    expect(r.steps).toContain('下限 = 10 + floor(1100/500) = 10 + 2 = 12');
    expect(r.steps).toContain('上限 = 15 + floor(1100/300) = 15 + 3 = 18');
  });

  it('exactly 3,000 households is still the band (e = 0): 10–15', () => {
    const r = householdBandsQuota(jilin, { households: 3000 }, 'max');
    expect([r.min, r.chosen, r.max]).toEqual([10, 15, 15]);
  });

  it('3,299 households: e = 299 adds nothing to either bound; 3,300: e = 300 adds one to the max', () => {
    expect(householdBandsQuota(jilin, { households: 3299 }, 'max').max).toBe(15);
    const r = householdBandsQuota(jilin, { households: 3300 }, 'max');
    expect([r.min, r.max]).toEqual([10, 16]);
  });

  it('a fraction point: 6,000 households, e = 3,000: min 16, max 25; point 0.25 → 16 + round(0.25 × 9) = 16 + round(2.25) = 18', () => {
    const r = householdBandsQuota(jilin, { households: 6000 }, '0.25');
    expect([r.min, r.chosen, r.max]).toEqual([16, 18, 25]);
  });
});

describe('浦东：500–2000 户按户数插值 5–11 名，老龄化比例高的上浮', () => {
  it('1,250 households: 5 + floor((1250 − 500) × 6 / 1500) = 5 + floor(3) = 8', () => {
    const r = householdBandsQuota(pudong, { households: 1250, elderlyShare: parseDecimal('0.20') }, 'mid');
    expect([r.min, r.chosen, r.max]).toEqual([8, 8, 8]);
    expect(r.steps[0]).toContain('5 + floor((1250 − 500) × (11 − 5) / 1500) = 8');
  });

  it('1,499 households: floor(999 × 6 / 1500) = floor(3.996) = 3 → 8 (a post needs its full 250 households)', () => {
    expect(householdBandsQuota(pudong, { households: 1499 }, 'min').chosen).toBe(8);
    expect(householdBandsQuota(pudong, { households: 1500 }, 'min').chosen).toBe(9);
  });

  it('under 500 households: 5; over 2,000: 11 (the band ends)', () => {
    expect(householdBandsQuota(pudong, { households: 320 }, 'max').chosen).toBe(5);
    expect(householdBandsQuota(pudong, { households: 2600 }, 'max').chosen).toBe(11);
  });

  it('elderly share 0.35 > 0.30: uplift 1–2 → 1,250 households gives min 9, max 10; mid = 9 + round(0.5) = 10', () => {
    const r = householdBandsQuota(pudong, { households: 1250, elderlyShare: parseDecimal('0.35') }, 'mid');
    expect([r.min, r.chosen, r.max]).toEqual([9, 10, 10]);
  });

  it('elderly share exactly at the threshold 0.30 is not above it: no uplift', () => {
    expect(householdBandsQuota(pudong, { households: 1250, elderlyShare: parseDecimal('0.3000') }, 'max').max).toBe(8);
  });
});

describe('取值点', () => {
  it('mid rounds half away from zero: 10–15 → 10 + round(2.5) = 13; 10–14 → 10 + 2 = 12', () => {
    expect(choosePosts(10, 15, 'mid').chosen).toBe(13);
    expect(choosePosts(10, 14, 'mid').chosen).toBe(12);
  });
  it('no upper bound: the minimum', () => {
    expect(choosePosts(2, null, 'max').chosen).toBe(2);
  });
});
