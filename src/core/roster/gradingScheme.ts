import { z } from 'zod';
import { add, divRound, fromInteger, mul, parseDecimal, toFixed } from '../money/decimal';
import { isoDate, moneyText, nonEmptyText, optionalText, shareText, wholeNumber } from '../spec/fields';
import { type GradedYear, type PostChange, gradeYears, postBandSchema } from './grading';
import { type GradingReason, gradingReasonZh } from './gradingReasons';
import { professionalGradeSchema } from './levelMap';
import { CERTIFICATES, type Certificate, EDUCATIONS, type Worker } from './schema';

/**
 * A grading scheme (定级晋升参数) as dated data the bureau edits (docs/design.md §People: roster and
 * statistics): in each version, from its effective date — the 三岗十八级 bands per post type, 年功
 * years per level, the rating that counts for a level early, the post type a 书记 holds, the
 * starting-level table (持证等级, 学历, 社区工作年限 → a level), the monthly pay of each level and
 * the certificate allowances, and the 专技 level map. Every version names its source.
 */
export const startingLevelRuleSchema = z.strictObject({
  /** the certificate held at least (null: any) */
  certificate: z.enum(CERTIFICATES).nullable().default(null),
  /** one of these 学历 (empty: any) */
  educations: z.array(z.enum(EDUCATIONS)).max(EDUCATIONS.length).default([]),
  /** 社区工作年限 at least */
  minYears: wholeNumber({ min: 0, max: 70 }).default(0),
  /** only for this post type (null: any) */
  postType: nonEmptyText.nullable().default(null),
  level: wholeNumber({ min: 1, max: 18 }),
});

export const levelPaySchema = z.strictObject({ level: wholeNumber({ min: 1, max: 18 }), monthly: moneyText });
export const certificateAllowanceSchema = z.strictObject({ qualification: nonEmptyText, monthly: moneyText });

export const gradingVersionSchema = z
  .strictObject({
    effectiveFrom: isoDate,
    source: optionalText.default(''),
    bands: z.array(postBandSchema).min(1).max(20),
    yearsPerLevel: wholeNumber({ min: 0, max: 20 }),
    excellent: nonEmptyText.default('优秀'),
    /** the post type a worker becoming 书记 takes (就高 applies) */
    secretaryPostType: nonEmptyText,
    /** tried in order, the first that fits wins: put the most demanding first */
    startingLevels: z.array(startingLevelRuleSchema).max(200).default([]),
    levelPay: z.array(levelPaySchema).max(18).default([]),
    allowances: z.array(certificateAllowanceSchema).max(20).default([]),
    /** 持证津贴 at least this much a month (吉林: 每月不低于 200 元) */
    allowanceMinimum: moneyText.nullable().default(null),
    levelMap: z.array(professionalGradeSchema).max(100).default([]),
  })
  .refine((v) => new Set(v.bands.map((b) => b.postType)).size === v.bands.length, '同一岗位类别出现两次 / a post type banded twice')
  .refine((v) => v.bands.every((b) => b.from <= b.to), '等级区间的起点高于终点 / a band runs backwards')
  .refine((v) => v.bands.some((b) => b.postType === v.secretaryPostType), '书记岗位类别须在等级区间中 / the 书记 post type needs a band')
  .refine((v) => new Set(v.levelPay.map((p) => p.level)).size === v.levelPay.length, '同一级别的月薪出现两次 / a level priced twice');

/** 持证率目标 (城市社区, 农村社区), dated: a plan's certified share of its full quota is held against it */
export const certificationTargetSchema = z.strictObject({
  effectiveFrom: isoDate,
  urban: shareText,
  rural: shareText,
  source: nonEmptyText,
});
export type CertificationTarget = z.output<typeof certificationTargetSchema>;

export const gradingSchemeSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '代号只能用小写字母、数字和连字符 / key: lower-case letters, digits, hyphens'),
  name: nonEmptyText,
  versions: z
    .array(gradingVersionSchema)
    .min(1)
    .max(100)
    .refine((vs) => new Set(vs.map((v) => v.effectiveFrom)).size === vs.length, '同一生效日期出现两次 / two versions from the same date'),
  certificationTargets: z.array(certificationTargetSchema).max(100).default([]),
});

export type StartingLevelRule = z.output<typeof startingLevelRuleSchema>;
export type GradingVersion = z.output<typeof gradingVersionSchema>;
export type GradingVersionInput = z.input<typeof gradingVersionSchema>;
export type GradingScheme = z.output<typeof gradingSchemeSchema>;
export type GradingSchemeInput = z.input<typeof gradingSchemeSchema>;

/** The version in force on a date: the latest whose effectiveFrom is on or before it; null before the first. */
export function gradingInForce(scheme: Pick<GradingScheme, 'versions'>, on: string): GradingVersion | null {
  let found: GradingVersion | null = null;
  for (const v of scheme.versions) if (v.effectiveFrom <= on && (found === null || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found;
}

/**
 * The versions of `old` already in force on `today` (effective on or before it) that `next` changes
 * or leaves out, by effective date: such a version has graded and priced years already, so it is
 * never edited in place — a change is a new dated version (docs/design.md §Grading as data).
 */
export function lockedGradingVersions(old: Pick<GradingScheme, 'versions'>, next: Pick<GradingScheme, 'versions'>, today: string): string[] {
  const same = (a: GradingVersion, b: GradingVersion | undefined) => b !== undefined && JSON.stringify(a) === JSON.stringify(gradingVersionSchema.parse(b));
  return old.versions
    .filter((v) => v.effectiveFrom <= today)
    .filter(
      (v) =>
        !same(
          gradingVersionSchema.parse(v),
          next.versions.find((n) => n.effectiveFrom === v.effectiveFrom),
        ),
    )
    .map((v) => v.effectiveFrom);
}

/** whether a version may still be edited in place on `today`: only one not yet in force (a draft) */
export const gradingVersionEditable = (v: Pick<GradingVersion, 'effectiveFrom'>, today: string) => v.effectiveFrom > today;

/**
 * 新建生效版本: a copy of the version in force on `effectiveFrom` (else the latest one), under that
 * date, its source cleared for the new document to be named.
 */
export function newGradingVersion(scheme: Pick<GradingScheme, 'versions'>, effectiveFrom: string): GradingVersion {
  const base = gradingInForce(scheme, effectiveFrom) ?? [...scheme.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!base) throw new RangeError('定级晋升参数没有任何版本 / the scheme has no version');
  return { ...structuredClone(base), effectiveFrom, source: '' };
}

const CERT_ORDER: Record<Certificate, number> = { 无: 0, 社会工作员: 1, 助理社会工作师: 2, 社会工作师: 3, 高级社会工作师: 4 };

/** The starting level (起点定级) from the table: the first rule the worker meets, with it in words; null when none fits. */
export function startingLevel(
  version: GradingVersion,
  w: Pick<Worker, 'certificate' | 'education' | 'communityYears' | 'postType'>,
): { level: number; reason: string; why: GradingReason } | null {
  const held = CERT_ORDER[w.certificate ?? '无'];
  for (const [i, r] of version.startingLevels.entries()) {
    if (r.certificate !== null && held < CERT_ORDER[r.certificate]) continue;
    if (r.educations.length > 0 && (w.education === null || !r.educations.includes(w.education))) continue;
    if ((w.communityYears ?? 0) < r.minYears) continue;
    if (r.postType !== null && r.postType !== w.postType) continue;
    const why: GradingReason = {
      code: 'STARTING_RULE',
      params: { rule: i + 1, certificate: r.certificate, educations: [...r.educations], minYears: r.minYears, postType: r.postType, level: r.level },
    };
    return { level: r.level, reason: gradingReasonZh(why), why };
  }
  return null;
}

/** 岗位等级 as the roster writes it: “10级” or “10” → 10; anything else (a 专技 grade name) → null. */
export function levelNumber(text: string | null): number | null {
  const m = text === null ? null : /^\s*(\d{1,2})\s*级?\s*$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 18 ? n : null;
}

const CERT_ALIASES: Record<string, Certificate> = {
  高级社会工作师: '高级社会工作师',
  高级社工师: '高级社会工作师',
  社会工作师: '社会工作师',
  社工师: '社会工作师',
  中级社会工作师: '社会工作师',
  助理社会工作师: '助理社会工作师',
  助理社工师: '助理社会工作师',
  社会工作员: '社会工作员',
  社工员: '社会工作员',
};

/** A qualification as a guide or a scheme names it (社工师, 助理社工师 …) → the certificate; null when unknown. */
export function certificateOf(qualification: string): Certificate | null {
  return CERT_ALIASES[qualification.trim()] ?? null;
}

/** the monthly allowance of a certificate in a version, "0.00" when none is listed for it */
export function allowanceOf(version: GradingVersion, certificate: Certificate | null): string {
  if (certificate === null) return '0.00';
  return version.allowances.find((a) => certificateOf(a.qualification) === certificate)?.monthly ?? '0.00';
}

export interface WorkerYear extends GradedYear {
  /** 月基础报酬 of the level paid, null when the scheme prices no such level */
  levelPay: string | null;
  allowance: string;
  /** (levelPay + allowance) × 12, null with levelPay */
  annual: string | null;
}

/**
 * One worker's level and pay year by year (定级晋升): the level held now (岗位等级), or the starting
 * level from the table when none is written; the ratings of the roster; the changes given (轮岗, 担任
 * 书记). Each year is graded and priced by the version in force on 1 January of that year.
 */
export function workerHistory(
  scheme: GradingScheme,
  w: Pick<Worker, 'postType' | 'postLevel' | 'ratings' | 'certificate' | 'education' | 'communityYears'>,
  fromYear: number,
  years: number,
  changes: readonly PostChange[] = [],
): WorkerYear[] {
  const first = gradingInForce(scheme, `${fromYear}-01-01`);
  if (!first) throw new RangeError(`${scheme.name}在 ${fromYear} 年 1 月 1 日尚未生效（最早 ${scheme.versions.map((v) => v.effectiveFrom).sort()[0]}）`);
  if (w.postType === null) throw new RangeError('岗位类别未填，无法定级');
  const held = levelNumber(w.postLevel);
  const start = held === null ? startingLevel(first, w) : null;
  if (held === null && start === null) throw new RangeError('岗位等级未填，起点定级表中也没有适用的条目');
  const graded = gradeYears(first, {
    postType: w.postType,
    level: held ?? start!.level,
    fromYear,
    years,
    ratings: w.ratings,
    changes: changes.map((c) => (c.secretary ? { ...c, postType: first.secretaryPostType } : c)),
  });
  return graded.map((g, k) => {
    const v = gradingInForce(scheme, `${g.year}-01-01`) ?? first;
    const reasons = k === 0 && start ? [start.reason, ...g.reasons] : g.reasons;
    const why = k === 0 && start ? [start.why, ...g.why] : g.why;
    const pay = v.levelPay.find((p) => p.level === g.paidLevel)?.monthly ?? null;
    const allowance = allowanceOf(v, w.certificate);
    const annual = pay === null ? null : toFixed(mul(add(parseDecimal(pay), parseDecimal(allowance)), fromInteger(12)), 2);
    return { ...g, reasons, why, levelPay: pay, allowance, annual };
  });
}

/**
 * The roster's pay per head for a cohort projection's labour cost: the average over priced workers
 * of (level pay) × 12, and the average over national-certificate holders of their allowance × 12,
 * each rounded to the fen. A worker is priced at the level written (or the starting level when none
 * is); those the scheme cannot price (no post type's level, no pay for the level) are counted apart.
 */
export function rosterPayPerHead(
  version: GradingVersion,
  workers: Iterable<Pick<Worker, 'postLevel' | 'certificate' | 'education' | 'communityYears' | 'postType'>>,
): { payPerHead: string; allowancePerCertified: string; priced: number; unpriced: number } {
  const pay = new Map(version.levelPay.map((p) => [p.level, parseDecimal(p.monthly)]));
  const allowance = new Map<Certificate, ReturnType<typeof parseDecimal>>();
  for (const c of ['助理社会工作师', '社会工作师', '高级社会工作师'] as const) allowance.set(c, parseDecimal(allowanceOf(version, c)));
  let paySum = parseDecimal('0');
  let allowanceSum = parseDecimal('0');
  let priced = 0;
  let unpriced = 0;
  let certified = 0;
  for (const w of workers) {
    const level = levelNumber(w.postLevel) ?? startingLevel(version, w)?.level ?? null;
    const monthly = level === null ? undefined : pay.get(level);
    if (monthly === undefined) unpriced++;
    else {
      priced++;
      paySum = add(paySum, monthly);
    }
    const a = w.certificate === null ? undefined : allowance.get(w.certificate);
    if (a !== undefined) {
      certified++;
      allowanceSum = add(allowanceSum, a);
    }
  }
  const avg12 = (total: ReturnType<typeof parseDecimal>, n: number) =>
    n === 0 ? '0.00' : toFixed(divRound(mul(total, fromInteger(12)), fromInteger(n), 2), 2);
  return { payPerHead: avg12(paySum, priced), allowancePerCertified: avg12(allowanceSum, certified), priced, unpriced };
}
