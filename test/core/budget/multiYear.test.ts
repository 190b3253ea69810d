import { describe, expect, it } from 'vitest';
import { priceBudget, priceProject } from '../../../src/core/budget/pipeline';
import { contributionSetSchema } from '../../../src/core/contributions/schema';
import { payGuideSchema } from '../../../src/core/guides/schema';
import { projectSchema } from '../../../src/core/projects/schema';
import { projectToSpec } from '../../../src/core/projects/toSpec';
import type { StaffLineJson } from '../../../src/core/budget/resultJson';
import { parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { ValidationError } from '../../../src/core/spec/fields';
import { designExample } from '../../support/specs';
import { bid } from './multiYearBid';

/**
 * Spec v2 (docs/design.md §Budget spec, "Spec v2") and multi-year pricing (§Budget arithmetic, "Segments"), worked
 * by hand: a 36-month bid from July 2027 across two guide versions and a July base reset.
 */

const staffLines = (j: { lines: unknown[] }) => j.lines.filter((l): l is StaffLineJson => (l as StaffLineJson).kind === 'staff');

describe('a 36-month bid from 2027-07 across two guide versions and a July base reset', () => {
  const { json } = priceBudget(parseBudgetSpec(bid()));
  const [social, finance] = staffLines(json);

  it('cuts every line at 1 January and where the version or the set changes: five segments', () => {
    expect(social!.segments!.map((s) => [s.start, s.months, s.guideVersion, s.contributionsFrom])).toEqual([
      ['2027-07', '6', '2027 版', '2027-07-01'],
      ['2028-01', '6', '2028 版', '2027-07-01'],
      ['2028-07', '6', '2028 版', '2028-07-01'],
      ['2029-01', '12', '2028 版', '2028-07-01'],
      ['2030-01', '6', '2028 版', '2028-07-01'],
    ]);
  });

  it('prices the social-work line segment by segment: one-off in the first, bonus month in the last', () => {
    // 2027-07, 6 months: monthly 6,000 + 300 = 6,300; gross 6,300 × 2 × 6 = 75,600 + one-off 1,000 × 2 = 77,600.00
    //   pension 6,300 × 16 % = 1,008.00, housing 6,300 × 5 % = 315; (1,008 + 315) × 2 × 6 = 15,876.00; 工会 77,600 × 2 % = 1,552.00
    //   labour 77,600 + 15,876 + 1,552 = 95,028.00
    // 2028-01, 6 months: monthly 6,300 + 300 = 6,600; gross 6,600 × 2 × 6 = 79,200.00
    //   pension 1,056.00, housing 330; 1,386 × 12 = 16,632.00; 工会 1,584.00; labour 97,416.00
    // 2028-07, 6 months, new set: pension 1,056.00, housing 6,600 × 7 % = 462; 1,518 × 12 = 18,216.00
    //   gross 79,200.00, 工会 1,584.00; labour 99,000.00
    // 2029, 12 months: gross 158,400.00; 1,518 × 24 = 36,432.00; 工会 3,168.00; labour 198,000.00
    // 2030-01, 6 months + 1 bonus month: gross 6,600 × 2 × 7 = 92,400.00; 1,518 × 12 = 18,216.00; 工会 1,848.00; labour 112,464.00
    expect(social!.segments!.map((s) => [s.monthly, s.gross, s.contributions, s.leviesTotal, s.labour, s.bonusMonths])).toEqual([
      ['6300.00', '77600.00', '15876.00', '1552.00', '95028.00', '0'],
      ['6600.00', '79200.00', '16632.00', '1584.00', '97416.00', '0'],
      ['6600.00', '79200.00', '18216.00', '1584.00', '99000.00', '0'],
      ['6600.00', '158400.00', '36432.00', '3168.00', '198000.00', '0'],
      ['6600.00', '92400.00', '18216.00', '1848.00', '112464.00', '1'],
    ]);
    // the line is the sum of its segments: 95,028 + 97,416 + 99,000 + 198,000 + 112,464 = 601,908.00
    expect(social!.labour).toBe('601908.00');
    expect(social!.gross).toBe('486800.00'); // 77,600 + 79,200 + 79,200 + 158,400 + 92,400
  });

  it('prices the finance post on its agreed pay, its base at the new floor, the housing fund on its own base', () => {
    // 0.5 person at 5,000.00. Set of 2027-07: base 5,000 (the floor itself, not below it): pension 800.00, housing 250;
    //   6 months: gross 15,000.00, contributions 1,050 × 0.5 × 6 = 3,150.00, 工会 300.00, labour 18,450.00 (twice)
    // set of 2028-07: pension base 5,500 (floor): 880.00; housing on its own base clamp(5,000, 2,500, 28,000) = 5,000 × 7 % = 350
    //   6 months: 1,230 × 0.5 × 6 = 3,690.00, labour 15,000 + 3,690 + 300 = 18,990.00; 12 months 37,980.00
    expect(finance!.segments!.map((s) => [s.base, s.labour])).toEqual([
      ['5000.00', '18450.00'],
      ['5000.00', '18450.00'],
      ['5500.00', '18990.00'],
      ['5500.00', '37980.00'],
      ['5500.00', '18990.00'],
    ]);
    expect(finance!.labour).toBe('112860.00'); // 18,450 × 2 + 18,990 × 2 + 37,980
    expect(finance!.nonSocialWork).toBe(true);
    expect(finance!.guideMonthly).toBeNull();
  });

  it('labour by calendar year sums exactly to labour', () => {
    // 2027: 95,028 + 18,450 = 113,478.00
    // 2028: 97,416 + 99,000 + 18,450 + 18,990 = 233,856.00
    // 2029: 198,000 + 37,980 = 235,980.00
    // 2030: 112,464 + 18,990 = 131,454.00        Σ = 714,768.00 = 601,908 + 112,860
    expect(json.years).toEqual({ '2027': '113478.00', '2028': '233856.00', '2029': '235980.00', '2030': '131454.00' });
    expect(json.labour).toBe('714768.00');
  });

  it('counts the finance post as staff, not as a social-work post, and needs no guide cell for it', () => {
    expect(json.headcount).toBe('2.5');
    expect(json.socialWorkPosts).toBe('2');
    // its base at the reset floor is a notice naming that set's floor; no NO_GUIDE_CELL for a non-social-work line
    expect(json.checks.map((c) => c.code)).toEqual(['BASE_AT_FLOOR']);
    expect(json.checks[0]!.params).toMatchObject({ row: 2, floor: '5500.00', monthly: '5000.00' });
  });
});

describe('segments round each amount on their own', () => {
  it('a 12-month v2 budget from July is two segments: 工会经费 384.04, where the v1 file gives 384.03', () => {
    // 0.25 person at 6,400.50 a month. v2: 2027-07..12 gross 6,400.50 × 0.25 × 6 = 9,600.75, 工会 2 % = 192.015 → 192.02;
    // 2028-01..06 the same: 192.02; levies 384.04. v1 (one piece): 19,201.50 × 2 % = 384.03.
    const v1 = designExample();
    v1.period = { start: '2027-07', months: 12 };
    v1.payGuide = { name: '指导价', rows: [{ post: '一线社工', grade: '社工师', monthly: '6400.50' }] };
    v1.staff = [{ post: '一线社工', grade: '社工师', count: 0.25, months: 12 }];
    v1.costs = [];
    const v2 = { ...v1, version: 2 as const };
    expect(priceBudget(parseBudgetSpec(v1)).json.levies).toBe('384.03');
    const two = priceBudget(parseBudgetSpec(v2)).json;
    expect(two.levies).toBe('384.04');
    // each half: pension 6,400.50 × 16 % = 1,024.08, fund 320.025 → 320; 1,344.08 × 0.25 × 6 = 2,016.12;
    // labour 9,600.75 + 2,016.12 + 192.02 = 11,808.89
    expect(two.years).toEqual({ '2027': '11808.89', '2028': '11808.89' });
    // v1 keeps its meaning: one piece, and no year figures across a year-end
    expect(priceBudget(parseBudgetSpec(v1)).json.years).toBeNull();
  });

  it('the design example as v2 (2026-01, 12 months, one version) gives the v1 figures to the fen', () => {
    const v1 = priceBudget(parseBudgetSpec(designExample())).json;
    const v2 = priceBudget(parseBudgetSpec({ ...designExample(), version: 2 })).json;
    expect(v2.total).toBe('740212.66');
    expect({ ...v2, lines: undefined }).toEqual({ ...v1, lines: undefined });
    expect(v2.years).toEqual({ '2026': '643824.00' });
  });
});

describe('unit prices to 4 decimals, item limits', () => {
  it('0.6173 元/度 × 12,000 度 = 7,407.60', () => {
    const spec = designExample();
    spec.costs = [{ category: '行政办公费', name: '电费', unitPrice: '0.6173', quantity: 12000 }];
    const { json } = priceBudget(parseBudgetSpec(spec));
    expect(json.otherCosts).toBe('7407.60');
    expect(json.lines.find((l) => l.kind === 'cost')).toMatchObject({ unitPrice: '0.6173', amount: '7407.60' });
  });

  it('a housing fund with its own ceiling: 6,800 pay, fund base capped at 5,000 → 250 a month', () => {
    // pension on 6,800: 1,088.00; fund on min(6,800, 5,000) = 5,000 × 5 % = 250; (1,088 + 250) × 6 × 12 = 96,336.00
    const spec = designExample();
    spec.contributions = {
      floor: '4500.00',
      ceiling: '28000.00',
      items: [
        { name: '养老保险', rate: '0.16' },
        { name: '住房公积金', rate: '0.05', round: 'yuan', ceiling: '5000.00' },
      ],
      levies: [{ name: '工会经费', rate: '0.02' }],
    };
    expect(priceBudget(parseBudgetSpec(spec)).json.contributions).toBe('96336.00');
  });
});

describe('社工专业岗位不低于岗位总数的 70 % (珠海方案 item 3)', () => {
  it('2.5 social-work posts of 5.5: 45.45 %, needs ⌈0.70 × 5.5⌉ = ⌈3.85⌉ = 4, 1.5 short; keeping the 3 others, 7', () => {
    const spec = designExample();
    spec.rules = { minSocialWorkPostShare: '0.70' };
    spec.staff = [
      { post: '一线社工', grade: '社工师', qualification: '社工师', count: 2.5, months: 12 },
      { post: '财务', grade: '会计', count: 1, months: 12, monthly: '5000.00', nonSocialWork: true },
      { post: '行政', grade: '专员', count: 2, months: 12, monthly: '4800.00', nonSocialWork: true },
    ];
    // keeping 3 others: n ≥ 0.70 × 3 ÷ 0.30 = 7
    const check = priceBudget(parseBudgetSpec(spec)).json.checks.find((c) => c.code === 'SOCIAL_WORK_POST_SHARE');
    expect(check).toEqual({
      level: 'error',
      code: 'SOCIAL_WORK_POST_SHARE',
      message:
        '社工专业岗位 2.5 个，占岗位总数 5.5 个的 45.45%，低于 70.00%；按岗位总数计，社工专业岗位应不少于 4 个（0.7 × 5.5 向上取整），还差 1.5 个；若保留 3 个非社工岗，社工专业岗位须达到 7 个。',
      params: {
        socialWorkPosts: '2.5',
        posts: '5.5',
        share: '0.4545',
        minShare: '0.7',
        required: '4',
        shortBy: '1.5',
        otherPosts: '3',
        requiredKeepingOthers: '7',
      },
    });
  });

  it('4 of 5.5 is 72.73 %: no check', () => {
    const spec = designExample();
    spec.rules = { minSocialWorkPostShare: '0.70' };
    spec.staff = [
      { post: '一线社工', grade: '社工师', count: 4, months: 12 },
      { post: '财务', grade: '会计', count: 1.5, months: 12, monthly: '5000.00', nonSocialWork: true },
    ];
    expect(priceBudget(parseBudgetSpec(spec)).json.checks.map((c) => c.code)).not.toContain('SOCIAL_WORK_POST_SHARE');
  });
});

const problems = (value: unknown) => {
  try {
    priceBudget(parseBudgetSpec(value));
  } catch (e) {
    if (e instanceof ValidationError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
};

describe('spec v2 errors name the field path', () => {
  it('a month with no guide version in force', () => {
    const spec = bid();
    (spec.payGuide as { versions: { effective: string }[] }).versions[1]!.effective = '2027-09-01';
    expect(problems(spec)).toEqual([expect.stringMatching(/^payGuide: 2027-07 没有生效的指导价版本（最早的自 2027-09-01 起）/)]);
  });

  it('a month with no contribution set in force', () => {
    const spec = bid();
    (spec.contributions as { effective: string }[])[0]!.effective = '2027-08-01';
    expect(problems(spec)).toEqual([expect.stringMatching(/^contributions: 2027-07 没有生效的缴费参数/)]);
  });

  it('a cell missing from a later version the line reaches', () => {
    const spec = bid();
    (spec.payGuide as { versions: { rows: { post: string }[] }[] }).versions[0]!.rows[0]!.post = '督导';
    expect(problems(spec)).toEqual([expect.stringMatching(/^staff\[0\]: 指导价“示例市社工薪酬指导价（2028 版）”中没有 一线社工\/社工师\/1档/)]);
  });

  it('field problems inside versions and sets', () => {
    const spec = bid() as unknown as { payGuide: { versions: Record<string, unknown>[] }; contributions: Record<string, unknown>[] };
    spec.payGuide.versions[0]!.effective = '2028-13-01';
    spec.contributions[1]!.items = [{ name: '养老保险', rate: '0.16' }];
    spec.contributions[0]!.floor = '5000.001';
    const found = problems(spec);
    expect(found).toContainEqual(expect.stringMatching(/^payGuide\.versions\[0\]\.effective: /));
    expect(found).toContainEqual(expect.stringMatching(/^contributions\[1\]\.items: 各组缴费参数须列出相同的缴费项目/));
    expect(found).toContainEqual(expect.stringMatching(/^contributions\[0\]\.floor: /));
  });

  it('two versions on one date, an item floor above its ceiling, a non-social-work line without pay, version 3', () => {
    const spec = bid() as unknown as {
      payGuide: { versions: { effective: string }[] };
      contributions: { items: Record<string, unknown>[] }[];
      staff: Record<string, unknown>[];
    };
    spec.payGuide.versions[0]!.effective = '2027-01-01';
    spec.contributions[0]!.items[1]!.floor = '40000.00';
    delete spec.staff[1]!.monthly;
    expect(problems(spec)).toEqual([
      'payGuide.versions[1].effective: 生效日期 2027-01-01 与第 1 项相同 / same effective date as item 1',
      'contributions[0].items[1].floor: 该项的缴费基数下限高于上限（另一端取本组参数）/ the item’s floor exceeds its ceiling (the other limit is the set’s)',
      'staff[1].monthly: 非社工岗须填写约定月薪 monthly / a non-social-work line needs its agreed monthly pay',
    ]);
    expect(problems({ ...bid(), version: 3 })).toEqual(['version: version 必须是 1 或 2 / must be 1 or 2']);
  });

  it('a v1 file may not use v2 fields', () => {
    const spec = { ...bid(), version: 1 };
    expect(problems(spec)[0]).toMatch(/^(payGuide|contributions)/);
  });

  it('unit prices: a fifth decimal is refused', () => {
    const spec = designExample();
    spec.costs = [{ category: '行政办公费', name: '电费', unitPrice: '0.61735', quantity: 1 }];
    expect(problems(spec)).toEqual([expect.stringMatching(/^costs\[0\]\.unitPrice: .*最多四位小数/)]);
  });
});

describe('a stored project across a change of guide version prices from the stored versions', () => {
  const guide = payGuideSchema.parse({
    name: '示例市社工薪酬指导价',
    versions: [
      {
        label: '2027 版',
        effectiveFrom: '2027-01-01',
        cells: [{ post: '一线社工', grade: '社工师', amount: '6000.00' }],
        allowances: [
          { qualification: '社工师', amount: '300.00' },
          { qualification: '社工师', amount: '1000.00', kind: 'oneOff' },
        ],
      },
      {
        label: '2028 版',
        effectiveFrom: '2028-01-01',
        cells: [{ post: '一线社工', grade: '社工师', amount: '6300.00' }],
        allowances: [
          { qualification: '社工师', amount: '300.00' },
          { qualification: '社工师', amount: '1000.00', kind: 'oneOff' },
        ],
      },
    ],
  });
  const set = {
    ...contributionSetSchema.parse({
      city: '示例市',
      name: '示例市 2027 年度参数',
      effectiveFrom: '2027-07-01',
      floor: '5000.00',
      ceiling: '30000.00',
      items: [
        { name: '养老保险', rate: '0.16' },
        { name: '住房公积金', rate: '0.05', round: 'yuan' },
      ],
      levies: [{ name: '工会经费', rate: '0.02' }],
    }),
    id: 1,
  };
  const project = (periodStart: string, periodMonths: number) =>
    projectSchema.parse({
      name: '存储的项目',
      periodStart,
      periodMonths,
      guideId: 1,
      contributionSetId: 1,
      staff: [{ post: '一线社工', grade: '社工师', qualification: '社工师', count: 2, months: periodMonths, bonusMonths: 1 }],
    });

  it('36 months from 2027-07: a v2 spec with both versions; each year by hand', () => {
    const spec = projectToSpec(project('2027-07', 36), guide, [], set);
    expect(spec.version).toBe(2);
    const { json } = priceProject(project('2027-07', 36), { guide, wages: [], contributionSet: set });
    // one set throughout (pension 16 %, fund 5 %): 2027-07..12 as above 95,028.00; 2028 two halves at 6,600:
    //   97,416.00 each; 2029: 158,400 + 1,386 × 24 = 33,264 + 3,168 = 194,832.00;
    //   2030-01..06 with the bonus month: 92,400 + 16,632 + 1,848 = 110,880.00
    expect(json.years).toEqual({ '2027': '95028.00', '2028': '194832.00', '2029': '194832.00', '2030': '110880.00' });
    expect(json.labour).toBe('595572.00');
  });

  it('a period inside one version stays spec v1, as before', () => {
    expect(projectToSpec(project('2028-01', 12), guide, [], set).version).toBe(1);
  });

  it('12 months from 2028-07 under the one 2028 version is still priced by calendar year (分年度)', () => {
    const spec = projectToSpec(project('2028-07', 12), guide, [], set);
    expect(spec.version).toBe(2);
    const { json } = priceProject(project('2028-07', 12), { guide, wages: [], contributionSet: set });
    // 2 people at 6,300 + 300 = 6,600 a month; base 6,600: pension 1,056.00 + fund 330 (to the yuan) = 1,386 a person-month
    //   2028-07..12: gross 6,600 × 2 × 6 = 79,200 + one-off 1,000 × 2 = 81,200; contributions 1,386 × 12 = 16,632;
    //                union fee 81,200 × 2 % = 1,624 → 99,456.00
    //   2029-01..06 with the bonus month: 6,600 × 2 × 7 = 92,400; 16,632; 1,848 → 110,880.00
    expect(json.years).toEqual({ '2028': '99456.00', '2029': '110880.00' });
    expect(json.labour).toBe('210336.00');
  });

  it('a month with no stored version in force is an error naming it', () => {
    expect(() => projectToSpec(project('2026-11', 12), guide, [], set)).toThrow(/在 2026-11 没有生效的版本/);
  });
});
