import { z } from 'zod';
import { nonEmptyText, wholeNumber } from '../spec/fields';
import { type GradingReason, gradingReasonZh } from './gradingReasons';
import type { YearRating } from './schema';

/**
 * 三岗十八级 grading year by year, as dated parameters the bureau edits (docs/design.md §People:
 * roster and statistics): each post type holds a band of levels (正职 7–18 …; a larger number is the
 * higher level); a worker rises one level every `yearsPerLevel` years in post (年功) within the band;
 * **two consecutive years rated 优秀 → one level early** within the band (《浦东新区关于加强社区工作者
 * 建设和激励关怀的若干措施》: 连续两年优秀的，可在“三岗十八级”本岗位等级内提前升一级), capped at the
 * band's top with a note; on a change of post type or on becoming 书记, **就高**: paid at the higher of
 * the old level and the new one. Every change carries its reason.
 */
export const postBandSchema = z.strictObject({
  postType: nonEmptyText,
  from: wholeNumber({ min: 1, max: 18 }),
  to: wholeNumber({ min: 1, max: 18 }),
});

export const gradingRulesSchema = z.strictObject({
  bands: z.array(postBandSchema).min(1).max(20),
  /** 年功: one level after this many years at a level (0: no rise by years) */
  yearsPerLevel: wholeNumber({ min: 0, max: 20 }),
  /** the rating that counts twice running for a level early */
  excellent: nonEmptyText.default('优秀'),
});

export type PostBand = z.output<typeof postBandSchema>;
export type GradingRules = z.output<typeof gradingRulesSchema>;

/** a change during the years graded: a new post type (轮岗, 提拔) or becoming 书记 */
export interface PostChange {
  year: number;
  postType: string;
  /** the level the new post starts at; default the bottom of its band */
  level?: number;
  secretary?: boolean;
}

export interface GradingInput {
  postType: string;
  level: number;
  /** the first year graded; the level given is the level held in it */
  fromYear: number;
  years: number;
  ratings: readonly YearRating[];
  changes?: readonly PostChange[];
}

export interface GradedYear {
  year: number;
  postType: string;
  /** the level by the rules of the post held */
  level: number;
  /** the level paid: 就高 may keep an earlier, higher one */
  paidLevel: number;
  /** each change in Chinese (the sentences of `why`) */
  reasons: string[];
  /** each change as a code and its figures, for any language (gradingReasons.ts) */
  why: GradingReason[];
}

function bandOf(rules: GradingRules, postType: string): PostBand {
  const b = rules.bands.find((x) => x.postType === postType);
  if (!b) throw new RangeError(`岗位类别“${postType}”没有等级区间；可选：${rules.bands.map((x) => x.postType).join('、')}`);
  return b;
}

export function gradeYears(rules: GradingRules, input: GradingInput): GradedYear[] {
  let band = bandOf(rules, input.postType);
  let postType = input.postType;
  let level = Math.min(Math.max(input.level, band.from), band.to);
  let paidFloor = 0; // 就高: a level paid at least, kept from an earlier post
  let yearsAtLevel = 0;
  let earlyUsedFor = -1; // the later year of the 优秀 pair already rewarded
  const rating = new Map(input.ratings.map((r) => [r.year, r.rating]));
  const out: GradedYear[] = [];
  for (let k = 0; k < input.years; k++) {
    const year = input.fromYear + k;
    const why: GradingReason[] = [];
    if (k === 0) why.push({ code: 'START', params: { postType, level, from: band.from, to: band.to } });
    else {
      const change = input.changes?.find((c) => c.year === year);
      if (change) {
        const old = { postType, level: Math.max(level, paidFloor) };
        band = bandOf(rules, change.postType);
        postType = change.postType;
        level = Math.min(Math.max(change.level ?? band.from, band.from), band.to);
        yearsAtLevel = 0;
        paidFloor = old.level > level ? old.level : 0;
        why.push({
          code: 'POST_CHANGE',
          params: {
            secretary: change.secretary === true,
            fromPostType: old.postType,
            toPostType: postType,
            level,
            oldLevel: old.level,
            keptLevel: old.level > level ? old.level : null,
          },
        });
      } else {
        yearsAtLevel++;
        let rise = 0;
        if (rules.yearsPerLevel > 0 && yearsAtLevel >= rules.yearsPerLevel) {
          rise++;
          why.push({ code: 'SENIORITY', params: { years: rules.yearsPerLevel } });
        }
        const [a, b] = [rating.get(year - 2), rating.get(year - 1)];
        if (a === rules.excellent && b === rules.excellent && earlyUsedFor < year - 2) {
          rise++;
          earlyUsedFor = year - 1;
          why.push({ code: 'EARLY', params: { first: year - 2, second: year - 1, rating: rules.excellent } });
        }
        if (rise > 0) {
          const target = level + rise;
          if (target > band.to) {
            why.push({ code: 'CAPPED', params: { top: band.to } });
            level = band.to;
          } else level = target;
          yearsAtLevel = 0;
        }
      }
    }
    if (paidFloor !== 0 && level >= paidFloor) paidFloor = 0;
    out.push({ year, postType, level, paidLevel: Math.max(level, paidFloor), reasons: why.map(gradingReasonZh), why });
  }
  return out;
}
