import {
  type Decimal,
  compare,
  formatMoney,
  formatPercent,
  fromInteger,
  mul,
  round,
  sub,
  toPlainString,
} from '../money/decimal';
import type { BudgetResult } from './compute';

/**
 * The checks of DESIGN §4, each with a stable code and a Chinese message that says what is wrong
 * and by how much. Shares are compared exactly (labour < min × total), never on rounded percentages.
 */
export type CheckLevel = 'error' | 'warning' | 'info';

export interface Check {
  level: CheckLevel;
  code: CheckCode;
  message: string;
  /** 0-based staff line the check is about, when it is about one */
  line?: number;
}

export type CheckCode =
  | 'LABOUR_SHARE_BELOW_MIN'
  | 'MANAGEMENT_FEE_ABOVE_CAP'
  | 'PAY_BELOW_GUIDE'
  | 'BASE_AT_FLOOR'
  | 'BASE_AT_CEILING'
  | 'POSTS_OUTSIDE_RANGE'
  | 'NO_GUIDE_CELL'
  | 'GUIDE_INCLUDES_EMPLOYER_COST';

const HUNDRED = fromInteger(100);
const points = (a: Decimal, b: Decimal) => toPlainString(round(mul(sub(a, b), HUNDRED), 2));

function lineLabel(result: BudgetResult, i: number): string {
  const s = result.staff[i]!.input;
  return `人员第 ${i + 1} 行（${s.post}/${s.grade}/${s.step}档）`;
}

export function budgetChecks(result: BudgetResult): Check[] {
  const checks: Check[] = [];
  const { totals, model } = result;
  const rules = model.rules;

  if (rules.minLabourShare !== undefined) {
    const needed = mul(rules.minLabourShare, totals.total);
    if (compare(totals.labour, needed) < 0) {
      const gap = sub(round(needed, 2), totals.labour);
      checks.push({
        level: 'error',
        code: 'LABOUR_SHARE_BELOW_MIN',
        message:
          `人员经费占比 ${formatPercent(result.labourShare)} 低于购买方要求的最低 ${formatPercent(rules.minLabourShare)}，` +
          `相差 ${points(rules.minLabourShare, result.labourShare)} 个百分点；按总额 ${formatMoney(totals.total)} 元计，` +
          `人员经费应不少于 ${formatMoney(round(needed, 2))} 元，还差 ${formatMoney(gap)} 元。`,
      });
    }
  }

  if (rules.maxManagementShare !== undefined) {
    const cap = mul(rules.maxManagementShare, totals.total);
    if (compare(totals.managementFee, cap) > 0) {
      const over = sub(totals.managementFee, round(cap, 2));
      checks.push({
        level: 'error',
        code: 'MANAGEMENT_FEE_ABOVE_CAP',
        message:
          `管理费 ${formatMoney(totals.managementFee)} 元占总额 ${formatPercent(result.managementShare)}，` +
          `超过上限 ${formatPercent(rules.maxManagementShare)}，超出 ${points(result.managementShare, rules.maxManagementShare)} 个百分点` +
          `（上限约 ${formatMoney(round(cap, 2))} 元，超出约 ${formatMoney(over)} 元）。`,
      });
    }
  }

  if (rules.posts) {
    const { min, max, label } = rules.posts;
    const head = totals.headcount;
    const what = label ? `（${label}）` : '';
    if (compare(head, min) < 0) {
      checks.push({
        level: 'error',
        code: 'POSTS_OUTSIDE_RANGE',
        message: `配备人数 ${toPlainString(head)} 人少于岗位测算下限 ${toPlainString(min)} 人${what}，少 ${toPlainString(sub(min, head))} 人。`,
      });
    } else if (compare(head, max) > 0) {
      checks.push({
        level: 'error',
        code: 'POSTS_OUTSIDE_RANGE',
        message: `配备人数 ${toPlainString(head)} 人多于岗位测算上限 ${toPlainString(max)} 人${what}，多 ${toPlainString(sub(head, max))} 人。`,
      });
    }
  }

  if (model.guideIncludes === 'employerCost' && result.staff.length > 0) {
    checks.push({
      level: 'info',
      code: 'GUIDE_INCLUDES_EMPLOYER_COST',
      message: '所用指导价的金额已含单位缴纳的五险一金等，人员经费未另计单位缴费和工会经费。',
    });
  }

  result.staff.forEach((line, i) => {
    const s = line.input;
    if (line.belowGuideBy !== null) {
      checks.push({
        level: 'warning',
        code: 'PAY_BELOW_GUIDE',
        line: i,
        message: `${lineLabel(result, i)}月薪 ${formatMoney(line.monthly)} 元低于指导价应发 ${formatMoney(line.entitledMonthly!)} 元，每月少 ${formatMoney(line.belowGuideBy)} 元。`,
      });
    }
    if (s.guideMonthly === null) {
      checks.push({
        level: 'warning',
        code: 'NO_GUIDE_CELL',
        line: i,
        message: `${lineLabel(result, i)}在指导价中没有对应的岗位/等级/档次，按约定月薪 ${formatMoney(line.monthly)} 元计算，无法与指导价比较。`,
      });
    }
    if (line.baseClamp === 'floor') {
      checks.push({
        level: 'info',
        code: 'BASE_AT_FLOOR',
        line: i,
        message: `${lineLabel(result, i)}月薪 ${formatMoney(line.monthly)} 元低于缴费基数下限 ${formatMoney(model.contributions.floor)} 元，按下限缴费。`,
      });
    } else if (line.baseClamp === 'ceiling') {
      checks.push({
        level: 'info',
        code: 'BASE_AT_CEILING',
        line: i,
        message: `${lineLabel(result, i)}月薪 ${formatMoney(line.monthly)} 元高于缴费基数上限 ${formatMoney(model.contributions.ceiling)} 元，按上限缴费。`,
      });
    }
  });

  return checks;
}
