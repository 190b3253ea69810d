import { ratioToPercent } from '../money/percent';
import { type RuleStep, type StepTexts, stepSentence } from './steps';

/**
 * The staffing arithmetic in Chinese, as the CLI, the JSON `steps` and the plan workbook show it;
 * the UI's Chinese is the same table.
 */
const AREA = { urban: '城市社区', rural: '农村社区' } as const;
const BOUND = { min: '下限', max: '上限' } as const;
const ROUNDING = { up: 'ceil', down: 'floor' } as const;
/** a rate or share as stated in the policy text, in percent (1 → 100%, 0.80 → 80%); inside a formula it stays the fraction computed with */
const pct = (fraction: string) => `${ratioToPercent(fraction)}%`;

export const STEP_TEXT_ZH: StepTexts = {
  BAND_RANGE: (p) => `${p.households} 户：${p.toHouseholds} 户以内（含）部分按 ${p.minPosts}–${p.maxPosts} 人配备`,
  BAND_START: (p) => `${p.households} 户：不超过 ${p.fromHouseholds} 户，按档起点 ${p.minPosts} 人配备`,
  BAND_INTERPOLATED: (p) =>
    `${p.households} 户：在 ${p.fromHouseholds}–${p.toHouseholds} 户间按户数插值 ${p.minPosts}–${p.maxPosts} 人：` +
    `${p.minPosts} + floor((${p.counted} − ${p.fromHouseholds}) × (${p.maxPosts} − ${p.minPosts}) / ${p.span}) = ${p.posts}` +
    (p.cappedAtEnd ? `（超过 ${p.toHouseholds} 户按档终点计）` : ''),
  ABOVE_BAND: (p) => `超出 e = ${p.households} − ${p.toHouseholds} = ${p.excess} 户`,
  ABOVE_BAND_BOUND: (p) => `${BOUND[p.bound]} = ${p.base} + floor(${p.excess}/${p.perHouseholds}) = ${p.base} + ${p.added} = ${p.result}`,
  ELDERLY_UPLIFT: (p) =>
    `老年人口占比 ${pct(p.elderlyShare)} > ${pct(p.threshold)}：上浮 ${p.upliftMin}–${p.upliftMax} 人，` +
    `下限 ${p.min} + ${p.upliftMin} = ${p.min + p.upliftMin}，上限 ${p.max} + ${p.upliftMax} = ${p.max + p.upliftMax}`,
  ELDERLY_NO_UPLIFT: (p) => `老年人口占比 ${pct(p.elderlyShare)} 不高于 ${pct(p.threshold)}：不上浮`,
  CHOSEN_NO_MAX: (p) => `取值 = 下限 ${p.min}（无上限）`,
  CHOSEN_ONLY_VALUE: (p) => `取值 = ${p.value}（上下限相同）`,
  CHOSEN_AT_MIN: (p) => `取值点 下限：取值 = ${p.min}`,
  CHOSEN_AT_MAX: (p) => `取值点 上限：取值 = ${p.max}`,
  CHOSEN_AT_POINT: (p) => {
    const label = p.mid ? `中值 ${p.fraction}` : p.fraction;
    return `取值点 ${label}：取值 = ${p.min} + round(${label} × (${p.max} − ${p.min})) = ${p.chosen}`;
  },
  MINIMUM_POSTS: (p) => `${p.kind}岗至少 ${p.minPosts} 个：下限 ${p.minPosts}，无上限，取 ${p.minPosts}`,
  MINIMUM_FITS: (p) => `员额 ${p.quota} ≥ ${p.minPosts}，容得下`,
  MINIMUM_DOES_NOT_FIT: (p) => `员额 ${p.quota} < ${p.minPosts}，容不下${p.kind}岗`,
  MINIMUM_NOT_MET: (p) => `${p.kind}岗至少 ${p.minPosts} 个，员额只有 ${p.quota}`,
  ONE_IN: (p) => `${p.basis} ${p.count}：每 ${p.everyForMax}–${p.everyForMin} 配 1 名`,
  ONE_IN_BOUND: (p) => `${BOUND[p.bound]} = ceil(${p.count}/${p.every}) = ${p.posts}`,
  UNION_BASES: (p) =>
    `两种口径：按职工 ${p.employees} 人为 ${p.employeesMin}–${p.employeesMax} 名，按基层工会 ${p.branches} 家为 ${p.branchesMin}–${p.branchesMax} 名（“或”：任取其一）`,
  DENSITY: (p) => `${p.basis} ${p.count}：每 ${p.per} 人 ${p.posts} 名，${ROUNDING[p.rounding]}(${p.count} × ${p.posts} / ${p.per}) = ${p.result}`,
  DENSITY_RANGE: (p) =>
    `${p.basis} ${p.count}：每 ${p.per} 人 ${p.postsMin}–${p.postsMax} 名，` +
    `下限 ${ROUNDING[p.rounding]}(${p.count} × ${p.postsMin} / ${p.per}) = ${p.min}，上限 ${ROUNDING[p.rounding]}(${p.count} × ${p.postsMax} / ${p.per}) = ${p.max}`,
  SOCIAL_WORK_SHARE: (p) =>
    `岗位总数 ${p.totalPosts}：社工专业岗位不低于 ${pct(p.minShare)}，下限 = ceil(${p.minShare} × ${p.totalPosts}) = ${p.min}，上限 = ${p.totalPosts}`,
  CERTIFICATE_RATE: (p) => `${AREA[p.area]}持证率不低于 ${pct(p.rate)}：${p.staff} 人中至少 ceil(${p.rate} × ${p.staff}) = ${p.required} 人持证`,
  CERTIFICATE_GAP: (p) => `现持证 ${p.certified} 人，缺口 ${p.required} − ${p.certified} = ${p.gap} 人`,
  CERTIFICATE_MET: (p) => `现持证 ${p.certified} 人，已达标`,
  STAFF_SHORT: (p) => `现有 ${p.current} 人，缺口 ${p.chosen} − ${p.current} = ${p.gap} 人`,
  STAFF_OVER: (p) => `现有 ${p.current} 人，超出员额 ${p.over} 人`,
  STAFF_EVEN: (p) => `现有 ${p.current} 人，与员额持平`,
  COMMUNITY_CERTIFICATE: (p) =>
    `${AREA[p.area]}持证率 ${pct(p.rate)}：须持证 ceil(${p.rate} × ${p.staff}) = ${p.required} 人，现持证 ${p.certified} 人` +
    (p.gap > 0 ? `，缺口 ${p.gap} 人` : '，已达标'),
};

export function stepTextZh(s: RuleStep): string {
  return stepSentence(STEP_TEXT_ZH, s);
}

export function stepsZh(steps: readonly RuleStep[]): string[] {
  return steps.map(stepTextZh);
}
