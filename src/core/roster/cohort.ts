import { z } from 'zod';
import { divRound, fromInteger, mul, parseDecimal, round, toNumber } from '../money/decimal';
import { LIMITS, shareText, wholeNumber } from '../spec/fields';

/**
 * A cohort projection of the workforce (docs/design.md §People: roster and statistics): from the
 * roster's head count and certified count, year by year — leavers (attrition rate × head count at
 * the start of the year, rounded half away from zero to whole people), new hires, uncertified
 * people passing the certificate (pass rate × those uncertified after the leavers and hires) — set
 * against a target that starts at a number and grows by a number a year (“40 now, 50 more a year”),
 * with the gap. Leavers are taken from certified and uncertified in proportion (certified share of
 * the leavers rounded the same way); hires arrive uncertified unless `hiresCertified`.
 */
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
}

const wholeOf = (d: ReturnType<typeof parseDecimal>) => toNumber(round(d, 0));

export function projectCohort(start: { headcount: number; certified: number }, input: CohortInput): CohortYear[] {
  const attrition = parseDecimal(input.attritionRate);
  const pass = parseDecimal(input.passRate);
  let headcount = start.headcount;
  let certified = Math.min(start.certified, headcount);
  const out: CohortYear[] = [];
  for (let k = 0; k < input.years; k++) {
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
    });
  }
  return out;
}
