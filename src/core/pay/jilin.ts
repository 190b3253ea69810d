import { z } from 'zod';
import type { ReferenceWage } from '../guides/cellValue';
import type { ReferenceWageRecord } from '../guides/schema';
import { referenceWageInForce } from '../guides/versions';
import { type Decimal, ONE, divRound, fromInteger, mul, parseDecimal, round, sub, toFixed } from '../money/decimal';
import { moneyText, nonEmptyText, optionalText, shareText } from '../spec/fields';

/**
 * 吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》二、（四）完善薪酬体系 (docs/design.md
 * §Rules and their policy sources → Pay guides):
 *
 *   “薪酬平均标准参照当地上年度事业单位管理岗位人员平均工资水平核定（现高于此标准的保持不降），
 *    由基础报酬和绩效奖金两部分构成，其中基础报酬占70%，与本人岗位等级相对应；绩效奖金占30%……
 *    对获得助理社工师、社工师、高级社工师资格的，可按照每月不低于200元的标准给予补贴，并拉开档次。”
 *
 * As data: the reference the average pay is pegged to (a named, dated reference wage), the
 * performance part of pay (30 %, so the base is the other 70 %), and the least certificate allowance.
 * Two uses: a guide whose cells are the 基础报酬 is completed by the performance part,
 *   performance = round(base × 30 % ÷ 70 %, 2)           so that base : performance = 70 : 30;
 * and a budget's team is checked against the reference, as `rules.payReference` (payReference.ts):
 *   reference (monthly) = round(last year's average pay ÷ 12, 2) for a yearly figure.
 */
export const payStandardSchema = z.strictObject({
  name: nonEmptyText,
  source: optionalText.default(''),
  /** the reference wage (a record's name) the average pay is pegged to: 上年度事业单位管理岗位人员平均工资 */
  referenceWage: nonEmptyText,
  /** 绩效奖金占比: the share of pay that is performance pay; the rest is the base (基础报酬) */
  performanceShare: shareText,
  /** 持证补贴每月不低于 */
  allowanceMinMonthly: moneyText,
});

export type PayStandard = z.output<typeof payStandardSchema>;

/** The name of the sample reference wage (db/sampleData.ts) the Jilin standard refers to. */
export const PUBLIC_INSTITUTION_MANAGEMENT_WAGE = '上年度事业单位管理岗位人员工资平均水平（示例市）';

export const JILIN_PAY_STANDARD: PayStandard = payStandardSchema.parse({
  name: '吉林“社工岗”薪酬标准',
  source: '吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》二、（四）完善薪酬体系',
  referenceWage: PUBLIC_INSTITUTION_MANAGEMENT_WAGE,
  performanceShare: '0.30',
  allowanceMinMonthly: '200.00',
});

/**
 * The performance part that goes with a base: round(base × share ÷ (1 − share), 2); with the
 * Jilin 30 % that is round(base × 3 ÷ 7, 2). A share of 0 adds nothing; a share of 1 has no base and is refused.
 */
export function performanceMonthly(base: Decimal, performanceShare: Decimal): Decimal {
  const baseShare = sub(ONE, performanceShare);
  if (baseShare.units <= 0n) throw new RangeError('绩效奖金占比须小于 1 / performance share must be below 1');
  return divRound(mul(base, performanceShare), baseShare, 2);
}

/** A reference wage as a monthly amount: a yearly figure ÷ 12, rounded to the fen. */
export function referenceMonthly(wage: ReferenceWage): Decimal {
  return wage.per === 'year' ? divRound(wage.amount, fromInteger(12), 2) : round(wage.amount, 2);
}

/**
 * `rules.payReference` for a budget starting on `date`: the standard's reference wage in force then,
 * as { name, monthly } — or null when no such wage is recorded for that date.
 */
export function payReferenceRule(standard: PayStandard, wages: readonly ReferenceWageRecord[], date: string): { name: string; monthly: string } | null {
  const w = referenceWageInForce(wages, standard.referenceWage, date);
  if (!w) return null;
  const monthly = referenceMonthly({ name: w.name, amount: parseDecimal(w.amount), per: w.per });
  return { name: `${w.name}（${w.effectiveFrom} 起）`, monthly: toFixed(monthly, 2) };
}
