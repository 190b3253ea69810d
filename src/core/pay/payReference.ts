import type { Check, CheckParams } from '../budget/checkCodes';
import { CHECK_TEXT_ZH } from '../budget/checkText';
import type { BudgetResult } from '../budget/types';
import { type Decimal, ZERO, add, compare, divRound, isZero, mul, round, sub, toFixed, toPlainString } from '../money/decimal';

/**
 * The team's average pay against a reference (`rules.payReference`, e.g. the Jilin standard of
 * jilin.ts: 薪酬平均标准参照当地上年度事业单位管理岗位人员平均工资水平核定). The average is taken over
 * person-months of the social-work lines (非社工岗 lines are not 社工岗 and are left out):
 *
 *   personMonths = Σ count × months
 *   average      = round(Σ gross ÷ personMonths, 2)        gross includes bonus months and one-off allowances,
 *                                                          as a yearly average wage ÷ 12 does
 *
 * and the check fails when Σ gross < reference × personMonths (compared exactly, never on the
 * rounded average). It says by how much a month per person and in all.
 */
export function payReferenceCheck(result: BudgetResult): Check | null {
  const ref = result.model.rules.payReference;
  if (!ref) return null;
  let gross: Decimal = ZERO;
  let personMonths: Decimal = ZERO;
  for (const line of result.staff) {
    if (line.input.nonSocialWork) continue;
    gross = add(gross, line.gross);
    personMonths = add(personMonths, mul(line.input.count, line.input.months));
  }
  if (isZero(personMonths)) return null;
  const needed = mul(ref.monthly, personMonths);
  if (compare(gross, needed) >= 0) return null;
  const average = divRound(gross, personMonths, 2);
  const params: CheckParams['PAY_BELOW_REFERENCE'] = {
    label: ref.name,
    referenceMonthly: toFixed(ref.monthly, 2),
    averageMonthly: toFixed(average, 2),
    personMonths: toPlainString(personMonths),
    gross: toFixed(gross, 2),
    shortByMonthly: toFixed(sub(ref.monthly, average), 2),
    shortBy: toFixed(sub(round(needed, 2), gross), 2),
  };
  return { level: 'error', code: 'PAY_BELOW_REFERENCE', message: CHECK_TEXT_ZH.PAY_BELOW_REFERENCE(params), params };
}
