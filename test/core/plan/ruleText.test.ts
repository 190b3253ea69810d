import { describe, expect, it } from 'vitest';
import { communityQuota, prepareRule } from '../../../src/core/plan/quota';
import { ruleParameterLines, ruleParameters } from '../../../src/core/plan/ruleText';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';
import { pudongRuleSet } from '../../../src/core/staffing/pudong';

/** A rule's parameters and a community's arithmetic, as data and as the Chinese the workbook shows. */
const jilin = jilinRuleSet.versions[0]!;

describe('rule parameters', () => {
  it('吉林 as data: the band, the part above it, 2 party-building posts, the certificate rates, the choice, urban only, 70/30 pay, the source', () => {
    expect(ruleParameters(jilin).map((p) => p.code)).toEqual([
      'BANDS_RANGE',
      'ABOVE_BAND',
      'MINIMUM_POSTS',
      'CERTIFICATE',
      'CHOICE',
      'APPLIES_TO',
      'PAY',
      'SOURCE',
    ]);
    // 1 − 0.30 = 0.7 is the base part
    expect(ruleParameters(jilin)[6]).toEqual({ code: 'PAY', params: { basePart: '0.7', performanceShare: '0.30' } });
    expect(ruleParameters(jilin)[1]).toEqual({ code: 'ABOVE_BAND', params: { toHouseholds: 3000, perHouseholdsForMin: 500, perHouseholdsForMax: 300 } });
  });

  it('吉林 and 浦东 in Chinese, as the 参数 sheet lists them', () => {
    expect(ruleParameterLines(jilin).slice(0, 5)).toEqual([
      ['按户数配备', '0–3000 户：10–15 人'],
      ['超出部分', 'e = 户数 − 3000；下限 + floor(e/500)，上限 + floor(e/300)'],
      ['最低配备', '专职党建岗至少 2 个'],
      ['持证率', '城市社区 100%，农村社区 80%'],
      ['取值', '取值 = 下限 + round(取值点 × (上限 − 下限))，四舍五入'],
    ]);
    expect(ruleParameterLines(jilin).slice(5, 7)).toEqual([
      ['适用范围', '城市社区（标为农村的社区会提示）'],
      ['薪酬构成', '基础报酬 70% + 绩效奖金 30%（绩效 = 基础报酬 × 0.30 ÷ 0.7）'],
    ]);
    expect(ruleParameterLines(pudongRuleSet.versions[0]!).slice(0, 2)).toEqual([
      ['按户数配备', '500–2000 户按户数插值 5–11 人：5 + floor((户数 − 500) × 6 / 1500)'],
      ['老龄化上浮', '老年人口占比 > 30% 时下限 +1、上限 +2'],
    ]);
    expect(ruleParameterLines(pudongRuleSet.versions[0]!)).toContainEqual([
      '总量控制',
      '每区员额合计不超过 25000 人（浦东新区社工总额度约 2.5 万名（社工15条））',
    ]);
  });
});

describe('a community’s arithmetic', () => {
  it('吉林, 4,100 households at the midpoint, 10 staff of whom 8 certified', () => {
    const c = {
      row: 1,
      name: '甲社区',
      district: '东区',
      street: '一街道',
      households: 4100,
      residents: null,
      elderlyShare: null,
      urbanRural: 'urban' as const,
      currentStaff: 10,
      certifiedStaff: 8,
    };
    const q = communityQuota(prepareRule(jilin), c, 'mid');
    expect(q.explanation.map((s) => s.code)).toEqual([
      'BAND_RANGE',
      'ABOVE_BAND',
      'ABOVE_BAND_BOUND',
      'ABOVE_BAND_BOUND',
      'CHOSEN_AT_POINT',
      'MINIMUM_POSTS',
      'MINIMUM_FITS',
      'STAFF_SHORT',
      'COMMUNITY_CERTIFICATE',
    ]);
    expect(q.explanation.at(-1)).toEqual({
      code: 'COMMUNITY_CERTIFICATE',
      params: { area: 'urban', rate: '1', staff: 10, required: 10, certified: 8, gap: 2 },
    });
    expect(q.steps).toEqual([
      '4100 户：3000 户以内（含）部分按 10–15 人配备',
      '超出 e = 4100 − 3000 = 1100 户',
      '下限 = 10 + floor(1100/500) = 10 + 2 = 12',
      '上限 = 15 + floor(1100/300) = 15 + 3 = 18',
      '取值点 中值 0.5：取值 = 12 + round(中值 0.5 × (18 − 12)) = 15',
      '专职党建岗至少 2 个：下限 2，无上限，取 2',
      '员额 15 ≥ 2，容得下',
      '现有 10 人，缺口 15 − 10 = 5 人',
      '城市社区持证率 100%：须持证 ceil(1 × 10) = 10 人，现持证 8 人，缺口 2 人',
    ]);
  });
});
