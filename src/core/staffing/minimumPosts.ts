import { z } from 'zod';
import { nonEmptyText } from '../spec/fields';
import { type RuleOutcome } from './policyPoint';

/**
 * 某类岗位的最低配备 — at least N posts of a kind in every unit (吉林: 每个城市社区设立 2 个以上
 * 专职党建“社工岗”，不含书记、副书记). There is no upper bound, so the chosen value is the minimum;
 * the posts count inside the community's quota, which must leave room for them.
 */
export const minimumPostsSchema = z.strictObject({
  family: z.literal('minimumPosts'),
  kind: nonEmptyText, // 岗位类别，如 专职党建
  minPosts: z.number().int('必须是整数 / must be a whole number').positive('必须是正整数 / must be positive'),
});

export type MinimumPostsParams = z.output<typeof minimumPostsSchema>;

export function minimumPosts(p: MinimumPostsParams, quota: number | null = null, explain = true): RuleOutcome & { fits: boolean } {
  const fits = quota === null || quota >= p.minPosts;
  const steps = explain
    ? [
        `${p.kind}岗至少 ${p.minPosts} 个：下限 ${p.minPosts}，无上限，取 ${p.minPosts}`,
        ...(quota === null ? [] : [fits ? `员额 ${quota} ≥ ${p.minPosts}，容得下` : `员额 ${quota} < ${p.minPosts}，容不下${p.kind}岗`]),
      ]
    : [];
  return { min: p.minPosts, max: null, chosen: p.minPosts, steps, fits };
}
