import { describe, expect, it } from 'vitest';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { computeBudget } from '../../../src/core/budget/compute';
import { toFixed } from '../../../src/core/money/decimal';
import { contributionSetSchema } from '../../../src/core/contributions/schema';
import { payGuideSchema, referenceWageSchema } from '../../../src/core/guides/schema';
import { communitySchema } from '../../../src/core/plan/community';
import { checkedProject, projectSchema, type Project } from '../../../src/core/projects/schema';
import { parseBudgetSpec, parseBudgetSpecText } from '../../../src/core/spec/budgetSpec';
import { LIMITS, ValidationError, zodProblems } from '../../../src/core/spec/fields';
import { communityRuleSetSchema } from '../../../src/core/staffing/ruleSets';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';
import { designExample } from '../../support/specs';

/**
 * Every number a user can give has a range, stated once in src/core/spec/fields.ts (LIMITS) and
 * said in the message with the field's path. Each case below is the spec of docs/design.md
 * §Budget spec with one value changed; the probe inputs that once passed silently or reached the
 * arithmetic as an engine error are among them.
 */
type Spec = Record<string, unknown> & { staff: Record<string, unknown>[]; costs: Record<string, unknown>[] };
const spec = (change: (s: Spec) => void): unknown => {
  const s = designExample() as unknown as Spec;
  change(s);
  return s;
};

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

const COUNT = '必须是正数，须在 0.01 到 10000 之间，最多两位小数 / must be a positive number from 0.01 to 10000, at most 2 decimals';
const MONEY_RANGE = '金额（元）须在 0 到 100 亿之间，最多两位小数 / must be an amount in yuan from 0 to 10,000,000,000, at most 2 decimals';
const RATE = '必须是 0 到 1 之间（不含 1）、最多八位小数的小数，如 "0.16" / must be a decimal rate between 0 and 1 (below 1), at most 8 decimals';

describe('head count: 0.01 to 10,000 people on a line, at most 2 decimals', () => {
  it.each([
    ['1e-30, once read as 0 people and 0.00 labour', 1e-30],
    ['1e-12, once accepted with 12 decimals', 1e-12],
    ['1e21, once saved and then failing every compute', 1e21],
    ['0', 0],
    ['-2', -2],
    ['0.001, a third decimal', 0.001],
    ['10000.01, past the largest line', 10000.01],
    ['0.1 + 0.2 as a double (0.30000000000000004)', 0.1 + 0.2],
  ])('%s is refused at staff[0].count with the range in the message', (_case, count) => {
    expect(problems(() => parseBudgetSpec(spec((s) => (s.staff[0]!.count = count))))).toEqual([`staff[0].count: ${COUNT}`]);
  });

  it('the ends of the range and a half-time post are accepted as written', () => {
    for (const count of [0.01, 0.5, 2.25, 10000]) {
      expect(parseBudgetSpec(spec((s) => (s.staff[0]!.count = count))).staff[0]!.count).toBe(count);
    }
  });

  it('a number given as text is refused with the same sentence, not read', () => {
    expect(problems(() => parseBudgetSpec(spec((s) => (s.staff[0]!.count = '6'))))).toEqual([`staff[0].count: ${COUNT}`]);
  });
});

describe('months: a period of 1–600 whole months; a line 1–600 months; bonus months 0–24', () => {
  it('period.months 1e9 (probe) and 0 and 12.5 are refused', () => {
    for (const months of [1e9, 0, 12.5, 601]) {
      expect(problems(() => parseBudgetSpec(spec((s) => (s.period = { start: '2026-01', months }))))).toEqual([
        'period.months: 须为 1 到 600 之间的整数 / must be a whole number from 1 to 600',
      ]);
    }
  });

  it('staff months 1e6 (probe) is refused; 600 and 6.5 are accepted', () => {
    expect(problems(() => parseBudgetSpec(spec((s) => (s.staff[0]!.months = 1e6))))).toEqual([
      'staff[0].months: 必须是正数，须在 1 到 600 之间，最多两位小数 / must be a positive number from 1 to 600, at most 2 decimals',
    ]);
    expect(parseBudgetSpec(spec((s) => (s.staff[0]!.months = 600))).staff[0]!.months).toBe(600);
    expect(parseBudgetSpec(spec((s) => (s.staff[0]!.months = 6.5))).staff[0]!.months).toBe(6.5);
  });

  it('bonus months above 24 are refused; 24 is accepted', () => {
    expect(problems(() => parseBudgetSpec(spec((s) => (s.staff[0]!.bonusMonths = 25))))).toEqual([
      'staff[0].bonusMonths: 须在 0 到 24 之间，最多两位小数 / must be a number from 0 to 24, at most 2 decimals',
    ]);
    expect(parseBudgetSpec(spec((s) => (s.staff[0]!.bonusMonths = 24))).staff[0]!.bonusMonths).toBe(24);
  });
});

describe('money: 0 to 10,000,000,000 yuan (100 亿), to the fen', () => {
  it('a 20-digit and a 400-digit salary (probe) are refused before any exact arithmetic runs', () => {
    for (const monthly of ['12345678901234567890', '9'.repeat(400), '10000000000.01']) {
      expect(problems(() => parseBudgetSpec(spec((s) => (s.payGuide = { name: 'g', rows: [{ post: '一线社工', grade: '社工师', monthly }] }))))).toEqual([
        `payGuide.rows[0].monthly: ${MONEY_RANGE}`,
      ]);
    }
  });

  it('exactly 100 亿 is accepted', () => {
    const parsed = parseBudgetSpec(spec((s) => (s.costs[0]!.unitPrice = '10000000000.00')));
    expect(parsed.costs[0]!.unitPrice).toBe('10000000000.00');
  });

  it('a unit price takes 4 decimals (0.6173 元/度); a fifth is refused with its own message', () => {
    expect(parseBudgetSpec(spec((s) => (s.costs[0]!.unitPrice = '0.6173'))).costs[0]!.unitPrice).toBe('0.6173');
    expect(problems(() => parseBudgetSpec(spec((s) => (s.costs[0]!.unitPrice = '12.34567'))))).toEqual([
      'costs[0].unitPrice: 必须是不小于 0、最多四位小数的单价，如 "0.6173" / must be a non-negative unit price with at most 4 decimals',
    ]);
  });

  it('the contribution ceiling, an allowance, a reference wage and a post price have the same range', () => {
    const found = problems(() =>
      parseBudgetSpec(
        spec((s) => {
          s.contributions = { floor: '4500.00', ceiling: '1'.repeat(30) };
          s.payGuide = {
            name: 'g',
            referenceWage: { name: '平均工资', amount: '99999999999' },
            rows: [{ post: '一线社工', grade: '社工师', monthly: '6500.00' }],
            allowances: [{ qualification: '社工师', monthly: '10000000001' }],
          };
          s.purchaseByPost = { pricePerPostYear: '20000000000' };
        }),
      ),
    );
    expect(found.map((p) => p.split(': ')[0])).toEqual([
      'payGuide.referenceWage.amount',
      'payGuide.allowances[0].monthly',
      'contributions.ceiling',
      'purchaseByPost.pricePerPostYear',
    ]);
    expect(found.every((p) => p.endsWith(MONEY_RANGE))).toBe(true);
  });
});

describe('rates: 0 ≤ rate < 1; shares that may be whole: 0 ≤ share ≤ 1', () => {
  it('VAT 0.99 with surcharge 1 (probe: a 143-trillion total) is refused at tax.surcharge', () => {
    expect(problems(() => parseBudgetSpec(spec((s) => (s.tax = { method: 'gross-up', vat: '0.99', surcharge: '1' }))))).toEqual([`tax.surcharge: ${RATE}`]);
  });

  it('VAT 1 with surcharge 1 (probe: division by zero) is refused at both fields, so 1 − vat × surcharge is never 0', () => {
    expect(problems(() => parseBudgetSpec(spec((s) => (s.tax = { method: 'gross-up', vat: '1', surcharge: '1' }))))).toEqual([
      `tax.vat: ${RATE}`,
      `tax.surcharge: ${RATE}`,
    ]);
  });

  it('the largest rates the schema allows still leave a positive divisor: 1 − 0.99999999 × 0.99999999 = 0.0000000199999999', () => {
    const s = parseBudgetSpec(spec((x) => (x.tax = { method: 'gross-up', vat: '0.99999999', surcharge: '0.99999999' })));
    const { totals } = computeBudget(budgetModelFromSpec(s));
    // subtotal 716,065.92 (docs/design.md worked example); 1 − v² = (1 − v)(1 + v), so
    // total = 716,065.92 × 1.99999999 ÷ (0.00000001 × 1.99999999) = 716,065.92 × 10^8, exactly
    expect(toFixed(totals.subtotal)).toBe('716065.92');
    expect(toFixed(totals.total)).toBe('71606592000000.00');
  });

  it('management fee, contribution items, levies, the simple rate and the purchaser rules are rates too', () => {
    const found = problems(() =>
      parseBudgetSpec(
        spec((s) => {
          s.managementFee = { rate: '1' };
          s.contributions = { floor: '4500.00', ceiling: '28000.00', items: [{ name: '养老保险', rate: '1.00' }], levies: [{ name: '工会经费', rate: '2' }] };
          s.tax = { method: 'simple', rate: '1' };
          s.rules = { minLabourShare: '1', maxManagementShare: '1.5' };
        }),
      ),
    );
    expect(found).toEqual([
      `contributions.items[0].rate: ${RATE}`,
      `contributions.levies[0].rate: ${RATE}`,
      `managementFee.rate: ${RATE}`,
      `tax.rate: ${RATE}`,
      `rules.minLabourShare: ${RATE}`,
      `rules.maxManagementShare: ${RATE}`,
    ]);
  });

  it('a certificate rate of 100 % is a share, not a rate: the Jilin rules (urban "1") are valid', () => {
    expect(() => communityRuleSetSchema.parse(jilinRuleSet)).not.toThrow();
  });
});

describe('quantities, times, posts, steps, coefficients, dates, text and list lengths', () => {
  it.each([
    ['costs[0].quantity', (s: Spec) => (s.costs[0]!.quantity = 1_000_000.01), '须在 0 到 100 万之间'],
    ['costs[0].times', (s: Spec) => (s.costs[0]!.times = 0), '必须是正数，须在 0.01 到 10000 之间'],
    ['staff[0].step', (s: Spec) => (s.staff[0]!.step = 101), '须为 1 到 100 之间的整数'],
    ['purchaseByPost.posts', (s: Spec) => (s.purchaseByPost = { pricePerPostYear: '90000.00', posts: 0 }), '须在 0.01 到 100 万之间'],
    ['rules.posts.max', (s: Spec) => (s.rules = { posts: { min: 1, max: 2e6 } }), '须在 0 到 100 万之间'],
    ['period.start', (s: Spec) => (s.period = { start: '1899-12', months: 12 }), '1900 到 2100 年间的年月'],
    ['name', (s: Spec) => (s.name = '项'.repeat(201)), '不能超过 200 个字符'],
    ['notes', (s: Spec) => (s.notes = '注'.repeat(2001)), '不能超过 2000 个字符'],
  ])('%s', (path, change, fragment) => {
    const found = problems(() => parseBudgetSpec(spec(change)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: .*${fragment}`));
  });

  it('a coefficient is at most 100 (× the reference wage); 2026-02-30 is no date', () => {
    const found = problems(() =>
      parseBudgetSpec(
        spec(
          (s) =>
            (s.payGuide = {
              name: 'g',
              effectiveFrom: '2026-02-30',
              referenceWage: { name: '平均工资', amount: '120000.00', per: 'year' },
              rows: [{ post: '一线社工', grade: '社工师', coefficient: '100.5' }],
            }),
        ),
      ),
    );
    expect(found).toEqual([
      'payGuide.effectiveFrom: 必须是 1900 到 2100 年间的日期，如 "2026-01-01" / must be a date like "2026-01-01" (years 1900–2100)',
      'payGuide.rows[0].coefficient: 系数须在 0 到 100 之间，最多八位小数 / must be a coefficient from 0 to 100, at most 8 decimals',
    ]);
  });

  it(`a budget of ${LIMITS.staffLines.toLocaleString('en-US')} staff lines is the limit; one more is refused before any line is read`, () => {
    const line = designExample().staff![0]!;
    const over = spec((s) => (s.staff = Array.from({ length: LIMITS.staffLines + 1 }, () => line)));
    expect(problems(() => parseBudgetSpec(over))).toEqual(['staff: 最多 100,000 项 / at most 100,000 items']);
  });
});

describe('a mistake inside an inline pay guide names its own path, not the union', () => {
  it('payGuide.rows[0].monthly given as a number', () => {
    const s = spec((x) => (x.payGuide = { name: 'g', rows: [{ post: '一线社工', grade: '社工师', monthly: 6500 }] }));
    expect(problems(() => parseBudgetSpec(s))).toEqual(['payGuide.rows[0].monthly: 必须是金额文本，如 "6500.00" / must be an amount string like "6500.00"']);
  });

  it('a missing name, a misspelt field', () => {
    expect(problems(() => parseBudgetSpec(spec((x) => delete (x.payGuide as { name?: string }).name)))).toEqual([
      'payGuide.name: 缺少必填字段 / required field is missing',
    ]);
    expect(problems(() => parseBudgetSpec(spec((x) => ((x.payGuide as Record<string, unknown>).row = []))))).toEqual([
      'payGuide: 未知字段 / unknown field: row',
    ]);
  });

  it('{ "ref": 5 } is a reference with a bad name; {} and a number fit neither form and get the summary', () => {
    expect(problems(() => parseBudgetSpec(spec((x) => (x.payGuide = { ref: 5 } as never))))).toEqual(['payGuide.ref: 必须是文本 / must be text']);
    for (const payGuide of [{}, 5]) {
      expect(problems(() => parseBudgetSpec(spec((x) => (x.payGuide = payGuide as never))))).toEqual([
        'payGuide: payGuide 须为 { "ref": 名称 } 或完整的指导价 / must be { "ref" } or an inline guide',
      ]);
    }
  });
});

describe('the JSON text itself', () => {
  it('a key given twice is an error naming the key and where both are (JSON.parse would keep the last)', () => {
    const text = '{"version":1,"staff":[{"count":1,\n "count":200}]}';
    expect(problems(() => parseBudgetSpecText(text))).toEqual([
      'staff[0].count: 键“count”在同一对象中出现两次（第 1 行第 24 列 与 第 2 行第 2 列），请只保留一个 / duplicate key "count"',
    ]);
  });

  it('nesting deeper than 64 levels is refused under the field where it starts', () => {
    const text = `{"notes":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect(problems(() => parseBudgetSpecText(text))[0]).toMatch(/^notes\[0\]\[0\]…: 嵌套超过 64 层/);
  });
});

describe('every other store record uses the same ranges', () => {
  it('a pay guide: an amount above 100 亿, step 0, an unknown unit', () => {
    const found = zodProblems(
      payGuideSchema.safeParse({
        name: '示例',
        versions: [{ label: '2026 版', effectiveFrom: '2026-01-01', unit: 'week', cells: [{ post: '社工', grade: '一级', step: 0, amount: '1e11' }] }],
      }).error!,
    );
    expect(found).toEqual([
      { path: 'versions[0].unit', message: '必须是 "month"、"year" 之一 / must be one of "month", "year"' },
      { path: 'versions[0].cells[0].step', message: '须为 1 到 100 之间的整数 / must be a whole number from 1 to 100' },
      {
        path: 'versions[0].cells[0].amount',
        message: '必须是不小于 0、最多两位小数的金额，如 "6500.00" / must be a non-negative amount with at most 2 decimals',
      },
    ]);
  });

  it('a contribution set: pension 100 % is no rate; a reference wage of 100 亿 and one fen is refused', () => {
    const set = contributionSetSchema.safeParse({
      city: '示例市',
      name: '示例',
      effectiveFrom: '2026-07-01',
      floor: '4500.00',
      ceiling: '28000.00',
      items: [{ name: '养老保险', rate: '1' }],
    });
    expect(zodProblems(set.error!)).toEqual([{ path: 'items[0].rate', message: RATE }]);
    const wage = referenceWageSchema.safeParse({ name: '平均工资', amount: '10000000000.01', effectiveFrom: '2026-01-01' });
    expect(zodProblems(wage.error!)).toEqual([{ path: 'amount', message: MONEY_RANGE }]);
  });

  it('a project (what projects.save stores): count 1e21 and a 1e9-month period are refused at save', () => {
    const project = {
      name: '示例项目',
      periodStart: '2026-01',
      periodMonths: 1e9,
      guideId: 1,
      contributionSetId: 1,
      staff: [{ post: '一线社工', grade: '社工师', count: 1e21, months: 12 }],
    };
    expect(zodProblems(projectSchema.safeParse(project).error!)).toEqual([
      { path: 'periodMonths', message: '须为 1 到 600 之间的整数 / must be a whole number from 1 to 600' },
      { path: 'staff[0].count', message: COUNT },
    ]);
  });

  it('a project stored before the ranges existed is refused with its paths when read for pricing, not priced', () => {
    const stored = { ...projectSchema.parse({ name: '旧项目', periodStart: '2026-01', periodMonths: 12, guideId: 1, contributionSetId: 1 }), id: 7 };
    const old = { ...stored, staff: [{ post: '一线社工', grade: '社工师', step: 1, count: 1e21, months: 12, bonusMonths: 0, extras: [] }] } as Project & {
      id: number;
    };
    expect(problems(() => checkedProject(old))).toEqual([`staff[0].count: ${COUNT}`]);
    expect(checkedProject(stored)).toBe(stored);
  });

  it('a community: 999,999,999,999 households (probe) and a 120 % elderly share are refused; 10,000,000 households is the limit', () => {
    const row = { name: '和平社区', district: '朝阳区', street: '和平街道', households: 999_999_999_999, elderlyShare: '1.2', currentStaff: 100_001 };
    expect(zodProblems(communitySchema.safeParse(row).error!)).toEqual([
      { path: 'households', message: '须为 0 到 1000 万之间的整数 / must be a whole number from 0 to 10,000,000' },
      { path: 'elderlyShare', message: '必须是 0 到 1 之间、最多八位小数的小数，如 "0.80" / must be a decimal between 0 and 1, at most 8 decimals' },
      { path: 'currentStaff', message: '须为 0 到 10 万之间的整数 / must be a whole number from 0 to 100,000' },
    ]);
    expect(communitySchema.parse({ ...row, households: 10_000_000, elderlyShare: '1', currentStaff: 0 }).households).toBe(10_000_000);
  });

  it('a rule set: a household band ending at 10^12 households is refused', () => {
    const version = jilinRuleSet.versions[0]!;
    const bad = { ...jilinRuleSet, versions: [{ ...version, quota: { ...version.quota, toHouseholds: 1e12 } }] };
    expect(zodProblems(communityRuleSetSchema.safeParse(bad).error!)).toEqual([
      { path: 'versions[0].quota.toHouseholds', message: '须为 1 到 1000 万之间的整数 / must be a whole number from 1 to 10,000,000' },
    ]);
  });
});

describe('no engine error reaches the user', () => {
  it('a spec built in code, never validated, with text the exact arithmetic cannot read: a field problem naming the place', () => {
    const s = parseBudgetSpec(designExample());
    const broken = { ...s, costs: [{ ...s.costs[0]!, unitPrice: '1e+21' }] };
    expect(problems(() => budgetModelFromSpec(broken))).toEqual(['costs[0]: 不是十进制数：“1e+21” / not a decimal number']);
  });
});
