/**
 * What a budget check says, as data: a stable code and the figures it names (docs/design.md,
 * "Budget arithmetic" → Checks). The sentence is made from these by a text table per language
 * (checkText.ts for Chinese; the renderer adds English), so a check reads the same in the CLI, the
 * workbook and the UI. Money and rates travel as decimal text, never as floats: money with 2
 * decimals ("22367.39"), shares as fractions ("0.8698"), percentage points as written ("3.02").
 */
export type CheckLevel = 'error' | 'warning' | 'info';

export type CheckCode =
  | 'LABOUR_SHARE_BELOW_MIN'
  | 'MANAGEMENT_FEE_ABOVE_CAP'
  | 'PAY_BELOW_GUIDE'
  | 'BASE_AT_FLOOR'
  | 'BASE_AT_CEILING'
  | 'POSTS_OUTSIDE_RANGE'
  | 'NO_GUIDE_CELL'
  | 'GUIDE_INCLUDES_EMPLOYER_COST'
  | 'PAY_BELOW_REFERENCE'
  | 'SOCIAL_WORK_POST_SHARE';

/** The staff line a check is about, as the user sees it: row from 1, and its guide cell as typed. */
export interface StaffLineRef {
  row: number;
  post: string;
  grade: string;
  step: number;
}

export interface CheckParams {
  LABOUR_SHARE_BELOW_MIN: {
    labourShare: string;
    minLabourShare: string;
    /** (minimum − share) × 100, to 0.01 point */
    shortByPoints: string;
    total: string;
    /** round(minimum × total): the least labour the purchaser accepts */
    minLabour: string;
    shortBy: string;
  };
  MANAGEMENT_FEE_ABOVE_CAP: {
    managementFee: string;
    managementShare: string;
    maxManagementShare: string;
    overByPoints: string;
    /** round(cap × total) */
    cap: string;
    overBy: string;
  };
  POSTS_OUTSIDE_RANGE: {
    headcount: string;
    /** which end of the range the head count misses */
    bound: 'min' | 'max';
    limit: string;
    /** |head count − limit| */
    difference: string;
    /** the rule's name as typed (吉林社工岗), or null */
    label: string | null;
  };
  GUIDE_INCLUDES_EMPLOYER_COST: Record<string, never>;
  PAY_BELOW_GUIDE: StaffLineRef & { monthly: string; entitledMonthly: string; belowBy: string };
  NO_GUIDE_CELL: StaffLineRef & { monthly: string };
  BASE_AT_FLOOR: StaffLineRef & { monthly: string; floor: string };
  BASE_AT_CEILING: StaffLineRef & { monthly: string; ceiling: string };
  /** the team's average pay below `rules.payReference` (吉林: 上年度事业单位管理岗位人员平均工资), src/core/pay/payReference.ts */
  PAY_BELOW_REFERENCE: {
    /** the reference as named in the rule, as typed */
    label: string;
    referenceMonthly: string;
    /** round(Σ gross ÷ personMonths, 2) */
    averageMonthly: string;
    /** Σ count × months of the social-work lines */
    personMonths: string;
    gross: string;
    /** referenceMonthly − averageMonthly */
    shortByMonthly: string;
    /** round(reference × personMonths) − gross */
    shortBy: string;
  };
  /** social-work posts below `rules.minSocialWorkPostShare` of all posts (珠海方案 item 3: 70 %) */
  SOCIAL_WORK_POST_SHARE: {
    socialWorkPosts: string;
    /** all posts: the head count */
    posts: string;
    /** socialWorkPosts ÷ posts to 4 places */
    share: string;
    minShare: string;
    /** ⌈minShare × posts⌉: the social-work posts the same head count must hold */
    required: string;
    /** required − socialWorkPosts */
    shortBy: string;
    /** the 非社工岗 posts */
    otherPosts: string;
    /** ⌈minShare × otherPosts ÷ (1 − minShare)⌉: the social-work posts needed if the others stay; null when minShare is 1 */
    requiredKeepingOthers: string | null;
  };
}

/** One check; `message` is its Chinese sentence, kept for the CLI, the workbook and JSON readers. */
export type Check = {
  [C in CheckCode]: {
    level: CheckLevel;
    code: C;
    /** 0-based staff line the check is about, when it is about one */
    line?: number;
    message: string;
    params: CheckParams[C];
  };
}[CheckCode];

/** A sentence for each code, from its figures: one language's table. */
export type CheckTexts = { [C in CheckCode]: (params: CheckParams[C]) => string };

/** The sentence of a check in a language's table (the union's code picks its parameters). */
export function checkSentence(texts: CheckTexts, check: Pick<Check, 'code' | 'params'>): string {
  return (texts[check.code] as (p: typeof check.params) => string)(check.params);
}
