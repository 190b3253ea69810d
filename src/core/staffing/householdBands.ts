import { z } from 'zod';
import { type Decimal, compare, parseDecimal, toPlainString } from '../money/decimal';
import { householdCount, positiveHouseholdCount, shareText, staffNumber } from '../spec/fields';
import { type PolicyPoint, type RuleOutcome, choosePosts, floorDiv } from './policyPoint';
import { type RuleStep, step } from './steps';
import { stepsZh } from './stepText';

/**
 * 按户数配备 — quota by households (吉林意见 and 浦东“社工15条”, docs/design.md §Rules and their policy
 * sources). One band of households [fromHouseholds, toHouseholds] gets minPosts–maxPosts, either as a range for every community in
 * the band (吉林: 3000 户以下 10–15 人) or interpolated along the band (浦东: 500–2000 户 → 5–11 名,
 * one figure per size). Above the band, `above` adds one post per N households (吉林: 每增加
 * 300–500 户增设 1 个: the minimum counts per 500, the maximum per 300). `elderlyUplift` raises the
 * quota where the elderly share is above a threshold (浦东: 老龄化比例较高的适当增加额度).
 */

export const householdBandsSchema = z
  .strictObject({
    family: z.literal('householdBands'),
    fromHouseholds: householdCount, // 档起点户数
    toHouseholds: positiveHouseholdCount, // 档终点户数
    minPosts: staffNumber, // 档内下限人数
    maxPosts: staffNumber, // 档内上限人数
    within: z.enum(['range', 'interpolate']), // 档内：区间 / 按户数插值
    above: z
      .strictObject({
        perHouseholdsForMin: positiveHouseholdCount, // 下限：每增加多少户增 1 人 (500)
        perHouseholdsForMax: positiveHouseholdCount, // 上限：每增加多少户增 1 人 (300)
      })
      .nullable()
      .default(null),
    elderlyUplift: z
      .strictObject({
        threshold: shareText, // 老年人口占比超过该值时上浮
        postsMin: staffNumber,
        postsMax: staffNumber,
      })
      .nullable()
      .default(null),
  })
  .refine((p) => p.toHouseholds > p.fromHouseholds, { message: '档终点户数须大于起点 / toHouseholds must exceed fromHouseholds', path: ['toHouseholds'] })
  .refine((p) => p.maxPosts >= p.minPosts, { message: '上限人数不能小于下限 / maxPosts must not be below minPosts', path: ['maxPosts'] })
  .refine((p) => !p.elderlyUplift || p.elderlyUplift.postsMax >= p.elderlyUplift.postsMin, {
    message: '上浮上限不能小于下限 / uplift max must not be below min',
    path: ['elderlyUplift', 'postsMax'],
  });

export type HouseholdBandsParams = z.output<typeof householdBandsSchema>;

export interface HouseholdInput {
  households: number;
  /** 老年人口占比 as a fraction ("0.28"); null when unknown (no uplift) */
  elderlyShare?: Decimal | null;
}

export function householdBandsQuota(p: HouseholdBandsParams, input: HouseholdInput, point: PolicyPoint, explain = true): RuleOutcome {
  const h = input.households;
  const explanation: RuleStep[] = [];
  let min: number;
  let max: number;
  if (p.within === 'range' || h <= p.fromHouseholds) {
    min = p.minPosts;
    max = p.within === 'range' ? p.maxPosts : p.minPosts;
    if (explain) {
      explanation.push(
        p.within === 'range'
          ? step('BAND_RANGE', { households: h, toHouseholds: p.toHouseholds, minPosts: p.minPosts, maxPosts: p.maxPosts })
          : step('BAND_START', { households: h, fromHouseholds: p.fromHouseholds, minPosts: p.minPosts }),
      );
    }
  } else {
    // 插值 floor: a post is added only when the households for a whole post are there
    const counted = Math.min(h, p.toHouseholds);
    const span = p.toHouseholds - p.fromHouseholds;
    const posts = p.minPosts + floorDiv((counted - p.fromHouseholds) * (p.maxPosts - p.minPosts), span);
    min = posts;
    max = posts;
    if (explain) {
      explanation.push(
        step('BAND_INTERPOLATED', {
          households: h,
          fromHouseholds: p.fromHouseholds,
          toHouseholds: p.toHouseholds,
          minPosts: p.minPosts,
          maxPosts: p.maxPosts,
          counted,
          span,
          posts,
          cappedAtEnd: h > p.toHouseholds && !p.above,
        }),
      );
    }
  }
  if (p.above && h > p.toHouseholds) {
    const e = h - p.toHouseholds;
    const addMin = floorDiv(e, p.above.perHouseholdsForMin);
    const addMax = floorDiv(e, p.above.perHouseholdsForMax);
    if (explain) {
      explanation.push(step('ABOVE_BAND', { households: h, toHouseholds: p.toHouseholds, excess: e }));
      explanation.push(
        step('ABOVE_BAND_BOUND', { bound: 'min', base: min, excess: e, perHouseholds: p.above.perHouseholdsForMin, added: addMin, result: min + addMin }),
      );
      explanation.push(
        step('ABOVE_BAND_BOUND', { bound: 'max', base: max, excess: e, perHouseholds: p.above.perHouseholdsForMax, added: addMax, result: max + addMax }),
      );
    }
    min += addMin;
    max += addMax;
  }
  const u = p.elderlyUplift;
  if (u && input.elderlyShare) {
    const threshold = thresholdOf(u.threshold);
    const elderlyShare = explain ? toPlainString(input.elderlyShare) : '';
    if (compare(input.elderlyShare, threshold) > 0) {
      if (explain) {
        explanation.push(step('ELDERLY_UPLIFT', { elderlyShare, threshold: u.threshold, upliftMin: u.postsMin, upliftMax: u.postsMax, min, max }));
      }
      min += u.postsMin;
      max += u.postsMax;
    } else if (explain) {
      explanation.push(step('ELDERLY_NO_UPLIFT', { elderlyShare, threshold: u.threshold }));
    }
  }
  const chosen = choosePosts(min, max, point, explain);
  if (!explain) return { min, max, chosen: chosen.chosen, explanation: NO_STEPS, steps: NO_TEXT };
  explanation.push(chosen.step!);
  return { min, max, chosen: chosen.chosen, explanation, steps: stepsZh(explanation) };
}

// a million communities without their arithmetic share these (never written to)
const NO_STEPS: RuleStep[] = [];
const NO_TEXT: string[] = [];

const thresholds = new Map<string, Decimal>();
function thresholdOf(text: string): Decimal {
  let d = thresholds.get(text);
  if (d === undefined) thresholds.set(text, (d = parseDecimal(text)));
  return d;
}
