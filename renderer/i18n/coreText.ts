import { type Check, type CheckTexts, checkSentence } from '../../src/core/budget/checkCodes';
import { CHECK_TEXT_ZH } from '../../src/core/budget/checkText';
import { formatMoney, formatPercent, parseDecimal } from '../../src/core/money/decimal';
import { ratioToPercent } from '../../src/core/money/percent';
import { RULE_PARAMETER_TEXT_ZH, type RuleParameter, type RuleParameterTexts, ruleParameterSentence } from '../../src/core/plan/ruleText';
import { STEP_TEXT_ZH } from '../../src/core/staffing/stepText';
import { PLAN_WARNING_TEXT_ZH } from '../../src/core/plan/warningText';
import { type CommunityRows, type PlanWarning, type PlanWarningTexts, planWarningSentence } from '../../src/core/plan/warnings';
import { type RuleStep, type StepTexts, stepSentence } from '../../src/core/staffing/steps';
import type { Lang } from './index';

/**
 * What the core says — budget checks, the staffing arithmetic, a rule's parameters — in the user's
 * language. The core sends a code and its figures; Chinese is the core's own table (the very
 * sentences of the CLI and the workbooks), English is here. Rates are shown in percent, money
 * with thousands separators. The user's names (posts, rule labels, sources) stay as typed; the
 * few words of the shipped rules (职工, 专职党建 …) have English names.
 */

const yuan = (text: string) => `${formatMoney(parseDecimal(text))} yuan`;
/** a share with 2 decimals of percent, as the totals show it: 0.8698 → 86.98% */
const share = (fraction: string) => formatPercent(parseDecimal(fraction));
/** a rule's rate as exact percent: 0.80 → 80%, 1 → 100% */
const rate = (fraction: string) => `${ratioToPercent(fraction)}%`;
/** a count in prose: 12,000 (inside a formula numbers stay plain: floor(1100/500)) */
const n = (x: number) => x.toLocaleString('en-US');
/** a count with its noun: 1 post, 12,000 households */
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
const points = (p: string) => `${p} percentage ${p === '1' ? 'point' : 'points'}`;
const staff = (x: number) => plural(x, 'staff member', 'staff');
const BOUND = { min: 'Minimum', max: 'Maximum' } as const;
const AREA = { urban: 'Urban community', rural: 'Rural community' } as const;

/** the words of the shipped rules; anything else the user typed is shown as typed */
const RULE_WORDS: Record<string, string> = {
  职工: 'employees',
  基层工会: 'union branches',
  城镇常住人口: 'urban residents',
  常住人口: 'residents',
  专职党建: 'full-time party-building',
};
const word = (typed: string) => RULE_WORDS[typed] ?? typed;
const kindPosts = (count: number, kind: string) => plural(count, `${word(kind)} post`);

const CHECK_TEXT_EN: CheckTexts = {
  LABOUR_SHARE_BELOW_MIN: (p) =>
    `Staff-cost share ${share(p.labourShare)} is below the purchaser’s minimum of ${share(p.minLabourShare)}, ` +
    `${points(p.shortByPoints)} short; on a total of ${yuan(p.total)}, staff costs must be at least ` +
    `${yuan(p.minLabour)}, ${yuan(p.shortBy)} more than budgeted.`,
  MANAGEMENT_FEE_ABOVE_CAP: (p) =>
    `Management fee ${yuan(p.managementFee)} is ${share(p.managementShare)} of the total, above the cap of ` +
    `${share(p.maxManagementShare)} by ${points(p.overByPoints)} (cap about ${yuan(p.cap)}, about ${yuan(p.overBy)} over).`,
  POSTS_OUTSIDE_RANGE: (p) => {
    const what = p.label ? ` (${p.label})` : '';
    return p.bound === 'min'
      ? `Headcount ${p.headcount} is below the staffing rule’s minimum of ${p.limit}${what}: ${p.difference} short.`
      : `Headcount ${p.headcount} is above the staffing rule’s maximum of ${p.limit}${what}: ${p.difference} too many.`;
  },
  GUIDE_INCLUDES_EMPLOYER_COST: () =>
    'The pay guide’s amounts already include the employer’s social insurance and housing fund; no employer contributions or union fee are added to staff costs.',
  PAY_BELOW_GUIDE: (p) =>
    `Staff line ${p.row} (${p.post}/${p.grade}/step ${p.step}): monthly pay ${yuan(p.monthly)} is below the guide’s ` +
    `${yuan(p.entitledMonthly)}, ${yuan(p.belowBy)} a month short.`,
  NO_GUIDE_CELL: (p) =>
    `Staff line ${p.row} (${p.post}/${p.grade}/step ${p.step}): the pay guide has no such post/grade/step; ` +
    `priced on the agreed monthly pay of ${yuan(p.monthly)}, which cannot be compared with the guide.`,
  BASE_AT_FLOOR: (p) =>
    `Staff line ${p.row} (${p.post}/${p.grade}/step ${p.step}): monthly pay ${yuan(p.monthly)} is below the ` +
    `contribution base floor of ${yuan(p.floor)}; contributions are paid on the floor.`,
  BASE_AT_CEILING: (p) =>
    `Staff line ${p.row} (${p.post}/${p.grade}/step ${p.step}): monthly pay ${yuan(p.monthly)} is above the ` +
    `contribution base ceiling of ${yuan(p.ceiling)}; contributions are paid on the ceiling.`,
  PAY_BELOW_REFERENCE: (p) =>
    `The team’s average monthly pay of ${yuan(p.averageMonthly)} (gross ${yuan(p.gross)} ÷ ${p.personMonths} person-months) is below ` +
    `the reference of ${yuan(p.referenceMonthly)} (${p.label}): ${yuan(p.shortByMonthly)} a month per person short, ${yuan(p.shortBy)} in all.`,
  SOCIAL_WORK_POST_SHARE: (p) =>
    `Social-work posts are ${p.socialWorkPosts} of ${p.posts} posts (${share(p.share)}), below ${share(p.minShare)}: ` +
    `of the same posts at least ${p.required} (${p.minShare} × ${p.posts}, rounded up) must be social-work posts, ${p.shortBy} more` +
    (p.requiredKeepingOthers === null ? '.' : `; keeping the ${p.otherPosts} other posts, ${p.requiredKeepingOthers} social-work posts are needed.`),
};

const STEP_TEXT_EN: StepTexts = {
  BAND_RANGE: (p) => `${plural(p.households, 'household')}: the part up to ${n(p.toHouseholds)} households (inclusive) gets ${p.minPosts}–${p.maxPosts} posts`,
  BAND_START: (p) =>
    `${plural(p.households, 'household')}: not above ${n(p.fromHouseholds)} households, so the band’s starting figure, ${plural(p.minPosts, 'post')}`,
  BAND_INTERPOLATED: (p) =>
    `${plural(p.households, 'household')}: interpolated between ${n(p.fromHouseholds)} and ${n(p.toHouseholds)} households ` +
    `for ${p.minPosts}–${p.maxPosts} posts: ` +
    `${p.minPosts} + floor((${p.counted} − ${p.fromHouseholds}) × (${p.maxPosts} − ${p.minPosts}) / ${p.span}) = ${p.posts}` +
    (p.cappedAtEnd ? ` (more than ${n(p.toHouseholds)} households count as the band’s end)` : ''),
  ABOVE_BAND: (p) => `Excess e = ${p.households} − ${p.toHouseholds} = ${p.excess} ${p.excess === 1 ? 'household' : 'households'}`,
  ABOVE_BAND_BOUND: (p) => `${BOUND[p.bound]} = ${p.base} + floor(${p.excess}/${p.perHouseholds}) = ${p.base} + ${p.added} = ${p.result}`,
  ELDERLY_UPLIFT: (p) =>
    `Share aged 60+ ${rate(p.elderlyShare)} > ${rate(p.threshold)}: ${p.upliftMin}–${p.upliftMax} more posts, ` +
    `minimum ${p.min} + ${p.upliftMin} = ${p.min + p.upliftMin}, maximum ${p.max} + ${p.upliftMax} = ${p.max + p.upliftMax}`,
  ELDERLY_NO_UPLIFT: (p) => `Share aged 60+ ${rate(p.elderlyShare)} is not above ${rate(p.threshold)}: no uplift`,
  CHOSEN_NO_MAX: (p) => `Chosen = the minimum, ${p.min} (no maximum)`,
  CHOSEN_ONLY_VALUE: (p) => `Chosen = ${p.value} (minimum and maximum are the same)`,
  CHOSEN_AT_MIN: (p) => `Policy point minimum: chosen = ${p.min}`,
  CHOSEN_AT_MAX: (p) => `Policy point maximum: chosen = ${p.max}`,
  CHOSEN_AT_POINT: (p) =>
    `Policy point ${p.mid ? `midpoint (${p.fraction})` : p.fraction}: chosen = ${p.min} + round(${p.fraction} × (${p.max} − ${p.min})) = ${p.chosen}`,
  MINIMUM_POSTS: (p) => `At least ${kindPosts(p.minPosts, p.kind)}: minimum ${p.minPosts}, no maximum, chosen ${p.minPosts}`,
  MINIMUM_FITS: (p) => `Quota ${p.quota} ≥ ${p.minPosts}: there is room for them`,
  MINIMUM_DOES_NOT_FIT: (p) => `Quota ${p.quota} < ${p.minPosts}: no room for the ${word(p.kind)} posts`,
  MINIMUM_NOT_MET: (p) => `At least ${kindPosts(p.minPosts, p.kind)} required, but the quota is only ${p.quota}`,
  ONE_IN: (p) => `${n(p.count)} ${word(p.basis)}: one post per ${n(p.everyForMax)}–${n(p.everyForMin)}`,
  ONE_IN_BOUND: (p) => `${BOUND[p.bound]} = ceil(${p.count}/${p.every}) = ${p.posts}`,
  UNION_BASES: (p) =>
    `Both bases: by ${n(p.employees)} employees ${p.employeesMin}–${p.employeesMax} posts, by ${n(p.branches)} union branches ` +
    `${p.branchesMin}–${p.branchesMax} posts (the rule says “or”: either may be used)`,
  DENSITY: (p) =>
    `${n(p.count)} ${word(p.basis)}: ${plural(p.posts, 'post')} per ${n(p.per)}, ` +
    `${p.rounding === 'up' ? 'ceil' : 'floor'}(${p.count} × ${p.posts} / ${p.per}) = ${p.result}`,
  DENSITY_RANGE: (p) => {
    const fn = p.rounding === 'up' ? 'ceil' : 'floor';
    return (
      `${n(p.count)} ${word(p.basis)}: ${p.postsMin}–${p.postsMax} posts per ${n(p.per)}, ` +
      `minimum ${fn}(${p.count} × ${p.postsMin} / ${p.per}) = ${p.min}, maximum ${fn}(${p.count} × ${p.postsMax} / ${p.per}) = ${p.max}`
    );
  },
  SOCIAL_WORK_SHARE: (p) =>
    `${plural(p.totalPosts, 'post')} in all: social-work posts at least ${rate(p.minShare)}, ` +
    `minimum = ceil(${p.minShare} × ${p.totalPosts}) = ${p.min}, maximum = ${p.totalPosts}`,
  CERTIFICATE_RATE: (p) =>
    `${AREA[p.area]} certificate rate at least ${rate(p.rate)}: of ${staff(p.staff)}, ` +
    `at least ceil(${p.rate} × ${p.staff}) = ${p.required} must hold a certificate`,
  CERTIFICATE_GAP: (p) => `${p.certified} certified now, gap ${p.required} − ${p.certified} = ${p.gap}`,
  CERTIFICATE_MET: (p) => `${p.certified} certified now: the rate is met`,
  STAFF_SHORT: (p) => `${staff(p.current)} now, gap ${p.chosen} − ${p.current} = ${plural(p.gap, 'post')}`,
  STAFF_OVER: (p) => `${staff(p.current)} now, ${p.over} above the quota`,
  STAFF_EVEN: (p) => `${staff(p.current)} now, equal to the quota`,
  COMMUNITY_CERTIFICATE: (p) =>
    `${AREA[p.area]} certificate rate ${rate(p.rate)}: ceil(${p.rate} × ${p.staff}) = ${p.required} must hold a certificate, ` +
    `${p.certified} do now` +
    (p.gap > 0 ? `, gap ${p.gap}` : ': met'),
};

const RULE_PARAMETER_TEXT_EN: RuleParameterTexts = {
  BANDS_RANGE: (p) => ['By households', `${n(p.fromHouseholds)}–${n(p.toHouseholds)} households: ${p.minPosts}–${p.maxPosts} posts`],
  BANDS_INTERPOLATED: (p) => [
    'By households',
    `${n(p.fromHouseholds)}–${n(p.toHouseholds)} households, interpolated ${p.minPosts}–${p.maxPosts} posts: ` +
      `${p.minPosts} + floor((households − ${p.fromHouseholds}) × ${p.maxPosts - p.minPosts} / ${p.toHouseholds - p.fromHouseholds})`,
  ],
  ABOVE_BAND: (p) => [
    'Above the band',
    `e = households − ${p.toHouseholds}; minimum + floor(e/${p.perHouseholdsForMin}), maximum + floor(e/${p.perHouseholdsForMax})`,
  ],
  ELDERLY_UPLIFT: (p) => ['Ageing uplift', `share aged 60+ above ${rate(p.threshold)}: minimum +${p.postsMin}, maximum +${p.postsMax}`],
  DENSITY: (p) => [
    'By population',
    `${p.postsMin}${p.postsMax !== p.postsMin ? `–${p.postsMax}` : ''} ${p.postsMax === 1 ? 'post' : 'posts'} per ${n(p.per)} ${word(p.basis)}, ` +
      `rounded ${p.rounding === 'up' ? 'up' : 'down'}`,
  ],
  MINIMUM_POSTS: (p) => ['Minimum posts', `at least ${kindPosts(p.minPosts, p.kind)}`],
  CERTIFICATE: (p) => ['Certificate rate', `urban communities ${rate(p.urban)}, rural communities ${rate(p.rural)}`],
  CHOICE: () => ['Chosen value', 'chosen = minimum + round(policy point × (maximum − minimum)), halves rounded up'],
  APPLIES_TO: (p) => [
    'Applies to',
    p.area === 'urban' ? 'urban communities (a row marked rural is flagged)' : 'rural communities (a row marked urban is flagged)',
  ],
  DISTRICT_CAP: (p) => ['District cap', `at most ${plural(p.posts, 'post')} per district${p.label ? ` (${p.label})` : ''}`],
  PAY: (p) => ['Pay', `base ${rate(p.basePart)} + performance ${rate(p.performanceShare)} (performance = base × ${p.performanceShare} ÷ ${p.basePart})`],
  SOURCE: (p) => ['Source', p.source],
};

/** The core's texts per language, for a page's dictionary to plug in. */
export const coreTexts: Record<Lang, { checks: CheckTexts; steps: StepTexts; ruleParameters: RuleParameterTexts }> = {
  zh: { checks: CHECK_TEXT_ZH, steps: STEP_TEXT_ZH, ruleParameters: RULE_PARAMETER_TEXT_ZH },
  en: { checks: CHECK_TEXT_EN, steps: STEP_TEXT_EN, ruleParameters: RULE_PARAMETER_TEXT_EN },
};

export function checkText(check: Pick<Check, 'code' | 'params'>, lang: Lang): string {
  return checkSentence(coreTexts[lang].checks, check);
}

export function stepText(step: RuleStep, lang: Lang): string {
  return stepSentence(coreTexts[lang].steps, step);
}

export function ruleParameterText(parameter: RuleParameter, lang: Lang): [string, string] {
  return ruleParameterSentence(coreTexts[lang].ruleParameters, parameter);
}

/** communities a plan warning names: "12 communities (rows 3, 5 …: 甲, 乙 …)" — names stay as typed */
const communityRows = (r: CommunityRows) =>
  `${plural(r.count, 'community', 'communities')} (${r.rows.length === 1 ? 'row' : 'rows'} ${r.rows.join(', ')}${r.count > r.rows.length ? ' …' : ''}: ` +
  `${r.names.join(', ')}${r.count > r.names.length ? ' …' : ''})`;

const PLAN_WARNING_TEXT_EN: PlanWarningTexts = {
  RULE_URBAN_ONLY: (p) => `The rule “${p.rule}” is for urban communities; ${communityRows(p)} marked rural: their quotas are for reference only.`,
  RULE_RURAL_ONLY: (p) => `The rule “${p.rule}” is for rural communities; ${communityRows(p)} marked urban: their quotas are for reference only.`,
  OUT_OF_RULE_RANGE: (p) =>
    `The rule “${p.rule}” covers ${n(p.fromHouseholds)}–${n(p.toHouseholds)} households; ${communityRows(p)} lie outside it ` +
    'and are staffed at the band’s start or end: please check.',
  DISTRICT_CAP: (p) =>
    `${p.district}: ${plural(p.chosen, 'post')} chosen in all, district cap ${n(p.cap)}${p.label ? ` (${p.label})` : ''}, ${n(p.remaining)} left.`,
  DISTRICT_CAP_EXCEEDED: (p) =>
    `${p.district}: ${plural(p.chosen, 'post')} chosen in all, above the district cap of ${n(p.cap)}${p.label ? ` (${p.label})` : ''} by ${n(p.over)}.`,
  MINIMUM_POSTS_NOT_MET: (p) => `${communityRows(p)}: a quota below ${p.minPosts} has no room for the ${kindPosts(p.minPosts, p.kind)} required.`,
  MIX_LACKS_MINIMUM_POSTS: (p) =>
    `The post mix “${p.mix}” has no fixed line of at least ${kindPosts(p.minPosts, p.kind)} per community (secretaries and deputies not counted): please add one.`,
  MIX_PAY_DIFFERS: (p) =>
    `The rule “${p.rule}” pays a performance part of ${rate(p.performanceShare)}; the post mix “${p.mix}” prices ` +
    `${p.mixPerformanceShare === null ? 'none' : rate(p.mixPerformanceShare)}, so its staff costs do not follow the rule.`,
};

/** The plan's warnings per language (the Chinese is the core's own table). */
export const planWarningTexts: Record<Lang, PlanWarningTexts> = { zh: PLAN_WARNING_TEXT_ZH, en: PLAN_WARNING_TEXT_EN };

export function planWarningText(warning: Pick<PlanWarning, 'code' | 'params'>, lang: Lang): string {
  return planWarningSentence(planWarningTexts[lang], warning);
}
