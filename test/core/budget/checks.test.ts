import { describe, expect, it } from 'vitest';
import { CHECK_TEXT_ZH } from '../../../src/core/budget/checkText';
import { computeBudget } from '../../../src/core/budget/compute';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { budgetToJson } from '../../../src/core/budget/resultJson';
import { type BudgetSpecInput, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { budgetsWithEveryCheck } from '../../support/coreTextCases';
import { designExample } from '../../support/specs';

/**
 * A check is data — a code and the figures it names — and its Chinese sentence is made from those
 * figures alone, so another language can say the same from the JSON.
 */
function checksOf(change: (spec: BudgetSpecInput) => void) {
  const spec = designExample();
  change(spec);
  return budgetToJson(computeBudget(budgetModelFromSpec(parseBudgetSpec(spec)))).checks;
}

describe('a check carries its figures', () => {
  it('labour share 86.98 % against 90 %: 3.02 points, 666,191.39 needed of 740,212.66, 22,367.39 short', () => {
    const [check] = checksOf((s) => {
      s.rules = { minLabourShare: '0.90' };
    });
    expect(check).toEqual({
      level: 'error',
      code: 'LABOUR_SHARE_BELOW_MIN',
      message:
        '人员经费占比 86.98% 低于购买方要求的最低 90.00%，相差 3.02 个百分点；按总额 740,212.66 元计，人员经费应不少于 666,191.39 元，还差 22,367.39 元。',
      params: { labourShare: '0.8698', minLabourShare: '0.9', shortByPoints: '3.02', total: '740212.66', minLabour: '666191.39', shortBy: '22367.39' },
    });
  });

  it('a line check names the line from 1 with its guide cell; `line` stays 0-based', () => {
    const [check] = checksOf((s) => {
      s.staff = [{ post: '一线社工', grade: '社工师', qualification: '社工师', count: 1, months: 12, monthly: '6000.00' }];
    });
    expect(check).toMatchObject({
      code: 'PAY_BELOW_GUIDE',
      line: 0,
      params: { row: 1, post: '一线社工', grade: '社工师', step: 1, monthly: '6000.00', entitledMonthly: '6800.00', belowBy: '800.00' },
    });
  });

  it('the posts rule: which bound, by how much, and the rule’s label or null', () => {
    const below = checksOf((s) => {
      s.rules = { posts: { min: 10, max: 15, label: '吉林社工岗' } };
    });
    expect(below[0]!.params).toEqual({ headcount: '6', bound: 'min', limit: '10', difference: '4', label: '吉林社工岗' });
    const above = checksOf((s) => {
      s.rules = { posts: { min: 1, max: 5.5 } };
    });
    expect(above[0]!.params).toEqual({ headcount: '6', bound: 'max', limit: '5.5', difference: '0.5', label: null });
  });
});

describe('the Chinese sentence of every check, made from its figures', () => {
  const checks = budgetsWithEveryCheck().flatMap((b) => b.checks);

  it('is the message, for every code', () => {
    for (const c of checks) expect((CHECK_TEXT_ZH[c.code] as (p: object) => string)(c.params)).toBe(c.message);
  });

  it('reads as it always has', () => {
    expect(checks.map((c) => c.message)).toEqual([
      '人员经费占比 81.68% 低于购买方要求的最低 90.00%，相差 8.32 个百分点；按总额 788,189.41 元计，人员经费应不少于 709,370.47 元，还差 65,546.47 元。',
      '管理费 99,453.60 元占总额 12.62%，超过上限 10.00%，超出 2.62 个百分点（上限约 78,818.94 元，超出约 20,634.66 元）。',
      '配备人数 6 人少于岗位测算下限 10 人（吉林社工岗），少 4 人。',
      '配备人数 6 人多于岗位测算上限 5.5 人，多 0.5 人。',
      '所用指导价的金额已含单位缴纳的五险一金等，人员经费未另计单位缴费和工会经费。',
      // 6,800 × 6 × 13 = 530,400.00 over 6 × 12 = 72 person-months = 7,366.67; 8,000 × 72 − 530,400 = 45,600.00
      '社工岗人员月均薪酬 7,366.67 元（应发 530,400.00 元 ÷ 72 人月）低于参照标准 8,000.00 元（上年度事业单位管理岗位人员平均工资），每人每月少 633.33 元，合计少 45,600.00 元。',
      // 6 of 6 + 3 posts: 66.67 % < 70 %; ⌈0.7 × 9⌉ = ⌈6.3⌉ = 7, 1 short; keeping the 3 others ⌈0.7 × 3 ÷ 0.3⌉ = 7
      '社工专业岗位 6 个，占岗位总数 9 个的 66.67%，低于 70.00%；按岗位总数计，社工专业岗位应不少于 7 个（0.7 × 9 向上取整），还差 1 个；若保留 3 个非社工岗，社工专业岗位须达到 7 个。',
      '人员第 1 行（一线社工/社工师/1档）月薪 6,000.00 元低于指导价应发 6,800.00 元，每月少 800.00 元。',
      '人员第 2 行（督导/高级/2档）在指导价中没有对应的岗位/等级/档次，按约定月薪 3,000.00 元计算，无法与指导价比较。',
      '人员第 2 行（督导/高级/2档）月薪 3,000.00 元低于缴费基数下限 4,500.00 元，按下限缴费。',
      '人员第 3 行（一线社工/社工师/1档）月薪 30,000.00 元高于缴费基数上限 28,000.00 元，按上限缴费。',
    ]);
  });
});
