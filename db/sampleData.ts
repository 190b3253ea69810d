import type { z } from 'zod';
import { contributionSetSchema } from '../src/core/contributions/schema';
import { adjustVersion } from '../src/core/guides/adjust';
import { coefficientMonthly } from '../src/core/guides/cellValue';
import { type GuideVersion, guideVersionSchema, payGuideSchema, referenceWageSchema } from '../src/core/guides/schema';
import { versionInForce } from '../src/core/guides/versions';
import { divRound, fromInteger, mul, parseDecimal, toFixed } from '../src/core/money/decimal';
import { type ProjectInput, projectSchema } from '../src/core/projects/schema';
import { projectToSpec } from '../src/core/projects/toSpec';
import type { BudgetSpec } from '../src/core/spec/budgetSpec';

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
  return { name: '绩效奖金（占 30%）', monthly: toFixed(divRound(mul(base, fromInteger(3)), fromInteger(7), 2), 2) };
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
      rules: { minLabourShare: '0.90', posts: { min: 10, max: 15, label: '3000 户以下社区“社工岗” 10–15 人（吉林）' } },
      notes:
        '示例数据。依据吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》：3000 户以下社区按 10–15 人设社工岗；薪酬 = 基础报酬 70% + 绩效奖金 30%（绩效以附加月项目计入）；持证补贴每月不低于 200 元并拉开档次；落实五险一金。',
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
