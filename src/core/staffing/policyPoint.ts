import { z } from 'zod';
import { type Decimal, fromInteger, parseDecimal, toPlainString } from '../money/decimal';
import { type RuleStep, step } from './steps';

/**
 * Where in a rule's range the user's policy sits (docs/design.md §Rules and their policy sources: a
 * plan shows min, max and the value picked). "min" | "mid" | "max", or a fraction of the way from min to max as decimal text ("0.25").
 * Post counts are whole posts: chosen = min + round(fraction × (max − min)), 四舍五入 like the money,
 * so "mid" of 10–15 is 10 + round(2.5) = 13.
 */
export type PolicyPoint = 'min' | 'mid' | 'max' | `${number}`;

export const policyPointSchema = z
  .string({ error: '取值点须为 min、mid、max 或 0 到 1 之间的小数 / policy point must be min, mid, max or a fraction' })
  .trim()
  .refine((s) => s === 'min' || s === 'mid' || s === 'max' || /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/.test(s), {
    message: '取值点须为 min、mid、max 或 0 到 1 之间的小数，如 "0.25" / policy point must be min, mid, max or a fraction 0..1',
  }) as unknown as z.ZodType<PolicyPoint, string>;

const HALF = parseDecimal('0.5');

export function pointFraction(point: PolicyPoint): Decimal {
  if (point === 'min') return fromInteger(0);
  if (point === 'max') return fromInteger(1);
  if (point === 'mid') return HALF;
  return parseDecimal(point);
}

export const POINT_LABEL: Record<'min' | 'mid' | 'max', string> = { min: '下限', mid: '中值', max: '上限' };

/**
 * chosen = min + round(fraction × (max − min)) in whole-number arithmetic: with fraction = u / 10^s,
 * round half away from zero of u × d / 10^s is ⌊(2 u d + 10^s) / (2 × 10^s)⌋ for d ≥ 0. Cached per
 * point, because a million communities share one point.
 */
const choosers = new Map<string, { u: number; s: number }>();
function fractionParts(point: PolicyPoint): { u: number; s: number } {
  let f = choosers.get(point);
  if (f === undefined) {
    const d = pointFraction(point);
    f = { u: Number(d.units), s: 10 ** d.scale };
    choosers.set(point, f);
  }
  return f;
}

export function chosenPosts(min: number, max: number, point: PolicyPoint): number {
  if (max <= min) return min;
  const { u, s } = fractionParts(point);
  return min + floorDiv(2 * u * (max - min) + s, 2 * s);
}

/** The chosen whole number of posts in [min, max], with its arithmetic for the steps list (null when not asked). */
export function choosePosts(min: number, max: number | null, point: PolicyPoint, explain = true): { chosen: number; step: RuleStep | null } {
  if (max === null || max <= min) {
    return { chosen: min, step: explain ? (max === null ? step('CHOSEN_NO_MAX', { min }) : step('CHOSEN_ONLY_VALUE', { value: min })) : null };
  }
  const chosen = chosenPosts(min, max, point);
  if (!explain) return { chosen, step: null };
  if (point === 'min') return { chosen, step: step('CHOSEN_AT_MIN', { min }) };
  if (point === 'max') return { chosen, step: step('CHOSEN_AT_MAX', { max }) };
  return { chosen, step: step('CHOSEN_AT_POINT', { mid: point === 'mid', fraction: toPlainString(pointFraction(point)), min, max, chosen }) };
}

/** What every staffing rule gives (docs/design.md, "Rules and their policy sources"). `max` null = no upper bound (e.g. "至少 2 个"). */
export interface RuleOutcome {
  min: number;
  max: number | null;
  chosen: number;
  /** the arithmetic as data, in the order it was done; empty when the caller asked for numbers only */
  explanation: RuleStep[];
  /** the same arithmetic in Chinese (stepText.ts), for the CLI, JSON readers and the workbook */
  steps: string[];
}

/** ⌈a / b⌉ and ⌊a / b⌋ for non-negative whole numbers, exact (no float division). */
export const floorDiv = (a: number, b: number) => (a - (a % b)) / b;
export const ceilDiv = (a: number, b: number) => floorDiv(a + b - 1, b);
