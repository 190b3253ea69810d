import { describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/core/budget/compute';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { budgetToJson } from '../../../src/core/budget/resultJson';
import { type BudgetSpecInput, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { designExample } from '../../support/specs';

function budget(spec: BudgetSpecInput) {
  return budgetToJson(computeBudget(budgetModelFromSpec(parseBudgetSpec(spec))));
}

describe('the docs/design.md example, worked by hand', () => {
  const r = budget(designExample());
  const line = r.lines[0]!;
  if (line.kind !== 'staff') throw new Error('first line is staff');

  it('monthly pay = guide 6,500 + 社工师 allowance 300 = 6,800', () => {
    expect(line.monthly).toBe('6800.00');
  });
  it('gross = 6,800 × 6 people × (12 + 1 bonus month) = 530,400', () => {
    expect(line.gross).toBe('530400.00');
  });
  it('contributions: pension 6,800 × 16 % = 1,088.00; fund 6,800 × 5 % = 340 yuan; (1,088 + 340) × 6 × 12 = 102,816', () => {
    expect(line.items.map((i) => i.perMonth)).toEqual(['1088.00', '340.00']);
    expect(line.contributions).toBe('102816.00');
  });
  it('工会经费 2 % of gross = 10,608; labour = 530,400 + 102,816 + 10,608 = 643,824', () => {
    expect(line.leviesTotal).toBe('10608.00');
    expect(line.labour).toBe('643824.00');
  });
  it('activity 800 × 24 = 19,200; direct = 663,024; management 8 % = 53,041.92; subtotal 716,065.92', () => {
    expect(r.otherCosts).toBe('19200.00');
    expect(r.direct).toBe('663024.00');
    expect(r.managementFee).toBe('53041.92');
    expect(r.subtotal).toBe('716065.92');
  });
  it('gross-up: total = round(716,065.92 / (1 − 0.03/1.03 × 1.12)) = 740,212.66, tax 24,146.74', () => {
    expect(r.total).toBe('740212.66');
    expect(r.tax).toBe('24146.74');
  });
  it('labour share 643,824 / 740,212.66 = 86.98 % ≥ 60 %; management 7.17 % ≤ 10 %: no checks fail', () => {
    expect(r.labourShare).toBe('0.8698');
    expect(r.managementShare).toBe('0.0717');
    expect(r.checks).toEqual([]);
  });
});

describe('contribution base is clamped into [floor, ceiling]', () => {
  it('a 3,800 monthly pay pays contributions on the 4,500 floor, with a notice', () => {
    const spec = designExample();
    spec.payGuide = { name: '低薪', rows: [{ post: '行政', grade: '员级', monthly: '3800.00' }] };
    spec.staff = [{ post: '行政', grade: '员级', count: 1, months: 12 }];
    const r = budget(spec);
    const line = r.lines[0]!;
    if (line.kind !== 'staff') throw new Error();
    // pension 4,500 × 16 % = 720.00; fund 4,500 × 5 % = 225 yuan → 945 × 12 = 11,340
    expect(line.base).toBe('4500.00');
    expect(line.baseClamp).toBe('floor');
    expect(line.contributions).toBe('11340.00');
    expect(r.checks.find((c) => c.code === 'BASE_AT_FLOOR')?.message).toContain('按下限缴费');
  });

  it('a 30,000 monthly pay pays on the 28,000 ceiling', () => {
    const spec = designExample();
    spec.payGuide = { name: '高薪', rows: [{ post: '总干事', grade: '高级', monthly: '30000.00' }] };
    spec.staff = [{ post: '总干事', grade: '高级', count: 1, months: 1 }];
    const line = budget(spec).lines[0]!;
    if (line.kind !== 'staff') throw new Error();
    // 28,000 × 16 % = 4,480; 28,000 × 5 % = 1,400 → 5,880 for one person-month
    expect(line.base).toBe('28000.00');
    expect(line.contributions).toBe('5880.00');
  });
});

describe('half-time posts, one-off allowances, agreed pay', () => {
  it('a half-time post (count 0.5) costs half, rounded once at the end', () => {
    const spec = designExample();
    spec.staff = [{ post: '一线社工', grade: '社工师', qualification: '社工师', count: 0.5, months: 12 }];
    const line = budget(spec).lines[0]!;
    if (line.kind !== 'staff') throw new Error();
    // 6,800 × 0.5 × 12 = 40,800; contributions 1,428 × 0.5 × 12 = 8,568
    expect(line.gross).toBe('40800.00');
    expect(line.contributions).toBe('8568.00');
  });

  it('a one-off allowance (上海长宁 style) is paid once per person and stays out of the base', () => {
    const spec = designExample();
    spec.payGuide = {
      name: '一次性津贴',
      rows: [{ post: '一线社工', grade: '社工师', monthly: '6500.00' }],
      allowances: [{ qualification: '社工师', monthly: '3000.00', kind: 'oneOff' }],
    };
    spec.staff = [{ post: '一线社工', grade: '社工师', qualification: '社工师', count: 2, months: 12 }];
    const line = budget(spec).lines[0]!;
    if (line.kind !== 'staff') throw new Error();
    // gross = 6,500 × 2 × 12 + 3,000 × 2 = 156,000 + 6,000 = 162,000; base stays 6,500
    expect(line.gross).toBe('162000.00');
    expect(line.base).toBe('6500.00');
  });

  it('an agreed monthly pay below the guide is flagged with the shortfall', () => {
    const spec = designExample();
    spec.staff = [{ post: '一线社工', grade: '社工师', qualification: '社工师', count: 1, months: 12, monthly: '6000.00' }];
    const r = budget(spec);
    const check = r.checks.find((c) => c.code === 'PAY_BELOW_GUIDE');
    // entitled 6,500 + 300 = 6,800; agreed 6,000: 800 a month short
    expect(check?.level).toBe('warning');
    expect(check?.message).toContain('每月少 800.00 元');
  });

  it('a guide whose amounts are the full employer cost adds no contributions on top', () => {
    const spec = designExample();
    (spec.payGuide as { includes?: string }).includes = 'employerCost';
    const r = budget(spec);
    // labour = gross only: 530,400
    expect(r.labour).toBe('530400.00');
    expect(r.checks.map((c) => c.code)).toContain('GUIDE_INCLUDES_EMPLOYER_COST');
  });

  it('a coefficient cell is resolved against the reference wage: 1.2 × 120,000/yr ÷ 12 = 12,000 a month', () => {
    const spec = designExample();
    spec.payGuide = {
      name: '三岗十八级示例',
      referenceWage: { name: '上年度平均工资', amount: '120000.00', per: 'year' },
      rows: [{ post: '主管', grade: '十级', coefficient: '1.2' }],
    };
    spec.staff = [{ post: '主管', grade: '十级', count: 1, months: 1 }];
    const line = budget(spec).lines[0]!;
    if (line.kind !== 'staff') throw new Error();
    expect(line.guideMonthly).toBe('12000.00');
  });
});

describe('tax methods', () => {
  it('simple: 3.36 % of the subtotal; exempt: rate 0', () => {
    const spec = designExample();
    spec.tax = { method: 'simple', rate: '0.0336' };
    const r = budget(spec);
    // 716,065.92 × 3.36 % = 24,059.814912 → 24,059.81
    expect(r.tax).toBe('24059.81');
    expect(r.total).toBe('740125.73');
    spec.tax = { method: 'simple', rate: '0' };
    expect(budget(spec).total).toBe('716065.92');
  });
});

describe('checks say what is wrong and by how much', () => {
  it('labour share below the purchaser minimum', () => {
    const spec = designExample();
    spec.rules = { minLabourShare: '0.90' };
    const check = budget(spec).checks.find((c) => c.code === 'LABOUR_SHARE_BELOW_MIN');
    // 86.98 % against 90 %: 3.02 points; 90 % × 740,212.66 = 666,191.39 needed, 22,367.39 short
    expect(check?.level).toBe('error');
    expect(check?.message).toContain('人员经费占比 86.98% 低于购买方要求的最低 90.00%');
    expect(check?.message).toContain('还差 22,367.39 元');
  });

  it('management fee above the cap', () => {
    const spec = designExample();
    spec.managementFee = { rate: '0.15' };
    const check = budget(spec).checks.find((c) => c.code === 'MANAGEMENT_FEE_ABOVE_CAP');
    expect(check?.message).toMatch(/管理费 99,453\.60 元占总额 .*超过上限 10\.00%/);
  });

  it('posts outside the staffing rule range', () => {
    const spec = designExample();
    spec.rules = { posts: { min: 10, max: 15, label: '吉林社工岗' } };
    const check = budget(spec).checks.find((c) => c.code === 'POSTS_OUTSIDE_RANGE');
    expect(check?.message).toBe('配备人数 6 人少于岗位测算下限 10 人（吉林社工岗），少 4 人。');
  });
});

describe('purchase by post (岗位购买) beside the bottom-up labour cost', () => {
  it('6 posts × 100,000 a year (中山 2016) against 643,824 of labour', () => {
    const spec = designExample();
    spec.purchaseByPost = { pricePerPostYear: '100000.00' };
    const p = budget(spec).purchaseByPost!;
    expect(p.amount).toBe('600000.00');
    expect(p.difference).toBe('-43824.00');
    // 643,824 ÷ 6 posts = 107,304 per post-year
    expect(p.labourPerPostYear).toBe('107304.00');
  });
});
