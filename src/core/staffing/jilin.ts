import { JILIN_PAY_STANDARD } from '../pay/jilin';
import { type CommunityRuleSet, parseRuleSet } from './ruleSets';

/**
 * 吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》二、（二）合理配备人数:
 * “3000户以下社区，可按10至15人左右设立‘社工岗’，对超过3000户的社区，每增加300-500户可增设1个
 * ‘社工岗’” and “每个城市社区设立2个以上专职党建‘社工岗’（不含社区党组织书记、副书记）”.
 * With e = max(0, h − 3000): min = 10 + ⌊e/500⌋, max = 15 + ⌊e/300⌋.
 * The certificate target is the general one of 珠海《关于加强社会工作专业岗位开发与人才激励保障工作方案》
 * 第2项 (城市社区 100 %), since the Jilin text sets none.
 * The date: the text has agreements signed after the 2021 两委 elections, so it is taken as in force
 * from 2020-01-01 — an assumption, marked sample.
 * The text is about 城市社区 (二、（一）“城市（含县政府所在地的乡镇）社区”): a row marked 农村 is flagged.
 * “‘社工岗’人员由各县（市、区）实行总量控制，进行员额管理” sets no figure: the district cap is left for
 * the user to set. Pay: 基础报酬 70 %, 绩效奖金 30 % (二、（四）, src/core/pay/jilin.ts).
 */
export const jilinRuleSet: CommunityRuleSet = parseRuleSet({
  key: 'jilin',
  name: '吉林省城市社区“社工岗”配备',
  region: '吉林省',
  versions: [
    {
      label: '2020 版',
      effectiveFrom: '2020-01-01',
      source: '吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》；持证率取珠海《关于加强社会工作专业岗位开发与人才激励保障工作方案》',
      sample: true,
      quota: {
        family: 'householdBands',
        fromHouseholds: 0,
        toHouseholds: 3000,
        minPosts: 10,
        maxPosts: 15,
        within: 'range',
        above: { perHouseholdsForMin: 500, perHouseholdsForMax: 300 },
      },
      minimumPosts: [{ family: 'minimumPosts', kind: '专职党建', minPosts: 2 }],
      certificate: { family: 'certificateRate', urban: '1', rural: '0.80' },
      appliesTo: 'urban',
      pay: { performanceShare: JILIN_PAY_STANDARD.performanceShare },
    },
  ],
});
