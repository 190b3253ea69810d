import { z } from 'zod';
import { nonEmptyText, positiveRuleCount, positiveStaffNumber } from '../spec/fields';
import { type PolicyPoint, type RuleOutcome, ceilDiv, choosePosts, floorDiv } from './policyPoint';
import { step } from './steps';
import { stepsZh } from './stepText';

/**
 * 按比例配备 — quota from a count (docs/design.md §Rules and their policy sources).
 *
 * `oneIn`: one post per N of something, N given as a range. 工会: 每 3000 至 5000 名职工或 30 至 50 家
 * 基层工会配备 1 名 — the larger N gives the minimum, the smaller N the maximum, and a started
 * block counts: min = ⌈n/5000⌉, max = ⌈n/3000⌉.
 *
 * `density`: posts per so many people, e.g. 每万名城镇常住人口 18 名: posts = n × 18 / 10000,
 * rounded as the parameter says (default up: a started post counts), min and max from a range of rates.
 */

export const oneInRatioSchema = z
  .strictObject({
    family: z.literal('oneIn'),
    basis: nonEmptyText, // 计数对象：职工 / 基层工会
    everyForMin: positiveRuleCount, // 5000
    everyForMax: positiveRuleCount, // 3000
  })
  .refine((p) => p.everyForMin >= p.everyForMax, {
    message: '下限对应的人数须不小于上限对应的人数 / everyForMin must be ≥ everyForMax',
    path: ['everyForMin'],
  });

export const densityRatioSchema = z
  .strictObject({
    family: z.literal('density'),
    basis: nonEmptyText, // 城镇常住人口
    per: positiveRuleCount, // 10000
    postsMin: positiveStaffNumber, // 18
    postsMax: positiveStaffNumber,
    rounding: z.enum(['up', 'down']).default('up'),
  })
  .refine((p) => p.postsMax >= p.postsMin, { message: '上限不能小于下限 / postsMax must be ≥ postsMin', path: ['postsMax'] });

export type OneInRatioParams = z.output<typeof oneInRatioSchema>;
export type DensityRatioParams = z.output<typeof densityRatioSchema>;

export function oneInRatio(p: OneInRatioParams, n: number, point: PolicyPoint, explain = true): RuleOutcome {
  const min = ceilDiv(n, p.everyForMin);
  const max = ceilDiv(n, p.everyForMax);
  const chosen = choosePosts(min, max, point, explain);
  const explanation = explain
    ? [
        step('ONE_IN', { basis: p.basis, count: n, everyForMin: p.everyForMin, everyForMax: p.everyForMax }),
        step('ONE_IN_BOUND', { bound: 'min', count: n, every: p.everyForMin, posts: min }),
        step('ONE_IN_BOUND', { bound: 'max', count: n, every: p.everyForMax, posts: max }),
        chosen.step!,
      ]
    : [];
  return { min, max, chosen: chosen.chosen, explanation, steps: stepsZh(explanation) };
}

export function densityRatio(p: DensityRatioParams, n: number, point: PolicyPoint, explain = true): RuleOutcome {
  const div = p.rounding === 'up' ? ceilDiv : floorDiv;
  const min = div(n * p.postsMin, p.per);
  const max = div(n * p.postsMax, p.per);
  const chosen = choosePosts(min, max, point, explain);
  const { basis, per, rounding } = p;
  const explanation = explain
    ? [
        p.postsMin === p.postsMax
          ? step('DENSITY', { basis, count: n, per, posts: p.postsMin, rounding, result: min })
          : step('DENSITY_RANGE', { basis, count: n, per, postsMin: p.postsMin, postsMax: p.postsMax, rounding, min, max }),
        chosen.step!,
      ]
    : [];
  return { min, max, chosen: chosen.chosen, explanation, steps: stepsZh(explanation) };
}
