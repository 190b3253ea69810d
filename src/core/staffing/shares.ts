import { z } from 'zod';
import { type Decimal, fromInteger, mul, toPlainString } from '../money/decimal';
import { shareText } from '../spec/fields';
import { type PolicyPoint, type RuleOutcome, choosePosts } from './policyPoint';
import { step } from './steps';
import { stepsZh } from './stepText';

/**
 * 比例下限 — a share of a whole that must be met
 * (珠海《关于加强社会工作专业岗位开发与人才激励保障工作方案》第2、3项):
 *  - 社会工作专业岗位数量不低于岗位总数量的 70 % (公益服务类社会组织): of T posts, at least ⌈0.70 × T⌉
 *    are social-work posts, at most all T;
 *  - 持证率 城市社区 100 %、农村社区 80 % 以上: of n staff, at least ⌈rate × n⌉ hold a certificate;
 *    the gap is what is still to be certified.
 * A share of whole people rounds up: 70 % of 7 posts is 4.9, so 5 posts are needed.
 */
export const socialWorkShareSchema = z.strictObject({
  family: z.literal('socialWorkShare'),
  minShare: shareText, // 0.70
});

export const certificateRateSchema = z.strictObject({
  family: z.literal('certificateRate'),
  urban: shareText, // 城市社区 1.00
  rural: shareText, // 农村社区 0.80
});

export type SocialWorkShareParams = z.output<typeof socialWorkShareSchema>;
export type CertificateRateParams = z.output<typeof certificateRateSchema>;

/** ⌈rate × n⌉ exactly, rate a decimal */
export function ceilShare(rate: Decimal, n: number): number {
  const p = mul(rate, fromInteger(n));
  const scale = 10n ** BigInt(p.scale);
  const q = p.units / scale;
  return Number(p.units % scale === 0n ? q : q + 1n);
}

export function socialWorkShare(p: SocialWorkShareParams, rate: Decimal, totalPosts: number, point: PolicyPoint, explain = true): RuleOutcome {
  const min = ceilShare(rate, totalPosts);
  const chosen = choosePosts(min, totalPosts, point, explain);
  const explanation = explain ? [step('SOCIAL_WORK_SHARE', { totalPosts, minShare: p.minShare, min }), chosen.step!] : [];
  return { min, max: totalPosts, chosen: chosen.chosen, explanation, steps: stepsZh(explanation) };
}

export interface CertificateOutcome extends RuleOutcome {
  rate: string;
  certified: number;
  /** certificates still missing to reach the rate (0 when met) */
  gap: number;
}

export function certificateRequirement(
  p: CertificateRateParams,
  urbanRural: 'urban' | 'rural',
  staff: number,
  certified: number,
  rate: Decimal,
  explain = true,
): CertificateOutcome {
  const min = ceilShare(rate, staff);
  const gap = Math.max(0, min - certified);
  const explanation = explain
    ? [
        step('CERTIFICATE_RATE', { area: urbanRural, rate: toPlainString(rate), staff, required: min }),
        gap > 0 ? step('CERTIFICATE_GAP', { certified, required: min, gap }) : step('CERTIFICATE_MET', { certified }),
      ]
    : [];
  return { min, max: staff, chosen: min, explanation, steps: stepsZh(explanation), rate: urbanRural === 'urban' ? p.urban : p.rural, certified, gap };
}
