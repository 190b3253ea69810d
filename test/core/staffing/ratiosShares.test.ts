import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money/decimal';
import { minimumPosts } from '../../../src/core/staffing/minimumPosts';
import { certificateRule, ngoShareRule, population18Rule, unionBranchesRule, unionEmployeesRule } from '../../../src/core/staffing/presets';
import { densityRatio, oneInRatio } from '../../../src/core/staffing/ratios';
import { certificateRequirement, socialWorkShare } from '../../../src/core/staffing/shares';
import { communityRuleSetSchema } from '../../../src/core/staffing/ruleSets';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';

describe('工会：每 3000–5000 名职工或 30–50 家基层工会 1 名', () => {
  it('12,000 employees: min = ceil(12000/5000) = 3, max = ceil(12000/3000) = 4', () => {
    const r = oneInRatio(unionEmployeesRule, 12000, 'max');
    expect([r.min, r.chosen, r.max]).toEqual([3, 4, 4]);
    expect(r.steps).toContain('下限 = ceil(12000/5000) = 3');
  });
  it('a started block counts: 5,001 employees → min ceil(5001/5000) = 2', () => {
    expect(oneInRatio(unionEmployeesRule, 5001, 'min').min).toBe(2);
  });
  it('95 grassroots unions: min = ceil(95/50) = 2, max = ceil(95/30) = 4; mid = 2 + round(1) = 3', () => {
    const r = oneInRatio(unionBranchesRule, 95, 'mid');
    expect([r.min, r.chosen, r.max]).toEqual([2, 3, 4]);
  });
});

describe('按人口：每万城镇常住人口 18 名', () => {
  it('23,500 residents: ceil(23500 × 18 / 10000) = ceil(42.3) = 43', () => {
    const r = densityRatio(population18Rule, 23500, 'mid');
    expect([r.min, r.chosen, r.max]).toEqual([43, 43, 43]);
  });
  it('exactly 10,000 residents: 18', () => {
    expect(densityRatio(population18Rule, 10000, 'mid').chosen).toBe(18);
  });
});

describe('比例：社工专业岗位 ≥ 70 %，持证率 城市 100 % / 农村 ≥ 80 %', () => {
  it('7 posts: at least ceil(0.70 × 7) = ceil(4.9) = 5 social-work posts', () => {
    const r = socialWorkShare(ngoShareRule, parseDecimal(ngoShareRule.minShare), 7, 'min');
    expect([r.min, r.chosen, r.max]).toEqual([5, 5, 7]);
  });
  it('10 posts: 0.70 × 10 = 7 exactly, so 7', () => {
    expect(socialWorkShare(ngoShareRule, parseDecimal('0.70'), 10, 'min').min).toBe(7);
  });
  it('rural community of 11 staff, 6 certified: ceil(0.80 × 11) = ceil(8.8) = 9 must be; gap 3', () => {
    const r = certificateRequirement(certificateRule, 'rural', 11, 6, parseDecimal(certificateRule.rural));
    expect([r.min, r.gap]).toEqual([9, 3]);
  });
  it('urban community of 12 staff, 12 certified: 100 % met, gap 0', () => {
    expect(certificateRequirement(certificateRule, 'urban', 12, 12, parseDecimal('1')).gap).toBe(0);
  });
});

describe('最低配备与参数版本', () => {
  it('吉林: at least 2 party-building posts; a quota of 1 cannot hold them', () => {
    const m = jilinRuleSet.versions[0]!.minimumPosts[0]!;
    expect(minimumPosts(m, 12)).toMatchObject({ min: 2, max: null, chosen: 2, fits: true });
    expect(minimumPosts(m, 1).fits).toBe(false);
  });
  it('rule parameters are validated with Chinese messages naming the field', () => {
    const bad = structuredClone(jilinRuleSet) as unknown as { versions: { quota: { maxPosts: number } }[] };
    bad.versions[0]!.quota.maxPosts = 5; // below minPosts 10
    const r = communityRuleSetSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join('.')).toBe('versions.0.quota.maxPosts');
    expect(r.error!.issues[0]!.message).toContain('上限人数不能小于下限');
  });
});
