import { jilinRuleSet } from './jilin';
import { pudongRuleSet } from './pudong';
import { type CommunityRuleSet, parseRuleSet } from './ruleSets';
import type { DensityRatioParams, OneInRatioParams } from './ratios';
import type { CertificateRateParams, SocialWorkShareParams } from './shares';

/**
 * The rules that ship with Paybench. Community rule sets are what an area plan applies; the unit
 * rules (unions, NGOs) are for the 岗位测算 page, where the user enters the count.
 */

/** 全国“十四五”规划：每万城镇常住人口拥有社区工作者 18 人 (《“十四五”城乡社区服务体系建设规划》，国办发〔2021〕56号). */
export const population18RuleSet: CommunityRuleSet = parseRuleSet({
  key: 'population18',
  name: '每万城镇常住人口 18 名社区工作者',
  region: '全国',
  versions: [
    {
      label: '“十四五”',
      effectiveFrom: '2021-01-01',
      source: '《“十四五”城乡社区服务体系建设规划》（国办发〔2021〕56号）目标',
      quota: { family: 'density', basis: '常住人口', per: 10000, postsMin: 18, postsMax: 18, rounding: 'up' },
      certificate: { family: 'certificateRate', urban: '1', rural: '0.80' },
    },
  ],
});

export const COMMUNITY_RULE_PRESETS: readonly CommunityRuleSet[] = [jilinRuleSet, pudongRuleSet, population18RuleSet];

export function communityRulePreset(key: string): CommunityRuleSet | null {
  return COMMUNITY_RULE_PRESETS.find((r) => r.key === key) ?? null;
}

/**
 * 工会: 每 3000 至 5000 名职工或 30 至 50 家基层工会配备 1 名
 * (珠海《关于加强社会工作专业岗位开发与人才激励保障工作方案》第4项，粤工总〔2019〕34号).
 */
export const unionEmployeesRule: OneInRatioParams = { family: 'oneIn', basis: '职工', everyForMin: 5000, everyForMax: 3000 };
export const unionBranchesRule: OneInRatioParams = { family: 'oneIn', basis: '基层工会', everyForMin: 50, everyForMax: 30 };
/**
 * 公益服务类社会组织: 社工专业岗位不低于岗位总数的 70 %
 * (珠海《关于加强社会工作专业岗位开发与人才激励保障工作方案》第3项).
 */
export const ngoShareRule: SocialWorkShareParams = { family: 'socialWorkShare', minShare: '0.70' };
/**
 * 持证率: 城市社区 100 %，农村社区 80 % 以上
 * (珠海《关于加强社会工作专业岗位开发与人才激励保障工作方案》第2项).
 */
export const certificateRule: CertificateRateParams = { family: 'certificateRate', urban: '1', rural: '0.80' };
export const population18Rule: DensityRatioParams = { family: 'density', basis: '城镇常住人口', per: 10000, postsMin: 18, postsMax: 18, rounding: 'up' };
