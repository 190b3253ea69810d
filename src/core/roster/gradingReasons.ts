import type { Certificate, Education } from './schema';

/**
 * The reason for each change in a worker's level (定级晋升, docs/design.md §People: roster and
 * statistics) as a code and its figures, so that any language can say it: the Chinese sentences
 * below are the CLI's and the API's `reasons`; the English ones live with the page. Post types and
 * ratings are the scheme's own words, passed as typed.
 */
export interface GradingReasonParams {
  /** the first year graded: the post and level held, and the post's band */
  START: { postType: string; level: number; from: number; to: number };
  /** the starting level (起点定级) from rule `rule` (1-based) of the table, when no level is written */
  STARTING_RULE: {
    rule: number;
    certificate: Certificate | null;
    educations: Education[];
    minYears: number;
    postType: string | null;
    level: number;
  };
  /** a new post type (轮岗) or becoming 书记, at `level`; `keptLevel` the old level paid on (就高), null when the new one is not lower */
  POST_CHANGE: { secretary: boolean; fromPostType: string; toPostType: string; level: number; oldLevel: number; keptLevel: number | null };
  /** 年功: a level after so many years at one */
  SENIORITY: { years: number };
  /** 连续两年优秀提前晋级 */
  EARLY: { first: number; second: number; rating: string };
  /** a rise stopped at the band's top */
  CAPPED: { top: number };
}

export type GradingReasonCode = keyof GradingReasonParams;
export type GradingReason = { [C in GradingReasonCode]: { code: C; params: GradingReasonParams[C] } }[GradingReasonCode];
export type GradingReasonTexts = { [C in GradingReasonCode]: (p: GradingReasonParams[C]) => string };

export function gradingReasonSentence(texts: GradingReasonTexts, reason: GradingReason): string {
  return (texts[reason.code] as (p: GradingReason['params']) => string)(reason.params);
}

export const GRADING_REASON_TEXT_ZH: GradingReasonTexts = {
  START: (p) => `起始：${p.postType} ${p.level} 级（本岗位 ${p.from}–${p.to} 级）`,
  STARTING_RULE: (p) => {
    const terms = [
      p.certificate ? `持${p.certificate}及以上` : null,
      p.educations.length ? `学历${p.educations.join('/')}` : null,
      p.minYears ? `社区工作满 ${p.minYears} 年` : null,
      p.postType ? `岗位${p.postType}` : null,
    ].filter((t): t is string => t !== null);
    return `起点定级第 ${p.rule} 条（${terms.length ? terms.join('，') : '其他人员'}）：${p.level} 级`;
  },
  POST_CHANGE: (p) => {
    const why = p.secretary ? '担任书记' : `岗位类别由${p.fromPostType}改为${p.toPostType}`;
    return p.keptLevel !== null
      ? `${why}，新岗位 ${p.level} 级；就高，按原 ${p.keptLevel} 级发放`
      : `${why}，新岗位 ${p.level} 级（不低于原 ${p.oldLevel} 级）`;
  },
  SENIORITY: (p) => `年功：本级满 ${p.years} 年升一级`,
  EARLY: (p) => `${p.first}、${p.second} 年连续考核${p.rating}，提前升一级`,
  CAPPED: (p) => `已到本岗位最高 ${p.top} 级，不再晋级`,
};

export const gradingReasonZh = (reason: GradingReason) => gradingReasonSentence(GRADING_REASON_TEXT_ZH, reason);
