/**
 * The arithmetic of a staffing rule as data: each step is a code and the numbers (and the rule's
 * own words, as typed: 职工, 专职党建) it was done with. The sentence is made from these by a text
 * table per language (stepText.ts for Chinese; the renderer adds English), so the 岗位测算 page, the
 * CLI and the JSON show the same arithmetic. Counts are numbers; rates are decimal text as written
 * in the rule ("0.80").
 */
type Bound = 'min' | 'max';
type Area = 'urban' | 'rural';

export interface StepParams {
  /** 按户数配备, a band given as a range: every community in it gets min–max */
  BAND_RANGE: { households: number; toHouseholds: number; minPosts: number; maxPosts: number };
  /** an interpolated band, the community at or below its start */
  BAND_START: { households: number; fromHouseholds: number; minPosts: number };
  /** an interpolated band: min + floor((counted − from) × (max − min) / span) */
  BAND_INTERPOLATED: {
    households: number;
    fromHouseholds: number;
    toHouseholds: number;
    minPosts: number;
    maxPosts: number;
    /** min(households, toHouseholds) */
    counted: number;
    /** toHouseholds − fromHouseholds */
    span: number;
    posts: number;
    /** households beyond the band's end, with nothing added above it: counted as the end */
    cappedAtEnd: boolean;
  };
  /** e = households − toHouseholds */
  ABOVE_BAND: { households: number; toHouseholds: number; excess: number };
  /** bound + floor(e / per) */
  ABOVE_BAND_BOUND: { bound: Bound; base: number; excess: number; perHouseholds: number; added: number; result: number };
  /** 老龄化上浮: min and max are before the uplift */
  ELDERLY_UPLIFT: { elderlyShare: string; threshold: string; upliftMin: number; upliftMax: number; min: number; max: number };
  ELDERLY_NO_UPLIFT: { elderlyShare: string; threshold: string };
  /** 取值: no upper bound, the minimum */
  CHOSEN_NO_MAX: { min: number };
  /** 取值: the bounds are equal */
  CHOSEN_ONLY_VALUE: { value: number };
  CHOSEN_AT_MIN: { min: number };
  CHOSEN_AT_MAX: { max: number };
  /** min + round(fraction × (max − min)); `mid` when the point was given as "mid" */
  CHOSEN_AT_POINT: { mid: boolean; fraction: string; min: number; max: number; chosen: number };
  /** 某类岗位最低配备 */
  MINIMUM_POSTS: { kind: string; minPosts: number };
  MINIMUM_FITS: { quota: number; minPosts: number };
  MINIMUM_DOES_NOT_FIT: { quota: number; minPosts: number; kind: string };
  /** the shortfall an area plan reports for a community whose quota cannot hold the minimum */
  MINIMUM_NOT_MET: { kind: string; minPosts: number; quota: number };
  /** 每 everyForMax–everyForMin 配 1 名 */
  ONE_IN: { basis: string; count: number; everyForMin: number; everyForMax: number };
  /** ceil(count / every) */
  ONE_IN_BOUND: { bound: Bound; count: number; every: number; posts: number };
  /** 工会: the two bases side by side, 每 3000–5000 名职工 或 每 30–50 家基层工会 1 名 (union.ts) */
  UNION_BASES: { employees: number; employeesMin: number; employeesMax: number; branches: number; branchesMin: number; branchesMax: number };
  /** posts per `per` people, one rate */
  DENSITY: { basis: string; count: number; per: number; posts: number; rounding: 'up' | 'down'; result: number };
  /** posts per `per` people, a range of rates */
  DENSITY_RANGE: { basis: string; count: number; per: number; postsMin: number; postsMax: number; rounding: 'up' | 'down'; min: number; max: number };
  /** 社工专业岗位不低于岗位总数的 minShare */
  SOCIAL_WORK_SHARE: { totalPosts: number; minShare: string; min: number };
  /** 持证率: at least ceil(rate × staff) certified */
  CERTIFICATE_RATE: { area: Area; rate: string; staff: number; required: number };
  CERTIFICATE_GAP: { certified: number; required: number; gap: number };
  CERTIFICATE_MET: { certified: number };
  /** a community's current staff against its chosen quota */
  STAFF_SHORT: { current: number; chosen: number; gap: number };
  STAFF_OVER: { current: number; over: number };
  STAFF_EVEN: { current: number };
  /** a community's certificate requirement in one line (区域规划) */
  COMMUNITY_CERTIFICATE: { area: Area; rate: string; staff: number; required: number; certified: number; gap: number };
}

export type StepCode = keyof StepParams;

export type RuleStep = { [C in StepCode]: { code: C; params: StepParams[C] } }[StepCode];

/** A sentence for each step code, from its numbers: one language's table. */
export type StepTexts = { [C in StepCode]: (params: StepParams[C]) => string };

export function step<C extends StepCode>(code: C, params: StepParams[C]): RuleStep {
  return { code, params } as RuleStep;
}

/** The sentence of a step in a language's table. */
export function stepSentence(texts: StepTexts, s: RuleStep): string {
  return (texts[s.code] as (p: typeof s.params) => string)(s.params);
}
