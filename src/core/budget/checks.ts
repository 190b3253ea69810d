import { type Decimal, compare, fromInteger, mul, round, sub, toFixed, toPlainString } from '../money/decimal';
import type { Check, CheckCode, CheckLevel, CheckParams, StaffLineRef } from './checkCodes';
import { CHECK_TEXT_ZH } from './checkText';
import type { BudgetResult } from './types';

export type { Check, CheckCode, CheckLevel, CheckParams } from './checkCodes';

/**
 * The checks of docs/design.md ("Budget arithmetic" → Checks), each with a stable code, the figures
 * that say what is wrong and by how much, and their Chinese sentence. Shares are compared exactly
 * (labour < min × total), never on rounded percentages; the figures are rounded only for the reader.
 */
const HUNDRED = fromInteger(100);
const points = (a: Decimal, b: Decimal) => toPlainString(round(mul(sub(a, b), HUNDRED), 2));
const money = (d: Decimal) => toFixed(d, 2);
const share = (d: Decimal) => toPlainString(d);

function check<C extends CheckCode>(level: CheckLevel, code: C, params: CheckParams[C], line?: number): Check {
  const message = CHECK_TEXT_ZH[code](params);
  return (line === undefined ? { level, code, message, params } : { level, code, line, message, params }) as Check;
}

function lineRef(result: BudgetResult, i: number): StaffLineRef {
  const s = result.staff[i]!.input;
  return { row: i + 1, post: s.post, grade: s.grade, step: s.step };
}

export function budgetChecks(result: BudgetResult): Check[] {
  const checks: Check[] = [];
  const { totals, model } = result;
  const rules = model.rules;

  if (rules.minLabourShare !== undefined) {
    const needed = mul(rules.minLabourShare, totals.total);
    if (compare(totals.labour, needed) < 0) {
      const minLabour = round(needed, 2);
      checks.push(
        check('error', 'LABOUR_SHARE_BELOW_MIN', {
          labourShare: share(result.labourShare),
          minLabourShare: share(rules.minLabourShare),
          shortByPoints: points(rules.minLabourShare, result.labourShare),
          total: money(totals.total),
          minLabour: money(minLabour),
          shortBy: money(sub(minLabour, totals.labour)),
        }),
      );
    }
  }

  if (rules.maxManagementShare !== undefined) {
    const cap = mul(rules.maxManagementShare, totals.total);
    if (compare(totals.managementFee, cap) > 0) {
      const capRounded = round(cap, 2);
      checks.push(
        check('error', 'MANAGEMENT_FEE_ABOVE_CAP', {
          managementFee: money(totals.managementFee),
          managementShare: share(result.managementShare),
          maxManagementShare: share(rules.maxManagementShare),
          overByPoints: points(result.managementShare, rules.maxManagementShare),
          cap: money(capRounded),
          overBy: money(sub(totals.managementFee, capRounded)),
        }),
      );
    }
  }

  if (rules.posts) {
    const { min, max } = rules.posts;
    const label = rules.posts.label || null;
    const head = totals.headcount;
    if (compare(head, min) < 0) {
      checks.push(
        check('error', 'POSTS_OUTSIDE_RANGE', {
          headcount: toPlainString(head),
          bound: 'min',
          limit: toPlainString(min),
          difference: toPlainString(sub(min, head)),
          label,
        }),
      );
    } else if (compare(head, max) > 0) {
      checks.push(
        check('error', 'POSTS_OUTSIDE_RANGE', {
          headcount: toPlainString(head),
          bound: 'max',
          limit: toPlainString(max),
          difference: toPlainString(sub(head, max)),
          label,
        }),
      );
    }
  }

  if (model.guideIncludes === 'employerCost' && result.staff.length > 0) {
    checks.push(check('info', 'GUIDE_INCLUDES_EMPLOYER_COST', {}));
  }

  result.staff.forEach((line, i) => {
    const s = line.input;
    const monthly = money(line.monthly);
    if (line.belowGuideBy !== null) {
      checks.push(
        check(
          'warning',
          'PAY_BELOW_GUIDE',
          { ...lineRef(result, i), monthly, entitledMonthly: money(line.entitledMonthly!), belowBy: money(line.belowGuideBy) },
          i,
        ),
      );
    }
    if (s.guideMonthly === null) {
      checks.push(check('warning', 'NO_GUIDE_CELL', { ...lineRef(result, i), monthly }, i));
    }
    if (line.baseClamp === 'floor') {
      checks.push(check('info', 'BASE_AT_FLOOR', { ...lineRef(result, i), monthly, floor: money(model.contributions.floor) }, i));
    } else if (line.baseClamp === 'ceiling') {
      checks.push(check('info', 'BASE_AT_CEILING', { ...lineRef(result, i), monthly, ceiling: money(model.contributions.ceiling) }, i));
    }
  });

  return checks;
}
