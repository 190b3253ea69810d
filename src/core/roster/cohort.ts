import { z } from 'zod';
import { ONE, add, divRound, fromInteger, mul, parseDecimal, round, toFixed, toNumber } from '../money/decimal';
import { LIMITS, moneyText, rateText, shareText, wholeNumber } from '../spec/fields';

/**
 * A cohort projection of the workforce (docs/design.md §People: roster and statistics): from the
 * roster's head count and certified count, year by year — leavers (attrition rate × head count at
 * the start of the year, rounded half away from zero to whole people), new hires, uncertified
 * people passing the certificate (pass rate × those uncertified after the leavers and hires) — set
 * against a target that starts at a number and grows by a number a year (“40 now, 50 more a year”),
 * with the gap. Leavers are taken from certified and uncertified in proportion (certified share of
 * the leavers rounded the same way); hires arrive uncertified unless `hiresCertified`.
 *
 * Labour cost (人员经费) of a year, when `labour` is given: head count × pay per head + certified ×
 * certificate allowance, both a year's amounts, grown by `yearlyRaise` compounded from the second
 * year (pay × (1 + raise)^k, each year's pay rounded to the fen first), the total to the fen.
 */
export const labourSchema = z.strictObject({
  /** 人均年薪 of the first year (the roster's own average when the service fills it in) */
  payPerHead: moneyText,
  /** 持证津贴 a certified worker draws in a year */
  allowancePerCertified: moneyText.default('0.00'),
  /** 年增长率 of both */
  yearlyRaise: rateText.default('0'),
});
export type LabourInput = z.output<typeof labourSchema>;

export const cohortSchema = z.strictObject({
  fromYear: wholeNumber(LIMITS.year),
  years: wholeNumber({ min: 1, max: 50 }),
  hiresPerYear: wholeNumber({ min: 0, max: 1_000_000 }),
  hiresCertified: z.boolean().default(false),
  attritionRate: shareText,
  passRate: shareText,
  target: z
    .strictObject({ start: wholeNumber({ min: 0, max: 10_000_000 }), perYear: wholeNumber({ min: 0, max: 1_000_000 }) })
    .nullable()
    .default(null),
  labour: labourSchema.nullable().default(null),
});

export type CohortInput = z.output<typeof cohortSchema>;

export interface CohortYear {
  year: number;
  leavers: number;
  hires: number;
  passed: number;
  headcount: number;
  certified: number;
  target: number | null;
  /** target − headcount: positive is a shortfall */
  gap: number | null;
  /** 人员经费 of the year, yuan to the fen; null without labour parameters */
  labour: string | null;
}

const wholeOf = (d: ReturnType<typeof parseDecimal>) => toNumber(round(d, 0));

export function projectCohort(start: { headcount: number; certified: number }, input: CohortInput): CohortYear[] {
  const attrition = parseDecimal(input.attritionRate);
  const pass = parseDecimal(input.passRate);
  let headcount = start.headcount;
  let certified = Math.min(start.certified, headcount);
  const out: CohortYear[] = [];
  const raise = add(ONE, parseDecimal(input.labour?.yearlyRaise ?? '0'));
  let pay = parseDecimal(input.labour?.payPerHead ?? '0');
  let allowance = parseDecimal(input.labour?.allowancePerCertified ?? '0');
  for (let k = 0; k < input.years; k++) {
    if (k > 0) {
      pay = round(mul(pay, raise), 2);
      allowance = round(mul(allowance, raise), 2);
    }
    const leavers = wholeOf(mul(fromInteger(headcount), attrition));
    // the certified among the leavers, in their share of the head count
    const certifiedLeavers = headcount === 0 ? 0 : toNumber(divRound(fromInteger(leavers * certified), fromInteger(headcount), 0));
    headcount -= leavers;
    certified -= certifiedLeavers;
    headcount += input.hiresPerYear;
    if (input.hiresCertified) certified += input.hiresPerYear;
    const passed = wholeOf(mul(fromInteger(headcount - certified), pass));
    certified += passed;
    const target = input.target === null ? null : input.target.start + input.target.perYear * (k + 1);
    out.push({
      year: input.fromYear + k,
      leavers,
      hires: input.hiresPerYear,
      passed,
      headcount,
      certified,
      target,
      gap: target === null ? null : target - headcount,
      labour: input.labour === null ? null : toFixed(add(mul(fromInteger(headcount), pay), mul(fromInteger(certified), allowance)), 2),
    });
  }
  return out;
}
