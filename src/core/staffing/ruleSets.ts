import { z } from 'zod';
import { LIMITS, boundedList, isoDate, nonEmptyText, optionalText, positiveRuleCount, rateText } from '../spec/fields';
import { versionInForce } from '../guides/versions';
import { householdBandsSchema } from './householdBands';
import { minimumPostsSchema } from './minimumPosts';
import { densityRatioSchema } from './ratios';
import { certificateRateSchema } from './shares';

/**
 * A community staffing rule set (社区岗位配备规则) as data: the quota rule (by households or by
 * population), minimum posts of a kind, and the certificate-rate target. Dated like the pay guides
 * (effectiveFrom / effectiveTo): a revised policy is a new version, and a plan for a year uses the
 * version in force at its start. Presets ship in code (jilin.ts, pudong.ts, presets.ts); a user's
 * edited copy is the same shape.
 *
 * What the texts say beyond the quota, which a plan warns about (src/core/plan/warnings.ts):
 *  - `appliesTo`: the communities the rule is written for (吉林: 城市社区 only, so a row marked 农村 is flagged);
 *  - `districtCap`: 总量控制 — a ceiling on the posts of a district, against the sum of its chosen quotas
 *    (浦东: 社工总额度约 2.5 万名);
 *  - `pay`: the pay rule the posts are priced under (吉林: 绩效奖金占 30 %), which the post mix should follow.
 */
export const communityRuleVersionSchema = z.strictObject({
  label: nonEmptyText, // e.g. "2020 版"
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().default(null),
  documentNo: optionalText.default(''),
  source: optionalText.default(''), // 出处
  /** true where a parameter is an assumption, not a published figure (示例参数) */
  sample: z.boolean().default(false),
  quota: z.discriminatedUnion('family', [householdBandsSchema, densityRatioSchema]),
  minimumPosts: boundedList(minimumPostsSchema, LIMITS.minimumPosts).default([]),
  certificate: certificateRateSchema.nullable().default(null),
  appliesTo: z.enum(['all', 'urban', 'rural']).default('all'), // 适用范围：城乡 / 仅城市社区 / 仅农村社区
  districtCap: z
    .strictObject({ posts: positiveRuleCount, label: optionalText.default('') }) // 总量控制（每区员额上限）
    .nullable()
    .default(null),
  pay: z.strictObject({ performanceShare: rateText }).nullable().default(null), // 薪酬构成：绩效奖金占比
});

export const communityRuleSetSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '规则代号须为小写字母、数字或连字符，如 "jilin" / key must be lowercase letters, digits or dashes'),
  name: nonEmptyText, // 吉林省城市社区“社工岗”配备
  region: optionalText.default(''),
  versions: boundedList(communityRuleVersionSchema, LIMITS.ruleVersions, 1, '至少要有一个版本 / at least one version'),
});

export type CommunityRuleVersion = z.output<typeof communityRuleVersionSchema>;
export type CommunityRuleSet = z.output<typeof communityRuleSetSchema>;
export type CommunityRuleSetInput = z.input<typeof communityRuleSetSchema>;

export function parseRuleSet(input: unknown): CommunityRuleSet {
  return communityRuleSetSchema.parse(input);
}

/** The version in force on a date, or an error in Chinese naming the rule and the date. */
export function ruleVersionInForce(set: CommunityRuleSet, date: string): CommunityRuleVersion {
  const v = versionInForce(set.versions, date);
  if (!v) {
    const first = set.versions.map((x) => x.effectiveFrom).sort()[0];
    throw new RangeError(`规则“${set.name}”在 ${date} 没有生效的版本（最早 ${first} 起）/ no version of rule ${set.key} in force on ${date}`);
  }
  return v;
}
