import { divRound, fromInteger, toFixed } from '../money/decimal';
import { completedYears } from './age';
import { CERTIFICATES, type Education, TITLES, type Worker } from './schema';

/**
 * Structure statistics of a roster on a date (人员结构统计, docs/design.md §People: roster and
 * statistics): counts by age band, education band, title, certificate and field, each with 未填 for
 * a blank cell, and the certification rate. Counting is exact; the rate is an exact decimal
 * rounded half away from zero to 4 places.
 */

export const UNFILLED = '未填';

/** Age bands in completed years on the date; 60岁以上 is 61 and over. */
export const AGE_BANDS = ['35岁及以下', '36-45岁', '46-55岁', '56-60岁', '60岁以上'] as const;
export const EDUCATION_BANDS = ['本科及以上', '大专', '中专/中职/中师', '高中及以下'] as const;
/** certificates that count for certRate: the national 社会工作者职业资格 levels */
export const NATIONAL_CERTIFICATES = ['高级社会工作师', '社会工作师', '助理社会工作师'] as const;

export type AgeBand = (typeof AGE_BANDS)[number];
export type EducationBand = (typeof EDUCATION_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age <= 35) return '35岁及以下';
  if (age <= 45) return '36-45岁';
  if (age <= 55) return '46-55岁';
  if (age <= 60) return '56-60岁';
  return '60岁以上';
}

const EDUCATION_BAND: Record<Education, EducationBand> = {
  博士研究生: '本科及以上',
  硕士研究生: '本科及以上',
  大学本科: '本科及以上',
  大专: '大专',
  中专: '中专/中职/中师',
  中职: '中专/中职/中师',
  中师: '中专/中职/中师',
  高中: '高中及以下',
  初中及以下: '高中及以下',
};

export const educationBand = (e: Education): EducationBand => EDUCATION_BAND[e];

/** counts by band, in the bands' order, 未填 last */
export type Counts = Record<string, number>;

export interface RosterStats {
  total: number;
  on: string;
  byAge: Counts;
  byEducation: Counts;
  byTitle: Counts;
  byField: Counts;
  byCertificate: Counts;
  /** (高级社会工作师 + 社会工作师 + 助理社会工作师) / total, 4 places; null for an empty roster */
  certRate: string | null;
}

export type StatsDimension = 'byAge' | 'byEducation' | 'byTitle' | 'byField' | 'byCertificate';
export const STATS_DIMENSIONS: readonly StatsDimension[] = ['byAge', 'byEducation', 'byTitle', 'byField', 'byCertificate'];

const zeroed = (bands: readonly string[]): Counts => Object.fromEntries([...bands, UNFILLED].map((b) => [b, 0]));

/**
 * Fields have no fixed list: the most numerous first (ties by name), 未填 last. A birth date after
 * the date (nobody's age yet) counts as 未填.
 */
/** what the statistics read of a worker */
export type CountedWorker = Pick<Worker, 'birthDate' | 'education' | 'title' | 'certificate' | 'field'>;

export function rosterStats(workers: readonly CountedWorker[], on: string): RosterStats {
  const byAge = zeroed(AGE_BANDS);
  const byEducation = zeroed(EDUCATION_BANDS);
  const byTitle = zeroed(TITLES);
  const byCertificate = zeroed(CERTIFICATES);
  const fields = new Map<string, number>();
  let unfilledField = 0;
  for (const w of workers) {
    const age = w.birthDate === null ? null : completedYears(w.birthDate, on);
    byAge[age === null ? UNFILLED : ageBand(age)]!++;
    byEducation[w.education === null ? UNFILLED : EDUCATION_BAND[w.education]]!++;
    byTitle[w.title ?? UNFILLED]!++;
    byCertificate[w.certificate ?? UNFILLED]!++;
    if (w.field === null) unfilledField++;
    else fields.set(w.field, (fields.get(w.field) ?? 0) + 1);
  }
  const byField: Counts = {};
  for (const [f, n] of [...fields].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) byField[f] = n;
  byField[UNFILLED] = unfilledField;
  const total = workers.length;
  const certified = NATIONAL_CERTIFICATES.reduce((s, c) => s + byCertificate[c]!, 0);
  return { total, on, byAge, byEducation, byTitle, byField, byCertificate, certRate: ratio(certified, total, 4) };
}

/** n / total as exact decimal text rounded half away from zero; null when total is 0 */
export function ratio(n: number, total: number, places: number): string | null {
  return total === 0 ? null : toFixed(divRound(fromInteger(n), fromInteger(total), places), places);
}
