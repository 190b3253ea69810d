import type { z } from 'zod';
import { contributionSetSchema } from '../src/core/contributions/schema';
import { adjustVersion } from '../src/core/guides/adjust';
import { coefficientMonthly } from '../src/core/guides/cellValue';
import { type GuideVersion, guideVersionSchema, payGuideSchema, referenceWageSchema } from '../src/core/guides/schema';
import { versionInForce } from '../src/core/guides/versions';
import { parseDecimal, toFixed } from '../src/core/money/decimal';
import { JILIN_PAY_STANDARD, PUBLIC_INSTITUTION_MANAGEMENT_WAGE, payReferenceRule, performanceMonthly } from '../src/core/pay/jilin';
import { type ProjectInput, projectSchema } from '../src/core/projects/schema';
import { projectToSpec } from '../src/core/projects/toSpec';
import type { BudgetSpec } from '../src/core/spec/budgetSpec';
import { MIX_PRESETS, THREE_POSTS_MIX } from '../src/core/plan/mixPresets';
import { ratioToPercent } from '../src/core/money/percent';
import type { AreaPlanInput } from './repos/areaPlans';

/**
 * The embedded sample data loaded into a new database, built from public facts (published guides,
 * contribution notices, the policy texts of docs/design.md §Rules and their policy sources). Every
 * table names its source and year; what is not an official table is labelled 示例数据 (sample: true) and must not be presented as a published figure.
 */

type PayGuideInput = z.input<typeof payGuideSchema>;
type ContributionSetInput = z.input<typeof contributionSetSchema>;
type ReferenceWageInput = z.input<typeof referenceWageSchema>;

// ---------------------------------------------------------------------------------------------
// Reference wage for the coefficient guide (三岗十八级): 上年度平均工资, yuan per year.
export const AVERAGE_WAGE = '上年度在岗职工平均工资（示例市）';

const WAGE_2025 = '108000.00';
const WAGE_2026 = '112800.00';

export const sampleReferenceWages: ReferenceWageInput[] = [
  {
    name: AVERAGE_WAGE,
    region: '示例市',
    amount: WAGE_2025,
    per: 'year',
    effectiveFrom: '2025-01-01',
    source: '示例数据：示意 2024 年度城镇非私营单位在岗职工平均工资（约 9,000 元/月），非官方统计数字',
    sample: true,
  },
  {
    name: AVERAGE_WAGE,
    region: '示例市',
    amount: WAGE_2026,
    per: 'year',
    effectiveFrom: '2026-01-01',
    source: '示例数据：示意 2025 年度城镇非私营单位在岗职工平均工资（9,400 元/月），非官方统计数字',
    sample: true,
  },
  // 吉林“社工岗”薪酬平均标准的参照：上年度事业单位管理岗位人员平均工资 (src/core/pay/jilin.ts)
  {
    name: PUBLIC_INSTITUTION_MANAGEMENT_WAGE,
    region: '示例市',
    amount: '96000.00',
    per: 'year',
    effectiveFrom: '2026-01-01',
    source:
      '示例数据：示意 2025 年度事业单位管理岗位人员平均工资（8,000 元/月），非官方统计数字；吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》二、（四）以其为“社工岗”薪酬平均标准的参照',
    sample: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Guide 1: a Guangdong-style grade × step table in yuan per month (员级/初级/中级/高级 × 3 steps,
// plus a supervisor track). Shape from 佛山南海桂城 2011 (初级→中级 +15,000 元/年 = +1,250 元/月,
// top step 120,000 元/年); amounts are 示例数据.
const FRONTLINE = '一线社工';
const SUPERVISOR = '督导';
const gradeSteps: [grade: string, amounts: string[]][] = [
  ['员级', ['4200.00', '4400.00', '4600.00']],
  ['初级', ['5000.00', '5250.00', '5500.00']], // 助理社工师
  ['中级', ['6250.00', '6550.00', '6850.00']], // 社工师
  ['高级', ['8800.00', '9400.00', '10000.00']], // 高级社工师
];
const supervisorTiers: [grade: string, amount: string][] = [
  ['督导助理', '7200.00'],
  ['见习督导', '8000.00'],
  ['初级督导', '9000.00'],
];

const guangdong2025: GuideVersion = guideVersionSchema.parse({
  label: '2025 版',
  effectiveFrom: '2025-01-01',
  documentNo: '示例〔2025〕1号',
  includes: 'gross',
  unit: 'month',
  source: '示例数据：结构参照广东（佛山南海桂城 2011）社工薪酬等级×档次表，金额为示意；持证津贴参照甘肃每月 200/300/500 元',
  cells: [
    ...gradeSteps.flatMap(([grade, amounts]) => amounts.map((amount, i) => ({ post: FRONTLINE, grade, step: i + 1, amount }))),
    ...supervisorTiers.map(([grade, amount]) => ({ post: SUPERVISOR, grade, step: 1, amount })),
  ],
  allowances: [
    { qualification: '助理社工师', amount: '200.00', kind: 'monthly' },
    { qualification: '社工师', amount: '300.00', kind: 'monthly' },
    { qualification: '高级社工师', amount: '500.00', kind: 'monthly' },
  ],
});

// 2026: the whole table +3 % to the yuan (the guide operation of src/core/guides/adjust.ts), plus the
// one-off certificate awards of 上海长宁 (1,500/3,000/5,000) so both allowance kinds appear.
const guangdong2026Adjusted = adjustVersion(guangdong2025, {
  percent: '3',
  rounding: 'yuan',
  label: '2026 版',
  effectiveFrom: '2026-01-01',
  documentNo: '示例〔2026〕1号',
}).version;
const guangdong2026: GuideVersion = {
  ...guangdong2026Adjusted,
  source: '示例数据：2025 版整体上调 3%（四舍五入到元）；一次性持证奖励参照上海长宁 1,500/3,000/5,000 元',
  allowances: [
    ...guangdong2026Adjusted.allowances,
    { qualification: '助理社工师', amount: '1500.00', kind: 'oneOff' },
    { qualification: '社工师', amount: '3000.00', kind: 'oneOff' },
    { qualification: '高级社工师', amount: '5000.00', kind: 'oneOff' },
  ],
};

export const GUANGDONG_GUIDE = '示例市社会工作者薪酬指导价（广东式等级档次）';

// ---------------------------------------------------------------------------------------------
// Guide 2: 三岗十八级 as coefficients × last year's average wage. Level bands of 三岗十八级:
// 正职 7–18, 副职 4–15, 一般工作人员 1–12. The cell is the 基础报酬 (level pay); coefficients are
// 示例数据: 2025 level L = 0.50 + 0.03 × (L − 1); 2026 raises the first level to 0.52.
export const THREE_POSTS = '示例区社区工作者三岗十八级薪酬（系数×上年度平均工资）';
export const POST_BANDS: [post: string, from: number, to: number][] = [
  ['正职', 7, 18],
  ['副职', 4, 15],
  ['一般工作人员', 1, 12],
];
/** coefficient in hundredths: first level + 3 per level */
const coefficient = (first: number, level: number) => toFixed({ units: BigInt(first + 3 * (level - 1)), scale: 2 }, 2);

function threePostsVersion(year: number, first: number): GuideVersion {
  return guideVersionSchema.parse({
    label: `${year} 版`,
    effectiveFrom: `${year}-01-01`,
    documentNo: '',
    includes: 'gross',
    unit: 'month',
    referenceWage: AVERAGE_WAGE,
    source: `示例数据：结构参照上海浦东“社工15条”三岗十八级（正职 7–18 级、副职 4–15 级、一般工作人员 1–12 级），系数为示意；持证津贴参照吉林“社工岗”每月不低于 200 元并拉开档次`,
    notes: `基础报酬 = 系数 × 上年度平均工资 ÷ 12；第 1 级系数 ${coefficient(first, 1)}，每级加 0.03`,
    cells: POST_BANDS.flatMap(([post, from, to]) =>
      Array.from({ length: to - from + 1 }, (_, i) => ({ post, grade: `${from + i}级`, step: 1, coefficient: coefficient(first, from + i) })),
    ),
    allowances: [
      { qualification: '助理社工师', amount: '200.00', kind: 'monthly' },
      { qualification: '社工师', amount: '300.00', kind: 'monthly' },
      { qualification: '高级社工师', amount: '400.00', kind: 'monthly' },
    ],
  });
}

export const sampleGuides: PayGuideInput[] = [
  {
    name: GUANGDONG_GUIDE,
    issuer: '示例市民政局（示例）',
    region: '广东（示例）',
    sample: true,
    versions: [guangdong2025, guangdong2026],
  },
  {
    name: THREE_POSTS,
    issuer: '示例区民政局（示例）',
    region: '示例区',
    sample: true,
    versions: [threePostsVersion(2025, 50), threePostsVersion(2026, 52)],
  },
];

// ---------------------------------------------------------------------------------------------
// Contribution sets (employer rates). Check each city's bureau before trusting a figure.
export const BEIJING_2022 = '北京市 2022 年度社保公积金参数';
export const SHANGHAI_2023 = '上海市 2023–2024 年度社保公积金参数（示例）';
export const JILIN_SAMPLE = '示例市（吉林式）社保公积金参数（示例数据）';

export const sampleContributionSets: ContributionSetInput[] = [
  {
    city: '北京',
    name: BEIJING_2022,
    effectiveFrom: '2022-07-01',
    floor: '5869.00',
    ceiling: '31884.00',
    items: [
      { name: '养老保险', rate: '0.16' },
      { name: '医疗保险', rate: '0.09' },
      { name: '生育保险', rate: '0.008' },
      { name: '失业保险', rate: '0.005' },
      { name: '工伤保险', rate: '0.004' },
      { name: '住房公积金', rate: '0.12', round: 'yuan' },
    ],
    levies: [{ name: '工会经费', rate: '0.02' }],
    source: '北京市 2022 年度社会保险缴费基数上下限 5,869–31,884 元及单位费率（公开资料，使用前请向人社、公积金部门核对）；工伤费率因行业而异',
    sample: false,
  },
  {
    city: '上海',
    name: SHANGHAI_2023,
    effectiveFrom: '2023-07-01',
    floor: '7310.00',
    ceiling: '36549.00',
    items: [
      { name: '养老保险', rate: '0.16' },
      { name: '医疗保险（含生育）', rate: '0.095' },
      { name: '失业保险', rate: '0.005' },
      { name: '工伤保险', rate: '0.0026' },
      { name: '住房公积金', rate: '0.07', round: 'yuan' },
    ],
    levies: [{ name: '工会经费', rate: '0.02' }],
    source: '示例数据：上海 2023–2024 年度基数 7,310–36,549 元及费率，仅见于二手资料（未核实），工伤约 0.26%',
    sample: true,
  },
  {
    city: '示例市（吉林）',
    name: JILIN_SAMPLE,
    effectiveFrom: '2025-07-01',
    floor: '4500.00',
    ceiling: '22500.00',
    items: [
      { name: '养老保险', rate: '0.16' },
      { name: '医疗保险（含生育）', rate: '0.08' },
      { name: '失业保险', rate: '0.007' },
      { name: '工伤保险', rate: '0.004' },
      { name: '住房公积金', rate: '0.10', round: 'yuan' },
    ],
    levies: [],
    source: '示例数据：按全国通行做法（养老 16%，基数上下限为社平工资 60%/300%）示意，非吉林任何城市的公布参数',
    sample: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Projects. Guide and contribution set are named here and turned into ids when seeded.
export interface SampleProject {
  guide: string;
  contributionSet: string;
  project: Omit<ProjectInput, 'guideId' | 'contributionSetId'>;
}

/**
 * 吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》二、（四）: pay = 70 % 基础报酬 + 30 % 绩效奖金. The guide's cell is the base; the
 * performance part is an extra monthly item of base × 30/70, rounded to the fen — so the line's
 * monthly pay splits 70/30. It follows the reference wage of the project's year (2026).
 */
function jilinPerformance(post: string, level: number): { name: string; monthly: string } {
  const version = threePostsVersion(2026, 52);
  const cell = version.cells.find((c) => c.post === post && c.grade === `${level}级`)!;
  const base = coefficientMonthly(parseDecimal(cell.coefficient!), { name: AVERAGE_WAGE, amount: parseDecimal(WAGE_2026), per: 'year' });
  const performance = performanceMonthly(base, parseDecimal(JILIN_PAY_STANDARD.performanceShare)); // round(base × 0.30 ÷ 0.70, 2)
  return { name: '绩效奖金（占 30%）', monthly: toFixed(performance, 2) };
}

const jilinLine = (post: string, level: number, count: number, qualification?: string, note?: string) => ({
  post,
  grade: `${level}级`,
  step: 1,
  ...(qualification ? { qualification } : {}),
  count,
  months: 12,
  extras: [jilinPerformance(post, level)],
  ...(note ? { note } : {}),
});

export const JILIN_PROJECT = '示例社区“社工岗”队伍 2026 年度经费预算（吉林式）';

/**
 * The Jilin standard's reference for the sample team (吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》二、（四）:
 * 薪酬平均标准参照当地上年度事业单位管理岗位人员平均工资水平核定): the sample wage in force on 2026-01-01, ÷ 12 —
 * 96,000.00 ÷ 12 = 8,000.00 a month. The check PAY_BELOW_REFERENCE compares the team's average pay with it.
 */
function jilinPayReference(): { name: string; monthly: string } {
  const wages = sampleReferenceWages.map((w) => referenceWageSchema.parse(w));
  return payReferenceRule(JILIN_PAY_STANDARD, wages, '2026-01-01')!;
}
export const FAMILY_CENTRE_PROJECT = '某街道家庭综合服务中心 2026 年度服务项目（示例）';

export const sampleProjects: SampleProject[] = [
  {
    guide: THREE_POSTS,
    contributionSet: JILIN_SAMPLE,
    project: {
      name: JILIN_PROJECT,
      purchaser: '示例街道办事处',
      provider: '示例社区',
      periodStart: '2026-01',
      periodMonths: 12,
      staff: [
        jilinLine('正职', 12, 1, '社工师', '社区党组织书记兼居委会主任'),
        jilinLine('副职', 8, 2, '社工师', '其他“两委”成员'),
        jilinLine('副职', 6, 1, '助理社工师', '其他“两委”成员'),
        jilinLine('一般工作人员', 5, 2, '助理社工师', '专职党建“社工岗”（每社区不少于 2 个）'),
        jilinLine('一般工作人员', 3, 4, '助理社工师'),
        jilinLine('一般工作人员', 1, 2, undefined, '新招聘人员，未取得证书'),
      ],
      costs: [
        { category: '培训费', name: '社工岗业务培训', unitPrice: '800.00', quantity: 12, times: 1 },
        { category: '福利费', name: '免费体检', unitPrice: '500.00', quantity: 12, times: 1 },
      ],
      managementRate: '0',
      tax: { method: 'simple', rate: '0' },
      rules: {
        minLabourShare: '0.90',
        posts: { min: 10, max: 15, label: '3000 户以下社区“社工岗” 10–15 人（吉林）' },
        payReference: jilinPayReference(),
      },
      notes:
        '示例数据。依据吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》：3000 户以下社区按 10–15 人设社工岗；薪酬 = 基础报酬 70% + 绩效奖金 30%（绩效以附加月项目计入），平均水平参照上年度事业单位管理岗位人员平均工资（校验“薪酬平均标准”）；持证补贴每月不低于 200 元并拉开档次；落实五险一金。',
      sample: true,
    },
  },
  {
    guide: GUANGDONG_GUIDE,
    contributionSet: SHANGHAI_2023,
    project: {
      name: FAMILY_CENTRE_PROJECT,
      purchaser: '某区民政局',
      provider: '某社会工作服务中心',
      periodStart: '2026-01',
      periodMonths: 12,
      staff: [
        { post: FRONTLINE, grade: '高级', step: 1, qualification: '高级社工师', count: 1, months: 12, bonusMonths: 1, note: '中心主任' },
        { post: FRONTLINE, grade: '中级', step: 2, qualification: '社工师', count: 2, months: 12, bonusMonths: 1 },
        { post: FRONTLINE, grade: '中级', step: 1, qualification: '社工师', count: 2, months: 12, bonusMonths: 1 },
        { post: FRONTLINE, grade: '初级', step: 1, qualification: '助理社工师', count: 3, months: 12, bonusMonths: 1 },
        { post: SUPERVISOR, grade: '初级督导', step: 1, qualification: '高级社工师', count: 0.5, months: 12, note: '半职督导' },
      ],
      costs: [
        { category: '督导培训', name: '外聘督导', unitPrice: '800.00', quantity: 24, times: 1 },
        { category: '督导培训', name: '员工培训', unitPrice: '2000.00', quantity: 4, times: 1 },
        { category: '服务活动', name: '社区活动', unitPrice: '800.00', quantity: 24, times: 1 },
        { category: '服务活动', name: '小组工作', unitPrice: '500.00', quantity: 20, times: 1 },
        { category: '服务活动', name: '个案物资', unitPrice: '200.00', quantity: 30, times: 1 },
        { category: '行政管理', name: '场地水电', unitPrice: '1500.00', quantity: 1, times: 12 },
        { category: '行政管理', name: '办公用品', unitPrice: '300.00', quantity: 1, times: 12 },
        { category: '行政管理', name: '交通通讯', unitPrice: '200.00', quantity: 8, times: 12 },
      ],
      managementRate: '0.08',
      tax: { method: 'gross-up', vat: '0.01', surcharge: '0.06' },
      rules: { minLabourShare: '0.60', maxManagementShare: '0.10' },
      purchaseByPost: { pricePerPostYear: '100000.00' },
      notes:
        '示例数据。费用类别参照中山项目购买预算（人员薪酬及补贴、督导培训、服务活动、行政管理、税费）；岗位购买对照价参照中山 2016 年每名社工每年 10 万元；小规模纳税人增值税 1%、附加税费减半（城建 7%+教育 3%+地方教育 2% 的一半 = 6%）。',
      sample: true,
    },
  },
];

/**
 * Every sample project as a full inline spec v1, without a database (the Excel tests and the
 * property tests use them). Ids are stand-ins: projectToSpec reads the records, not the ids.
 */
export function sampleBudgetSpecs(): BudgetSpec[] {
  const wages = sampleReferenceWages.map((w) => referenceWageSchema.parse(w));
  return sampleProjects.map(({ guide, contributionSet, project }) => {
    const g = payGuideSchema.parse(sampleGuides.find((x) => x.name === guide));
    const set = { ...contributionSetSchema.parse(sampleContributionSets.find((x) => x.name === contributionSet)), id: 1 };
    const p = projectSchema.parse({ ...project, guideId: 1, contributionSetId: 1 });
    return projectToSpec(p, g, wages, set);
  });
}

/** The version of a sample guide in force on a date (for tests that state the arithmetic). */
export function sampleGuideVersion(name: string, date: string): GuideVersion {
  const g = payGuideSchema.parse(sampleGuides.find((x) => x.name === name));
  return versionInForce(g.versions, date)!;
}

// ---------------------------------------------------------------------------------------------
// A sample area plan (区域规划), so the page opens on a plan: three communities of a made-up city
// (示例数据, not a published list) under the Jilin rule, priced with the 三岗十八级 sample guide and
// the Jilin-style contribution set, with the 三岗 post mix as shipped.

export const SAMPLE_AREA_PLAN = '示例区社区工作者岗位规划（吉林式，示例数据）';

export function sampleAreaPlan(ids: { guideId: number; contributionSetId: number }): AreaPlanInput {
  const community = (
    row: number,
    name: string,
    district: string,
    street: string,
    households: number,
    residents: number,
    elderly: string,
    staff: number,
    certified: number,
  ) => ({
    row,
    name,
    district,
    street,
    households,
    residents,
    elderlyShare: elderly,
    urbanRural: 'urban' as const,
    currentStaff: staff,
    certifiedStaff: certified,
  });
  return {
    name: SAMPLE_AREA_PLAN,
    fileName: '示例社区名单.csv',
    sample: true,
    communities: [
      community(2, '长春路社区', '朝阳区', '南湖街道', 2400, 6500, '0.21', 9, 6),
      community(3, '新民社区', '朝阳区', '南湖街道', 4100, 11000, '0.30', 13, 10),
      community(4, '南湖社区', '南关区', '桃源街道', 3600, 9800, '0.18', 11, 11),
    ],
    choices: {
      title: '示例区社区工作者岗位规划',
      ruleKey: 'jilin',
      point: 'mid',
      date: '2026-01-01',
      guideId: ids.guideId,
      contributionSetId: ids.contributionSetId,
      years: 5,
      adjustmentPercent: '3',
      stepsPerYear: 0,
      start: null,
      addPerYear: 5,
      capToQuota: true,
    },
    mix: {
      presetIndex: MIX_PRESETS.indexOf(THREE_POSTS_MIX),
      name: THREE_POSTS_MIX.name,
      months: THREE_POSTS_MIX.months,
      bonusMonths: THREE_POSTS_MIX.bonusMonths,
      lines: THREE_POSTS_MIX.lines.map((l) => ({
        label: l.label,
        post: l.post,
        grade: l.grade,
        step: l.step,
        ...(l.qualification !== undefined ? { qualification: l.qualification } : {}),
        kind: l.fixed !== undefined ? ('fixed' as const) : ('share' as const),
        fixed: l.fixed ?? null,
        sharePercent: l.share === undefined ? '' : ratioToPercent(l.share),
      })),
    },
  };
}

/**
 * A sample roster (花名册, 示例数据) of 30 invented workers of one invented district, so that 人员名册
 * and 结构统计 open with something to show (docs/design.md §People: roster and statistics). Names
 * are placeholders and no 身份证号 is given: nothing here is a real person.
 *
 * Every worker fits the sample 三岗十八级 guide above (THREE_POSTS, POST_BANDS), so 按名册生成项目
 * prices all 30: each of the 6 communities has its 正职 (书记兼主任, 党建岗) at 10–15级; 6 副职 are
 * at 7–12级 and 18 一般工作人员 at 1–9级 — the longer in post and the higher the certificate, the
 * higher the level (a higher number pays more); the guide has one 档次 per level, so 档次 1.
 */
export function sampleRoster(): import('../src/core/roster/schema').Worker[] {
  type W = import('../src/core/roster/schema').Worker;
  // 出生日期, 学历, 职称, 持证等级, 领域, 岗位类别, 岗位等级, 档次, 入职日期, 年限, 社区, 街道, 考核 2024/2025
  const rows: [string, W['education'], W['title'], W['certificate'], string, string, string, number, string, number, string, string, string][] = [
    ['1978-03-12', '大学本科', '中级', '社会工作师', '社区', '正职', '14级', 1, '2004-07-01', 21, '和平社区', '和平街道', '优秀/优秀'],
    ['1985-09-30', '大专', '初级', '助理社会工作师', '社区', '副职', '10级', 1, '2010-03-01', 15, '和平社区', '和平街道', '合格/优秀'],
    ['1992-06-18', '大学本科', '无', '助理社会工作师', '养老', '一般工作人员', '6级', 1, '2016-08-01', 9, '和平社区', '和平街道', '合格/合格'],
    ['1999-01-05', '大学本科', '无', '无', '青少年', '一般工作人员', '2级', 1, '2022-07-01', 3, '和平社区', '和平街道', '合格/合格'],
    ['1969-11-21', '高中', '无', '社会工作员', '社区', '一般工作人员', '8级', 1, '1998-05-01', 27, '和平社区', '和平街道', '合格/合格'],
    ['1981-04-02', '硕士研究生', '高级', '高级社会工作师', '社会救助', '正职', '15级', 1, '2008-09-01', 17, '幸福社区', '和平街道', '优秀/优秀'],
    ['1988-12-12', '大专', '初级', '助理社会工作师', '养老', '副职', '9级', 1, '2012-04-01', 13, '幸福社区', '和平街道', '合格/合格'],
    ['1995-07-07', '大学本科', '初级', '社会工作师', '家庭', '一般工作人员', '6级', 1, '2018-07-01', 7, '幸福社区', '和平街道', '优秀/合格'],
    ['1973-02-28', '中专', '无', '无', '社区', '一般工作人员', '7级', 1, '2001-03-01', 24, '幸福社区', '和平街道', '合格/合格'],
    ['2000-10-10', '大专', '无', '无', '青少年', '一般工作人员', '1级', 1, '2023-09-01', 2, '幸福社区', '和平街道', '合格/合格'],
    ['1983-05-15', '大学本科', '中级', '社会工作师', '社区', '正职', '12级', 1, '2009-06-01', 16, '东坝社区', '东坝乡', '合格/优秀'],
    ['1990-08-08', '大专', '无', '助理社会工作师', '残障', '副职', '8级', 1, '2014-10-01', 11, '东坝社区', '东坝乡', '合格/合格'],
    ['1966-12-01', '初中及以下', '无', '无', '社区', '一般工作人员', '8级', 1, '1995-01-01', 30, '东坝社区', '东坝乡', '合格/合格'],
    ['1997-03-03', '大学本科', '无', '助理社会工作师', '养老', '一般工作人员', '4级', 1, '2020-07-01', 5, '东坝社区', '东坝乡', '优秀/优秀'],
    ['1986-09-09', '中职', '无', '社会工作员', '社区', '一般工作人员', '5级', 1, '2011-05-01', 14, '东坝社区', '东坝乡', '合格/合格'],
    ['1979-07-21', '大学本科', '中级', '社会工作师', '社会救助', '正职', '13级', 1, '2005-08-01', 20, '新村社区', '东坝乡', '优秀/合格'],
    ['1993-01-19', '大学本科', '初级', '助理社会工作师', '家庭', '副职', '7级', 1, '2017-03-01', 8, '新村社区', '东坝乡', '合格/合格'],
    ['1975-06-06', '中师', '初级', '无', '青少年', '一般工作人员', '7级', 1, '2000-09-01', 25, '新村社区', '东坝乡', '合格/合格'],
    ['2001-11-11', '大学本科', '无', '无', '社区', '一般工作人员', '1级', 1, '2024-07-01', 1, '新村社区', '东坝乡', '合格/合格'],
    ['1963-04-30', '高中', '无', '无', '社区', '一般工作人员', '9级', 1, '1990-04-01', 35, '新村社区', '东坝乡', '合格/合格'],
    ['1984-02-14', '大学本科', '中级', '社会工作师', '社区', '正职', '12级', 1, '2009-02-01', 16, '开元社区', '开元街道', '合格/合格'],
    ['1991-10-01', '大专', '无', '助理社会工作师', '养老', '副职', '8级', 1, '2015-06-01', 10, '开元社区', '开元街道', '优秀/合格'],
    ['1996-05-20', '大学本科', '无', '社会工作师', '矫治', '一般工作人员', '6级', 1, '2019-08-01', 6, '开元社区', '开元街道', '合格/优秀'],
    ['1970-08-15', '中专', '无', '社会工作员', '社区', '一般工作人员', '8级', 1, '1996-07-01', 29, '开元社区', '开元街道', '合格/合格'],
    ['1989-03-08', '博士研究生', '高级', '高级社会工作师', '社会救助', '副职', '12级', 1, '2016-03-01', 9, '开元社区', '开元街道', '优秀/优秀'],
    ['1982-12-25', '大专', '初级', '助理社会工作师', '社区', '正职', '10级', 1, '2007-01-01', 18, '鲤中社区', '开元街道', '合格/合格'],
    ['1994-09-17', '大学本科', '无', '助理社会工作师', '青少年', '一般工作人员', '5级', 1, '2018-09-01', 7, '鲤中社区', '开元街道', '合格/合格'],
    ['1977-01-31', '高中', '无', '无', '养老', '一般工作人员', '7级', 1, '2003-05-01', 22, '鲤中社区', '开元街道', '合格/合格'],
    ['1998-06-30', '大专', '无', '无', '残障', '一般工作人员', '2级', 1, '2021-07-01', 4, '鲤中社区', '开元街道', '合格/合格'],
    ['1965-10-20', '初中及以下', '无', '社会工作员', '社区', '一般工作人员', '9级', 1, '1992-10-01', 33, '鲤中社区', '开元街道', '合格/合格'],
  ];
  return rows.map(([birthDate, education, title, certificate, field, postType, postLevel, step, hireDate, communityYears, community, street, ratings], i) => {
    const [r2024, r2025] = ratings.split('/') as ['优秀' | '合格', '优秀' | '合格'];
    return {
      name: `示例人员${String(i + 1).padStart(2, '0')}`,
      gender: i % 3 === 0 ? '男' : '女',
      birthDate,
      idNumber: null,
      education,
      field,
      title,
      certificate,
      certificateDate: certificate === '无' || certificate === null ? null : `${Math.max(Number(hireDate.slice(0, 4)) + 2, 2010)}-06-20`,
      postType,
      postLevel,
      step,
      hireDate,
      communityYears,
      community,
      street,
      district: '示例区',
      ratings: [
        { year: 2024, rating: r2024 },
        { year: 2025, rating: r2025 },
      ],
      partyPost: postType === '正职',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Grading scheme (定级晋升参数, 示例数据; docs/design.md §People: roster and statistics). Bands are
// those of the 三岗十八级 guide above (POST_BANDS), which every worker of the sample roster fits;
// 年功 one level every 3 years; two consecutive 优秀 one level early within the band
// (上海浦东“社工15条”); 书记 on the 正职 band with 就高. Level pay follows the 2026 coefficients of the
// guide above × an average wage of 120,000 元 ÷ 12 (示例). Allowances and their 200-元 minimum: 吉林
// “社工岗” (每月不低于 200 元并拉开档次). The 专技 map: 珠海《关于加强社会工作专业岗位开发与人才激励保障
// 工作方案》. Certification targets: 城市社区 100 %, 农村社区 80 % (珠海, 同一方案).
export const SAMPLE_GRADING_KEY = 'sample-three-posts';
export const sampleGradingScheme: import('../src/core/roster/gradingScheme').GradingSchemeInput = {
  key: SAMPLE_GRADING_KEY,
  name: '示例区社区工作者定级晋升参数（三岗十八级，示例数据）',
  versions: [
    {
      effectiveFrom: '2024-01-01',
      source:
        '示例数据：等级区间参照上海浦东“社工15条”三岗十八级（连续两年优秀本岗位内提前升一级，提拔担任书记就高）；持证津贴参照吉林“社工岗”每月不低于 200 元；专技对应参照珠海社会工作专业岗位职级体系',
      bands: POST_BANDS.map(([postType, from, to]) => ({ postType, from, to })),
      yearsPerLevel: 3,
      excellent: '优秀',
      secretaryPostType: '正职',
      startingLevels: [
        { certificate: '社会工作师', educations: ['博士研究生', '硕士研究生', '大学本科'], minYears: 5, level: 6 },
        { certificate: '社会工作师', level: 4 },
        { certificate: '助理社会工作师', educations: ['博士研究生', '硕士研究生', '大学本科'], level: 3 },
        { certificate: '助理社会工作师', level: 2 },
        { level: 1 },
      ],
      // 2026 coefficient 0.52 + 0.03 × (L − 1), × 120,000 ÷ 12 = 5,200 + 300 × (L − 1) a month
      levelPay: Array.from({ length: 18 }, (_, i) => ({ level: i + 1, monthly: `${5200 + 300 * i}.00` })),
      allowances: [
        { qualification: '助理社会工作师', monthly: '200.00' },
        { qualification: '社会工作师', monthly: '300.00' },
        { qualification: '高级社会工作师', monthly: '400.00' },
      ],
      allowanceMinimum: '200.00',
      levelMap: [
        { name: '社会工作师一级', level: 8, requires: '社会工作师' },
        { name: '社会工作师二级', level: 9, requires: '社会工作师' },
        { name: '社会工作师三级', level: 10, requires: '社会工作师' },
        { name: '助理社会工作师一级', level: 11, requires: '助理社会工作师' },
        { name: '助理社会工作师二级', level: 12, requires: '助理社会工作师' },
      ],
    },
  ],
  certificationTargets: [
    {
      effectiveFrom: '2019-01-01',
      urban: '1',
      rural: '0.80',
      source: '珠海：城市社区工作人员专业社会工作者持证率达到 100%，农村社区工作人员持证率达到 80%',
    },
  ],
};
