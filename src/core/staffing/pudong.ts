import { type CommunityRuleSet, parseRuleSet } from './ruleSets';

/**
 * 浦东 “社工15条”（《浦东新区关于加强社区工作者建设和激励关怀的若干措施》）:
 * “居民区社工额度按照居委会管辖户数规模实施标准化配置，一般500户至2000户的居民区安排5至11名”，
 * and “针对常住人口老龄化比例较高的街镇适当增加额度”.
 *
 * Interpolated, not a band: the text ties the quota to the size (标准化配置), so one size gives one
 * figure: 5 + ⌊(h − 500) × 6 / 1500⌋, i.e. one more post per full 250 households; under 500
 * households 5, over 2,000 households 11. The elderly uplift is not quantified in the text: the
 * threshold 0.30 and the uplift of 1–2 posts are sample parameters to be set by the user.
 * “一般500户至2000户”: a residential area outside that range is flagged (OUT_OF_RULE_RANGE). The district
 * cap is the report's “调整后浦东新区社工总额度约2.5万名”: 25,000 posts for the district (总量控制).
 */
export const pudongRuleSet: CommunityRuleSet = parseRuleSet({
  key: 'pudong',
  name: '浦东新区居民区社工额度（社工15条）',
  region: '上海市浦东新区',
  versions: [
    {
      label: '2023 版',
      effectiveFrom: '2023-07-01',
      source: '浦东新区《关于加强社区工作者建设和激励关怀的若干措施》（社工15条）；老龄化上浮参数为示例',
      sample: true,
      quota: {
        family: 'householdBands',
        fromHouseholds: 500,
        toHouseholds: 2000,
        minPosts: 5,
        maxPosts: 11,
        within: 'interpolate',
        elderlyUplift: { threshold: '0.30', postsMin: 1, postsMax: 2 },
      },
      certificate: { family: 'certificateRate', urban: '1', rural: '0.80' },
      districtCap: { posts: 25000, label: '浦东新区社工总额度约 2.5 万名（社工15条）' },
    },
  ],
});
