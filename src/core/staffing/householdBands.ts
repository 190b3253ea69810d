import { z } from 'zod';
import { type Decimal, compare, parseDecimal, toPlainString } from '../money/decimal';
import { rateText } from '../spec/fields';
import { type PolicyPoint, type RuleOutcome, choosePosts, floorDiv } from './policyPoint';

/**
 * 按户数配备 — quota by households (DESIGN §3, seeds 001 and 004). One band of households
 * [fromHouseholds, toHouseholds] gets minPosts–maxPosts, either as a range for every community in
 * the band (吉林: 3000 户以下 10–15 人) or interpolated along the band (浦东: 500–2000 户 → 5–11 名,
 * one figure per size). Above the band, `above` adds one post per N households (吉林: 每增加
 * 300–500 户增设 1 个: the minimum counts per 500, the maximum per 300). `elderlyUplift` raises the
 * quota where the elderly share is above a threshold (浦东: 老龄化比例较高的适当增加额度).
 */
const wholeNumber = z.number().int('必须是整数 / must be a whole number').nonnegative('不能为负 / must not be negative');
const positiveWhole = z.number().int('必须是整数 / must be a whole number').positive('必须是正整数 / must be positive');

export const householdBandsSchema = z
  .strictObject({
    family: z.literal('householdBands'),
    fromHouseholds: wholeNumber, // 档起点户数
    toHouseholds: positiveWhole, // 档终点户数
    minPosts: wholeNumber, // 档内下限人数
    maxPosts: wholeNumber, // 档内上限人数
    within: z.enum(['range', 'interpolate']), // 档内：区间 / 按户数插值
    above: z
      .strictObject({
        perHouseholdsForMin: positiveWhole, // 下限：每增加多少户增 1 人 (500)
        perHouseholdsForMax: positiveWhole, // 上限：每增加多少户增 1 人 (300)
      })
      .nullable()
      .default(null),
    elderlyUplift: z
      .strictObject({
        threshold: rateText, // 老年人口占比超过该值时上浮
        postsMin: wholeNumber,
        postsMax: wholeNumber,
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
  const steps: string[] = [];
  let min: number;
  let max: number;
  if (p.within === 'range' || h <= p.fromHouseholds) {
    min = p.minPosts;
    max = p.within === 'range' ? p.maxPosts : p.minPosts;
    if (explain) {
      steps.push(
        p.within === 'range'
          ? `${h} 户：${p.toHouseholds} 户以内（含）部分按 ${p.minPosts}–${p.maxPosts} 人配备`
          : `${h} 户：不超过 ${p.fromHouseholds} 户，按档起点 ${p.minPosts} 人配备`,
      );
    }
  } else {
    // 插值 floor: a post is added only when the households for a whole post are there
    const span = Math.min(h, p.toHouseholds) - p.fromHouseholds;
    const range = p.toHouseholds - p.fromHouseholds;
    const posts = p.minPosts + floorDiv(span * (p.maxPosts - p.minPosts), range);
    min = posts;
    max = posts;
    if (explain) {
      steps.push(
        `${h} 户：在 ${p.fromHouseholds}–${p.toHouseholds} 户间按户数插值 ${p.minPosts}–${p.maxPosts} 人：` +
          `${p.minPosts} + floor((${Math.min(h, p.toHouseholds)} − ${p.fromHouseholds}) × (${p.maxPosts} − ${p.minPosts}) / ${range}) = ${posts}` +
          (h > p.toHouseholds && !p.above ? `（超过 ${p.toHouseholds} 户按档终点计）` : ''),
      );
    }
  }
  if (p.above && h > p.toHouseholds) {
    const e = h - p.toHouseholds;
    const addMin = floorDiv(e, p.above.perHouseholdsForMin);
    const addMax = floorDiv(e, p.above.perHouseholdsForMax);
    if (explain) {
      steps.push(`超出 e = ${h} − ${p.toHouseholds} = ${e} 户`);
      steps.push(`下限 = ${min} + floor(${e}/${p.above.perHouseholdsForMin}) = ${min} + ${addMin} = ${min + addMin}`);
      steps.push(`上限 = ${max} + floor(${e}/${p.above.perHouseholdsForMax}) = ${max} + ${addMax} = ${max + addMax}`);
    }
    min += addMin;
    max += addMax;
  }
  const u = p.elderlyUplift;
  if (u && input.elderlyShare) {
    const threshold = thresholdOf(u.threshold);
    if (compare(input.elderlyShare, threshold) > 0) {
      if (explain) {
        steps.push(
          `老年人口占比 ${toPlainString(input.elderlyShare)} > ${u.threshold}：上浮 ${u.postsMin}–${u.postsMax} 人，` +
            `下限 ${min} + ${u.postsMin} = ${min + u.postsMin}，上限 ${max} + ${u.postsMax} = ${max + u.postsMax}`,
        );
      }
      min += u.postsMin;
      max += u.postsMax;
    } else if (explain) {
      steps.push(`老年人口占比 ${toPlainString(input.elderlyShare)} 不高于 ${u.threshold}：不上浮`);
    }
  }
  const { chosen, step } = choosePosts(min, max, point, explain);
  if (explain) steps.push(step);
  return { min, max, chosen, steps: explain ? steps : NO_STEPS };
}

const NO_STEPS: string[] = [];
const thresholds = new Map<string, Decimal>();
function thresholdOf(text: string): Decimal {
  let d = thresholds.get(text);
  if (d === undefined) thresholds.set(text, (d = parseDecimal(text)));
  return d;
}
