import { z } from 'zod';
import { type Decimal, ONE, ZERO, add, eq, fromInteger, mul, parseDecimal, toPlainString } from '../money/decimal';
import { LIMITS, bonusMonths, boundedList, nonEmptyText, rateText, shareText, staffNumber, stepNumber } from '../spec/fields';

/**
 * 岗位结构 — how a community's posts split into post types, each priced from a pay-guide cell
 * (吉林: 社区正职 / 其他“两委”成员 / 普通工作人员). A line is either a fixed number per community
 * (1 正职) or a share of the posts left after the fixed lines; the shares must add up to 1.
 * `performanceShare` (绩效奖金占比) says the guide's cells are the base part of pay (基础报酬) and each
 * line is paid the performance part on top: round(cell × share ÷ (1 − share), 2) — 吉林: 基础报酬 70 %,
 * 绩效奖金 30 % (src/core/pay/jilin.ts). Without it the cell is the whole monthly pay.
 */
export const postMixLineSchema = z
  .strictObject({
    label: nonEmptyText, // 正职 / 两委 / 普通
    post: nonEmptyText,
    grade: nonEmptyText,
    step: stepNumber.default(1),
    qualification: nonEmptyText.optional(),
    fixed: staffNumber.optional(),
    share: shareText.optional(),
  })
  .refine((l) => (l.fixed === undefined) !== (l.share === undefined), {
    message: '每行须给出固定人数 fixed 或比例 share 之一 / give exactly one of fixed or share',
  });

export const postMixSchema = z
  .strictObject({
    name: nonEmptyText.default('岗位结构'),
    months: stepNumber.max(12, '每年最多 12 个月 / at most 12 months').default(12),
    bonusMonths: bonusMonths.default(0), // 年终奖等额外月数
    performanceShare: rateText.optional(), // 绩效奖金占比（指导价为基础报酬时），小于 1
    lines: boundedList(postMixLineSchema, LIMITS.postMixLines, 1, '至少一行 / at least one line'),
  })
  .superRefine((mix, ctx) => {
    const shares = mix.lines.filter((l) => l.share !== undefined);
    if (shares.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: '至少一行按比例 share 分配剩余岗位 / at least one line must take a share' });
      return;
    }
    const total = shares.reduce((acc, l) => add(acc, parseDecimal(l.share!)), ZERO);
    if (!eq(total, ONE))
      ctx.addIssue({ code: 'custom', path: ['lines'], message: `各行比例之和须为 1，现为 ${toPlainString(total)} / shares must add up to 1` });
  });

export type PostMix = z.output<typeof postMixSchema>;
export type PostMixInput = z.input<typeof postMixSchema>;
export type PostMixLine = z.output<typeof postMixLineSchema>;

/**
 * Whole people per line for a community of `posts`: fixed lines first (as many as fit), then the
 * rest R by share with the largest-remainder method: each line gets ⌊R × share⌋, and the posts left
 * go one each to the lines with the largest fractional parts (earlier line first on a tie), so the
 * counts always add up to the quota.
 */
export function allocatePosts(
  mix: PostMix,
  posts: number,
  shares: readonly (Decimal | null)[] = mix.lines.map((l) => (l.share === undefined ? null : parseDecimal(l.share))),
): number[] {
  const counts = new Array<number>(mix.lines.length).fill(0);
  let left = posts;
  mix.lines.forEach((l, i) => {
    if (l.fixed !== undefined) {
      const n = Math.min(l.fixed, left);
      counts[i] = n;
      left -= n;
    }
  });
  if (left === 0) return counts;
  const rest = fromInteger(left);
  const remainders: { i: number; rem: Decimal }[] = [];
  let given = 0;
  shares.forEach((s, i) => {
    if (s === null) return;
    const exact = mul(rest, s);
    const scale = 10n ** BigInt(exact.scale);
    const whole = Number(exact.units / scale);
    counts[i] = whole;
    given += whole;
    remainders.push({ i, rem: { units: exact.units % scale, scale: exact.scale } });
  });
  remainders.sort((a, b) => {
    const d = b.rem.units * 10n ** BigInt(a.rem.scale) - a.rem.units * 10n ** BigInt(b.rem.scale);
    return d > 0n ? 1 : d < 0n ? -1 : a.i - b.i;
  });
  for (let k = 0; k < left - given; k++) counts[remainders[k % remainders.length]!.i]! += 1;
  return counts;
}
