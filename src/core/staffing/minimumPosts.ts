import { z } from 'zod';
import { nonEmptyText, positiveStaffNumber } from '../spec/fields';
import { type RuleOutcome } from './policyPoint';
import { step } from './steps';
import { stepsZh } from './stepText';

/**
 * 某类岗位的最低配备 — at least N posts of a kind in every unit (吉林: 每个城市社区设立 2 个以上
 * 专职党建“社工岗”，不含书记、副书记). There is no upper bound, so the chosen value is the minimum;
 * the posts count inside the community's quota, which must leave room for them.
 */
export const minimumPostsSchema = z.strictObject({
  family: z.literal('minimumPosts'),
  kind: nonEmptyText, // 岗位类别，如 专职党建
  minPosts: positiveStaffNumber,
});

export type MinimumPostsParams = z.output<typeof minimumPostsSchema>;

export function minimumPosts(p: MinimumPostsParams, quota: number | null = null, explain = true): RuleOutcome & { fits: boolean } {
  const fits = quota === null || quota >= p.minPosts;
  const explanation = explain
    ? [
        step('MINIMUM_POSTS', { kind: p.kind, minPosts: p.minPosts }),
        ...(quota === null
          ? []
          : [fits ? step('MINIMUM_FITS', { quota, minPosts: p.minPosts }) : step('MINIMUM_DOES_NOT_FIT', { quota, minPosts: p.minPosts, kind: p.kind })]),
      ]
    : [];
  return { min: p.minPosts, max: null, chosen: p.minPosts, explanation, steps: stepsZh(explanation), fits };
}
