import { ONE, parseDecimal, sub, toPlainString } from '../money/decimal';
import { ratioToPercent } from '../money/percent';
import type { CommunityRuleVersion } from '../staffing/ruleSets';

/**
 * A rule version's parameters as data — a code and the numbers and words of the rule as typed —
 * and as the Chinese label/value lines of the plan workbook's 参数 sheet and the CLI. The UI says
 * the same data in its language (the renderer's table has the same codes).
 */
export interface RuleParameterParams {
  /** 按户数配备, a band as a range */
  BANDS_RANGE: { fromHouseholds: number; toHouseholds: number; minPosts: number; maxPosts: number };
  /** 按户数配备, interpolated along the band */
  BANDS_INTERPOLATED: { fromHouseholds: number; toHouseholds: number; minPosts: number; maxPosts: number };
  /** 超出部分: one more post per so many households above the band */
  ABOVE_BAND: { toHouseholds: number; perHouseholdsForMin: number; perHouseholdsForMax: number };
  /** 老龄化上浮; threshold a fraction as written ("0.30") */
  ELDERLY_UPLIFT: { threshold: string; postsMin: number; postsMax: number };
  /** 按人口配备 */
  DENSITY: { per: number; basis: string; postsMin: number; postsMax: number; rounding: 'up' | 'down' };
  /** 最低配备 of a kind of post */
  MINIMUM_POSTS: { kind: string; minPosts: number };
  /** 持证率, fractions as written */
  CERTIFICATE: { urban: string; rural: string };
  /** how the chosen value is taken between the bounds */
  CHOICE: Record<string, never>;
  /** 适用范围: the rule is written for one kind of community only */
  APPLIES_TO: { area: 'urban' | 'rural' };
  /** 总量控制: at most so many posts per district; label as typed */
  DISTRICT_CAP: { posts: number; label: string };
  /** 薪酬构成: base and performance parts, fractions as written ("0.30") and derived ("0.7") */
  PAY: { basePart: string; performanceShare: string };
  /** 出处, as typed */
  SOURCE: { source: string };
}

export type RuleParameterCode = keyof RuleParameterParams;

export type RuleParameter = { [C in RuleParameterCode]: { code: C; params: RuleParameterParams[C] } }[RuleParameterCode];

/** A label and a value for each parameter code: one language's table. */
export type RuleParameterTexts = { [C in RuleParameterCode]: (params: RuleParameterParams[C]) => [string, string] };

const parameter = <C extends RuleParameterCode>(code: C, params: RuleParameterParams[C]) => ({ code, params }) as RuleParameter;

export function ruleParameters(v: CommunityRuleVersion): RuleParameter[] {
  const list: RuleParameter[] = [];
  const q = v.quota;
  if (q.family === 'householdBands') {
    const band = { fromHouseholds: q.fromHouseholds, toHouseholds: q.toHouseholds, minPosts: q.minPosts, maxPosts: q.maxPosts };
    list.push(parameter(q.within === 'range' ? 'BANDS_RANGE' : 'BANDS_INTERPOLATED', band));
    if (q.above) list.push(parameter('ABOVE_BAND', { toHouseholds: q.toHouseholds, ...q.above }));
    if (q.elderlyUplift) {
      const u = q.elderlyUplift;
      list.push(parameter('ELDERLY_UPLIFT', { threshold: u.threshold, postsMin: u.postsMin, postsMax: u.postsMax }));
    }
  } else {
    list.push(parameter('DENSITY', { per: q.per, basis: q.basis, postsMin: q.postsMin, postsMax: q.postsMax, rounding: q.rounding }));
  }
  for (const m of v.minimumPosts) list.push(parameter('MINIMUM_POSTS', { kind: m.kind, minPosts: m.minPosts }));
  if (v.certificate) list.push(parameter('CERTIFICATE', { urban: v.certificate.urban, rural: v.certificate.rural }));
  list.push(parameter('CHOICE', {}));
  if (v.appliesTo !== 'all') list.push(parameter('APPLIES_TO', { area: v.appliesTo }));
  if (v.districtCap) list.push(parameter('DISTRICT_CAP', { posts: v.districtCap.posts, label: v.districtCap.label }));
  if (v.pay) {
    const basePart = toPlainString(sub(ONE, parseDecimal(v.pay.performanceShare)));
    list.push(parameter('PAY', { basePart, performanceShare: v.pay.performanceShare }));
  }
  if (v.source) list.push(parameter('SOURCE', { source: v.source }));
  return list;
}

/** a rate as the policy states it, in percent: 1 → 100%, 0.80 → 80% */
const pct = (fraction: string) => `${ratioToPercent(fraction)}%`;

export const RULE_PARAMETER_TEXT_ZH: RuleParameterTexts = {
  BANDS_RANGE: (p) => ['按户数配备', `${p.fromHouseholds}–${p.toHouseholds} 户：${p.minPosts}–${p.maxPosts} 人`],
  BANDS_INTERPOLATED: (p) => [
    '按户数配备',
    `${p.fromHouseholds}–${p.toHouseholds} 户按户数插值 ${p.minPosts}–${p.maxPosts} 人：` +
      `${p.minPosts} + floor((户数 − ${p.fromHouseholds}) × ${p.maxPosts - p.minPosts} / ${p.toHouseholds - p.fromHouseholds})`,
  ],
  ABOVE_BAND: (p) => ['超出部分', `e = 户数 − ${p.toHouseholds}；下限 + floor(e/${p.perHouseholdsForMin})，上限 + floor(e/${p.perHouseholdsForMax})`],
  ELDERLY_UPLIFT: (p) => ['老龄化上浮', `老年人口占比 > ${pct(p.threshold)} 时下限 +${p.postsMin}、上限 +${p.postsMax}`],
  DENSITY: (p) => [
    '按人口配备',
    `每 ${p.per} ${p.basis} ${p.postsMin}${p.postsMax !== p.postsMin ? `–${p.postsMax}` : ''} 人，${p.rounding === 'up' ? '向上' : '向下'}取整`,
  ],
  MINIMUM_POSTS: (p) => ['最低配备', `${p.kind}岗至少 ${p.minPosts} 个`],
  CERTIFICATE: (p) => ['持证率', `城市社区 ${pct(p.urban)}，农村社区 ${pct(p.rural)}`],
  CHOICE: () => ['取值', '取值 = 下限 + round(取值点 × (上限 − 下限))，四舍五入'],
  APPLIES_TO: (p) => ['适用范围', p.area === 'urban' ? '城市社区（标为农村的社区会提示）' : '农村社区（标为城市的社区会提示）'],
  DISTRICT_CAP: (p) => ['总量控制', `每区员额合计不超过 ${p.posts} 人${p.label ? `（${p.label}）` : ''}`],
  PAY: (p) => ['薪酬构成', `基础报酬 ${pct(p.basePart)} + 绩效奖金 ${pct(p.performanceShare)}（绩效 = 基础报酬 × ${p.performanceShare} ÷ ${p.basePart}）`],
  SOURCE: (p) => ['出处', p.source],
};

/** The label and value of a parameter in a language's table. */
export function ruleParameterSentence(texts: RuleParameterTexts, p: RuleParameter): [string, string] {
  return (texts[p.code] as (params: typeof p.params) => [string, string])(p.params);
}

/** A rule version's parameters as Chinese label/value lines, for the workbook's 参数 sheet and the CLI. */
export function ruleParameterLines(v: CommunityRuleVersion): [string, string][] {
  return ruleParameters(v).map((p) => ruleParameterSentence(RULE_PARAMETER_TEXT_ZH, p));
}
