import { describe, expect, it } from 'vitest';
import { certificationLines, certifiedNeeded, rosterCertified } from '../../renderer/pages/plan/certificationAtQuota';

/**
 * 持证率按满编 on the 区域规划 page: the plan's communities become one line per 城市 / 农村 for
 * roster.planCertification, each community's certified counted at most up to its quota, and the
 * certified people a target needs of the full quota, rounded up.
 */
describe('certification at full quota', () => {
  it('sums the quotas and the certified per 城市 / 农村, a community over its quota counted at the quota', () => {
    const lines = certificationLines([
      // quota 13 with 6 certified; quota 15 with 10; quota 14 with 16 certified → counted as 14
      { urbanRural: 'urban', chosen: 13, certifiedStaff: 6 },
      { urbanRural: 'urban', chosen: 15, certifiedStaff: 10 },
      { urbanRural: 'urban', chosen: 14, certifiedStaff: 16 },
      // a village: quota 11, 7 certified
      { urbanRural: 'rural', chosen: 11, certifiedStaff: 7 },
    ]);
    // 城市: 13 + 15 + 14 = 42 posts, 6 + 10 + 14 = 30 certified; 农村: 11 posts, 7 certified
    expect(lines).toEqual([
      { name: '城市', urbanRural: 'urban', quota: 42, certified: 30 },
      { name: '农村', urbanRural: 'rural', quota: 11, certified: 7 },
    ]);
  });

  it('no rural community: a 农村 line of nothing, as the operation expects both', () => {
    expect(certificationLines([{ urbanRural: 'urban', chosen: 9, certifiedStaff: 3 }])[1]).toEqual({
      name: '农村',
      urbanRural: 'rural',
      quota: 0,
      certified: 0,
    });
  });

  it('needs ⌈target × quota⌉ certified: 100 % of 42 is 42, 80 % of 11 is 8.8 → 9, 80 % of 10 is exactly 8', () => {
    expect(certifiedNeeded('1', 42)).toBe(42);
    expect(certifiedNeeded('1.00', 42)).toBe(42);
    expect(certifiedNeeded('0.80', 11)).toBe(9);
    expect(certifiedNeeded('0.8', 10)).toBe(8);
    expect(certifiedNeeded('0.80', 0)).toBe(0);
  });

  it("counts the roster's national certificates only: 2 高级 + 5 社会工作师 + 7 助理, not 社会工作员 or 无", () => {
    expect(rosterCertified({ 高级社会工作师: 2, 社会工作师: 5, 助理社会工作师: 7, 社会工作员: 4, 无: 10, 未填: 1 })).toBe(14);
  });
});
