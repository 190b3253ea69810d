import { describe, expect, it } from 'vitest';
import { allowanceChecks, planCertificationRate, planCertificationSchema, workerCertificateChecks } from '../../../src/core/roster/certificateRules';
import { cohortSchema, projectCohort } from '../../../src/core/roster/cohort';
import {
  type GradingScheme,
  gradingInForce,
  gradingSchemeSchema,
  rosterPayPerHead,
  startingLevel,
  workerHistory,
} from '../../../src/core/roster/gradingScheme';
import type { Worker } from '../../../src/core/roster/schema';

// A scheme as the bureau would write it: 正职 7–18, 一般工作人员 1–12; 年功 none (0) so that only
// ratings and changes move a level; level pay 5,000 + 100 × (L − 1) a month; 书记 on 正职.
const scheme: GradingScheme = gradingSchemeSchema.parse({
  key: 'test',
  name: '测试参数',
  versions: [
    {
      effectiveFrom: '2024-01-01',
      bands: [
        { postType: '正职', from: 7, to: 18 },
        { postType: '一般工作人员', from: 1, to: 12 },
      ],
      yearsPerLevel: 0,
      secretaryPostType: '正职',
      startingLevels: [
        { certificate: '社会工作师', educations: ['大学本科', '硕士研究生', '博士研究生'], minYears: 5, level: 6 },
        { certificate: '助理社会工作师', level: 3 },
        { level: 1 },
      ],
      levelPay: Array.from({ length: 18 }, (_, i) => ({ level: i + 1, monthly: `${5000 + 100 * i}.00` })),
      allowances: [
        { qualification: '助理社工师', monthly: '200.00' },
        { qualification: '社工师', monthly: '300.00' },
      ],
      allowanceMinimum: '200.00',
      levelMap: [
        { name: '社会工作师三级', level: 10, requires: '社会工作师' },
        { name: '助理社会工作师一级', level: 11, requires: '助理社会工作师' },
      ],
    },
  ],
  certificationTargets: [{ effectiveFrom: '2019-01-01', urban: '1', rural: '0.80', source: '城市 100%，农村 80%' }],
});
const v = gradingInForce(scheme, '2026-01-01')!;

const worker = (w: Partial<Worker>): Worker => ({
  name: '甲',
  gender: null,
  birthDate: null,
  idNumber: null,
  education: null,
  field: null,
  title: null,
  certificate: null,
  certificateDate: null,
  postType: '一般工作人员',
  postLevel: null,
  step: null,
  hireDate: null,
  communityYears: null,
  community: null,
  street: null,
  district: null,
  ratings: [],
  partyPost: null,
  ...w,
});

describe('starting level (起点定级) from certificate, education and years: the first rule met', () => {
  it('社会工作师, 大学本科, 6 years → rule 1, level 6', () => {
    expect(startingLevel(v, { certificate: '社会工作师', education: '大学本科', communityYears: 6, postType: '一般工作人员' })?.level).toBe(6);
  });
  it('社会工作师 but 大专 fails rule 1; the certificate is above 助理 so rule 2 gives level 3', () => {
    const s = startingLevel(v, { certificate: '社会工作师', education: '大专', communityYears: 10, postType: '一般工作人员' })!;
    expect(s.level).toBe(3);
    expect(s.reason).toContain('第 2 条');
  });
  it('no certificate → the last rule, level 1', () => {
    expect(startingLevel(v, { certificate: null, education: null, communityYears: null, postType: null })?.level).toBe(1);
  });
});

describe("a worker's level and pay by year, with reasons", () => {
  it('优秀 2025 and 2026 at level 12 of 一般工作人员 (band top 12): no rise, capped with a note; pay (5,000 + 1,100 + 200) × 12 = 75,600', () => {
    const years = workerHistory(
      scheme,
      worker({
        postLevel: '12级',
        certificate: '助理社会工作师',
        ratings: [
          { year: 2025, rating: '优秀' },
          { year: 2026, rating: '优秀' },
        ],
      }),
      2026,
      2,
    );
    expect(years.map((y) => y.level)).toEqual([12, 12]);
    expect(years[1]!.reasons).toEqual(['2025、2026 年连续考核优秀，提前升一级', '已到本岗位最高 12 级，不再晋级']);
    // level 12: 5,000 + 100 × 11 = 6,100; allowance 200; × 12
    expect(years[1]!.levelPay).toBe('6100.00');
    expect(years[1]!.annual).toBe('75600.00');
  });
  it('优秀/优秀 at level 5 → level 6 the next year, one level early within the band', () => {
    const years = workerHistory(
      scheme,
      worker({
        postLevel: '5级',
        ratings: [
          { year: 2025, rating: '优秀' },
          { year: 2026, rating: '优秀' },
        ],
      }),
      2026,
      2,
    );
    expect(years.map((y) => y.level)).toEqual([5, 6]);
  });
  it('becoming 书记 at level 11 of 一般工作人员: the 正职 band starts at 7, 就高 keeps 11 paid', () => {
    const years = workerHistory(scheme, worker({ postLevel: '11级' }), 2026, 2, [{ year: 2027, postType: '一般工作人员', secretary: true }]);
    expect(years[1]!.postType).toBe('正职');
    expect(years[1]!.level).toBe(7);
    expect(years[1]!.paidLevel).toBe(11);
    expect(years[1]!.reasons[0]).toBe('担任书记，新岗位 7 级；就高，按原 11 级发放');
    // paid at 11: 5,000 + 1,000 = 6,000 a month, no certificate: 72,000
    expect(years[1]!.annual).toBe('72000.00');
  });
  it('no level written: the starting level from the table, its rule named first', () => {
    const years = workerHistory(scheme, worker({ certificate: '助理社会工作师' }), 2026, 1);
    expect(years[0]!.level).toBe(3);
    expect(years[0]!.reasons[0]).toContain('起点定级第 2 条');
  });
});

describe('certificate rules as coded warnings', () => {
  it('an allowance of 180 a month is under the 200 minimum', () => {
    const checks = allowanceChecks([{ qualification: '助理社工师', monthly: '180.00' }], '200.00');
    expect(checks.map((c) => c.code)).toEqual(['ALLOWANCE_BELOW_MINIMUM']);
    expect(checks[0]!.message).toBe('助理社工师津贴每月 180.00 元，低于每月不低于 200.00 元的下限');
  });
  it('社工师 300 not above 助理 300: not increasing; 心理咨询师 unknown, never a silent 0', () => {
    const checks = allowanceChecks(
      [
        { qualification: '助理社会工作师', monthly: '300.00' },
        { qualification: '社会工作师', monthly: '300.00' },
        { qualification: '心理咨询师', monthly: '100.00' },
      ],
      '200.00',
    );
    expect(checks.map((c) => c.code).sort()).toEqual(['ALLOWANCE_NOT_INCREASING', 'UNKNOWN_QUALIFICATION']);
  });
  it('社会工作师三级 held with the 助理 certificate is flagged; 助理社会工作师一级 with 社会工作师 is not', () => {
    const checks = workerCertificateChecks(v, [
      { seq: 1, name: '甲', postLevel: '社会工作师三级', certificate: '助理社会工作师' },
      { seq: 2, name: '乙', postLevel: '助理社会工作师一级', certificate: '社会工作师' },
    ]);
    expect(checks).toEqual([
      {
        code: 'CERT_BELOW_GRADE',
        params: { seq: 1, name: '甲', grade: '社会工作师三级', level: 10, requires: '社会工作师', held: '助理社会工作师' },
        severity: 'warning',
        worker: 1,
        message: '第 1 行 甲：社会工作师三级（专技 10 级）须持社会工作师证书，现为助理社会工作师',
      },
    ]);
  });
  it('a plan at full quota: 城市 quota 20 with 18 certified = 0.9000 < 100 %, 2 short; 农村 quota 11 with 8: 80 % of 11 = 8.8 → 9 needed, 1 short', () => {
    const { lines } = planCertificationRate(
      scheme.certificationTargets,
      planCertificationSchema.parse({
        on: '2026-01-01',
        lines: [
          { name: '和平社区', urbanRural: 'urban', quota: 12, certified: 12 },
          { name: '幸福社区', urbanRural: 'urban', quota: 8, certified: 6 },
          { name: '东坝村', urbanRural: 'rural', quota: 11, certified: 8 },
        ],
      }),
    );
    expect(lines.map((l) => [l.label, l.quota, l.certified, l.rate, l.shortfall, l.meets])).toEqual([
      ['城市', 20, 18, '0.9000', 2, false],
      ['农村', 11, 8, '0.7273', 1, false],
    ]);
  });
});

describe('cohort projection with labour cost, 3 years of a 10-worker roster by hand', () => {
  it('10 workers (4 certified), 2 hires, 10 % attrition, 25 % pass rate, 60,000 a head + 3,600 per certified, 5 % raise', () => {
    const years = projectCohort(
      { headcount: 10, certified: 4 },
      cohortSchema.parse({
        fromYear: 2026,
        years: 3,
        hiresPerYear: 2,
        attritionRate: '0.10',
        passRate: '0.25',
        target: { start: 10, perYear: 2 },
        labour: { payPerHead: '60000.00', allowancePerCertified: '3600.00', yearlyRaise: '0.05' },
      }),
    );
    // 2026: leavers 10 × 0.1 = 1, certified leavers 1 × 4/10 = 0.4 → 0; 9 + 2 = 11, certified 4;
    //       passed (11 − 4) × 0.25 = 1.75 → 2; certified 6. Labour 11 × 60,000 + 6 × 3,600 = 681,600.
    // 2027: leavers 1.1 → 1, certified 1 × 6/11 = 0.55 → 1; 10 + 2 = 12, certified 5; passed 7 × 0.25 = 1.75 → 2;
    //       certified 7. Pay 63,000, allowance 3,780: 12 × 63,000 + 7 × 3,780 = 756,000 + 26,460 = 782,460.
    // 2028: leavers 1.2 → 1, certified 1 × 7/12 = 0.58 → 1; 11 + 2 = 13, certified 6; passed 7 × 0.25 → 2;
    //       certified 8. Pay 66,150, allowance 3,969: 13 × 66,150 + 8 × 3,969 = 859,950 + 31,752 = 891,702.
    expect(years.map((y) => [y.year, y.headcount, y.certified, y.target, y.gap, y.labour])).toEqual([
      [2026, 11, 6, 12, 1, '681600.00'],
      [2027, 12, 7, 14, 2, '782460.00'],
      [2028, 13, 8, 16, 3, '891702.00'],
    ]);
  });
  it("pay per head from the roster: levels 1 and 3 → (5,000 + 5,200) × 12 ÷ 2 = 61,200; one 助理 holder's 200 × 12 = 2,400", () => {
    expect(
      rosterPayPerHead(v, [
        { postType: '一般工作人员', postLevel: '1级', certificate: null, education: null, communityYears: null },
        { postType: '一般工作人员', postLevel: null, certificate: '助理社会工作师', education: null, communityYears: null },
      ]),
    ).toEqual({ payPerHead: '61200.00', allowancePerCertified: '2400.00', priced: 2, unpriced: 0 });
  });
});
