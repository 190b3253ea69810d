import { z } from 'zod';
import { LIMITS, boundedList, floorNotAboveCeiling, isoDate, moneyText, nonEmptyText, optionalText, rateText } from '../spec/fields';

/**
 * Employer contribution parameters (五险一金 and payroll levies) per city, dated: a set holds from
 * its effective date (bases usually reset each July) until the next set of the same city.
 */
export const contributionSetSchema = z
  .strictObject({
    city: nonEmptyText, // 城市
    name: nonEmptyText, // e.g. "北京市 2022 年度社保公积金参数"
    effectiveFrom: isoDate,
    floor: moneyText, // 缴费基数下限
    ceiling: moneyText, // 缴费基数上限
    items: boundedList(
      z.strictObject({
        name: nonEmptyText, // 养老保险 / 医疗保险（含生育） / 失业保险 / 工伤保险 / 住房公积金
        rate: rateText, // employer rate, below 1
        round: z.enum(['fen', 'yuan']).default('fen'),
      }),
      LIMITS.contributionItems,
    ).default([]),
    levies: boundedList(z.strictObject({ name: nonEmptyText, rate: rateText }), LIMITS.levies).default([]), // 工会经费 2 %
    source: optionalText.default(''),
    sample: z.boolean().default(false),
  })
  .refine(floorNotAboveCeiling, { message: '缴费基数下限不能高于上限 / floor must not exceed ceiling', path: ['floor'] });

export type ContributionSet = z.output<typeof contributionSetSchema>;
export type StoredContributionSet = ContributionSet & { id: number };
