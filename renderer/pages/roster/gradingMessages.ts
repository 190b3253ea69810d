import type { CertificateCheck, CertificateCheckParams } from '../../../src/core/roster/certificateRules';
import { certificateOf } from '../../../src/core/roster/gradingScheme';
import { GRADING_REASON_TEXT_ZH, type GradingReason, type GradingReasonTexts, gradingReasonSentence } from '../../../src/core/roster/gradingReasons';
import { canonicalGradeName, plainLevelNumber, writtenProfessionalLevel } from '../../../src/core/roster/levelMap';
import type { Certificate, Education, Gender, Title } from '../../../src/core/roster/schema';
import { type Lang, defineMessages, plural, schemaMessage } from '../../i18n';

/** Texts of the 定级晋升 and 队伍预测 tabs of 人员名册, Chinese (the default) and English. */
export const gradingMessages = defineMessages(
  {
    tabGrading: '定级晋升',
    tabCohort: '队伍预测',
    scheme: (name: string) => `参数：${name}`,
    sampleScheme: '（示例数据）',
    worker: '人员',
    pickWorker: '输入姓名查找人员',
    fromYear: '起始年份',
    years: '年数',
    secretaryIn: '担任书记年份',
    none: '无',
    show: '计算',
    year: '年份',
    postType: '岗位类别',
    level: '等级',
    paidLevel: '发放等级（就高）',
    levelPay: '月基础报酬',
    allowance: '月持证津贴',
    annual: '年薪',
    reasons: '变动原因',
    gradingFailed: '定级晋升计算失败',
    checksTitle: '持证规则检查',
    checksNone: '未发现问题',
    checksFailed: '持证规则检查失败',
    hires: '每年新招',
    attrition: '流失率',
    passRate: '考证通过率',
    targetStart: '目标起点（人）',
    targetPerYear: '目标每年增加（人）',
    labourFromRoster: '按花名册和定级参数计算人员经费',
    raise: '年增长率',
    project: '预测',
    exportCohort: '导出预测表',
    cohortFailed: '队伍预测失败',
    leavers: '离职',
    passed: '考取',
    headcount: '人数',
    certified: '持证',
    target: '目标',
    gap: '缺口',
    labour: '人员经费（元）',
    start: (n: number, c: number) => `起点：${n} 人，其中持证 ${c} 人`,
    labourNote: (pay: string, allowance: string, unpriced: number) =>
      `人均年薪 ${pay} 元，持证者年津贴 ${allowance} 元${unpriced ? `；${unpriced} 人无法按参数定价，未计入人均` : ''}`,
    shareHint: '比例写小数，如 0.08',
    rosterTable: '花名册',
    pasted: (n: number) => `已粘贴 ${n} 人`,
    pasteFailed: '粘贴的人员有误，未保存',
    pasteHint: '可从 Excel 复制多行人员（可含表头）粘贴到名册表格中',
    subWorker: '人员定级',
    subScheme: '定级参数',
    schemeTitle: '定级晋升参数',
    viewOn: '查看日期',
    version: '版本',
    versionLabel: (from: string) => `自 ${from} 起`,
    inForce: '生效中',
    locked: '已生效，不可修改',
    draft: '草稿，未生效',
    lockedNote: '此版本已经生效（或曾经生效），不能直接修改；要改参数，请“新建生效版本”。',
    draftNote: '此版本尚未生效，可以修改、保存或删除；生效日之后即不可再改。',
    newVersion: '新建生效版本',
    newVersionTitle: '新建生效版本（复制当日生效的版本）',
    newVersionDate: '生效日期',
    newVersionHint: '新版本复制所选日期生效的版本，保存后从该日期起用于定级和计价；原版本保持不变。',
    create: '创建',
    save: '保存',
    deleteVersion: '删除此版本',
    history: '历史记录',
    listSep: '；',
    discardTitle: '放弃未保存的修改？',
    discardText: '这个版本有尚未保存的修改，继续将丢弃它们。',
    discard: '放弃修改',
    deleteConfirm: '删除这个尚未生效的版本？',
    saved: '已保存',
    created: (from: string) => `已新建自 ${from} 起的版本`,
    deleted: '已删除',
    saveFailed: '保存定级晋升参数失败',
    loadFailed: '读取定级晋升参数失败',
    problemsTitle: '请先改正以下问题',
    basics: '基本规则',
    source: '依据',
    yearsPerLevel: '年功：本级满几年升一级（0 为不按年限）',
    excellent: '提前晋级的考核等次（连续两年）',
    secretaryPostType: '担任书记时的岗位类别（就高）',
    allowanceMinimum: '持证津贴下限（元/月）',
    bands: '三岗十八级：各岗位类别的等级区间',
    bandFrom: '起始级',
    bandTo: '最高级',
    startingLevels: '起点定级（自上而下，取第一条符合的）',
    certificateAtLeast: '持证等级（至少）',
    educations: '学历（任一）',
    minYears: '社区工作年限（至少）',
    anyValue: '不限',
    levelPayTitle: '各级月基础报酬',
    monthly: '月额（元）',
    allowancesTitle: '持证津贴（元/月）',
    qualification: '证书',
    levelMapTitle: '专技岗位等级对应（数字越小岗位越高）',
    gradeName: '等级名称',
    professionalLevel: '专技等级',
    requires: '须持证书',
    addRow: '添加一行',
    removeRow: '删除',
    moveUp: '上移',
    rowOf: (table: string, row: number) => `${table}第 ${row} 行`,
    unitLevel: (n: number) => `${n} 级`,
  },
  {
    tabGrading: 'Grading',
    tabCohort: 'Projection',
    scheme: (name: string) => `Parameters: ${name}`,
    sampleScheme: ' (sample data)',
    worker: 'Worker',
    pickWorker: 'Type a name to find a worker',
    fromYear: 'From year',
    years: 'Years',
    secretaryIn: 'Becomes 书记 in',
    none: 'None',
    show: 'Compute',
    year: 'Year',
    postType: 'Post type',
    level: 'Level',
    paidLevel: 'Level paid (higher of)',
    levelPay: 'Monthly level pay',
    allowance: 'Monthly allowance',
    annual: 'Annual pay',
    reasons: 'Reasons',
    gradingFailed: 'Grading failed',
    checksTitle: 'Certificate rules',
    checksNone: 'No problems found',
    checksFailed: 'Certificate checks failed',
    hires: 'Hires a year',
    attrition: 'Attrition rate',
    passRate: 'Pass rate',
    targetStart: 'Target now (people)',
    targetPerYear: 'Target growth a year',
    labourFromRoster: 'Labour cost from the roster and the grading scheme',
    raise: 'Yearly raise',
    project: 'Project',
    exportCohort: 'Export the projection',
    cohortFailed: 'Projection failed',
    leavers: 'Leavers',
    passed: 'Passed',
    headcount: 'Headcount',
    certified: 'Certified',
    target: 'Target',
    gap: 'Gap',
    labour: 'Labour cost (yuan)',
    start: (n: number, c: number) => `Start: ${plural(n, 'person', 'people')}, ${c} certified`,
    labourNote: (pay: string, allowance: string, unpriced: number) =>
      `Pay per head ${pay} a year, allowance per certified ${allowance} a year${unpriced ? `; ${unpriced} could not be priced and are left out of the average` : ''}`,
    shareHint: 'Shares as decimals, e.g. 0.08',
    rosterTable: 'Roster',
    pasted: (n: number) => `${n} pasted`,
    pasteFailed: 'The pasted workers have errors; nothing was saved',
    pasteHint: 'Copy rows of workers in Excel (a header row too) and paste them onto the grid',
    subWorker: 'Worker levels',
    subScheme: 'Grading scheme',
    schemeTitle: 'Grading and promotion scheme',
    viewOn: 'On',
    version: 'Version',
    versionLabel: (from: string) => `From ${from}`,
    inForce: 'In force',
    locked: 'In force, read-only',
    draft: 'Draft, not yet in force',
    lockedNote: 'This version is (or was) in force and cannot be edited; to change the parameters, add a new dated version.',
    draftNote: 'This version is not in force yet: it can be edited, saved or removed until its effective date.',
    newVersion: 'New dated version',
    newVersionTitle: 'New dated version (a copy of the version in force on that date)',
    newVersionDate: 'Effective from',
    newVersionHint: 'The new version copies the one in force on its date and grades and prices from that date on; earlier versions stay as they are.',
    create: 'Create',
    save: 'Save',
    deleteVersion: 'Remove this version',
    history: 'History',
    listSep: '; ',
    discardTitle: 'Discard the unsaved changes?',
    discardText: 'This version has changes that are not saved; going on drops them.',
    discard: 'Discard',
    deleteConfirm: 'Remove this version, not yet in force?',
    saved: 'Saved',
    created: (from: string) => `Version from ${from} created`,
    deleted: 'Removed',
    saveFailed: 'The grading scheme could not be saved',
    loadFailed: 'The grading scheme could not be read',
    problemsTitle: 'Please correct these first',
    basics: 'Rules',
    source: 'Source',
    yearsPerLevel: 'Seniority: years at a level for the next (0: none)',
    excellent: 'Rating that counts twice running for a level early',
    secretaryPostType: 'Post type on becoming Party secretary (paid the higher)',
    allowanceMinimum: 'Minimum certificate allowance (yuan/month)',
    bands: 'Three posts, eighteen levels: the band of each post type',
    bandFrom: 'From level',
    bandTo: 'Top level',
    startingLevels: 'Starting level (top to bottom, the first rule met)',
    certificateAtLeast: 'Certificate (at least)',
    educations: 'Education (any of)',
    minYears: 'Years in community work (at least)',
    anyValue: 'Any',
    levelPayTitle: 'Monthly pay of each level',
    monthly: 'Monthly (yuan)',
    allowancesTitle: 'Certificate allowances (yuan/month)',
    qualification: 'Certificate',
    levelMapTitle: 'Professional-technical (专技) level map (a smaller number is the higher post)',
    gradeName: 'Grade',
    professionalLevel: '专技 level',
    requires: 'Certificate required',
    addRow: 'Add a row',
    removeRow: 'Remove',
    moveUp: 'Move up',
    rowOf: (table: string, row: number) => `${table}, row ${row}`,
    unitLevel: (n: number) => `level ${n}`,
  },
);

export type GradingMessages = (typeof gradingMessages)['zh'];

// --- grading codes in the user's language -------------------------------------------------------
// The core sends each reason and check as a code with its figures (src/core/roster/gradingReasons.ts,
// certificateRules.ts); Chinese is the core's own table, English is here. The shipped words of a
// scheme (post types, certificates, 学历, ratings, the 专技 grade names) have English names; anything
// else the bureau typed is shown as typed.

const POST_TYPE_EN: Record<string, string> = {
  正职: 'principal',
  副职: 'deputy',
  一般工作人员: 'general staff',
  专职: 'full-time',
  兼职: 'part-time',
  书记: 'Party secretary',
};
const CERTIFICATE_EN: Record<Certificate, string> = {
  高级社会工作师: 'Senior Social Worker',
  社会工作师: 'Social Worker',
  助理社会工作师: 'Assistant Social Worker',
  社会工作员: 'Social Work Aide',
  无: 'none',
};
const EDUCATION_EN: Record<Education, string> = {
  博士研究生: 'doctorate',
  硕士研究生: 'master',
  大学本科: 'bachelor',
  大专: 'junior college',
  中专: 'secondary technical',
  中职: 'secondary vocational',
  中师: 'secondary normal',
  高中: 'senior high',
  初中及以下: 'junior high or below',
};
const RATING_EN: Record<string, string> = {
  优秀: 'Excellent',
  称职: 'Competent',
  合格: 'Satisfactory',
  基本称职: 'Basically competent',
  基本合格: 'Basically satisfactory',
  不称职: 'Incompetent',
  不合格: 'Unsatisfactory',
};

const GENDER_EN: Record<Gender, string> = { 男: 'M', 女: 'F' };
const TITLE_EN: Record<Title, string> = { 高级: 'senior', 中级: 'intermediate', 初级: 'junior', 无: 'none' };

/** The bands of 人员结构统计 (src/core/roster/stats.ts) and 未填. */
const STATS_BAND_EN: Record<string, string> = {
  '35岁及以下': '35 or under',
  '36-45岁': '36–45',
  '46-55岁': '46–55',
  '56-60岁': '56–60',
  '60岁以上': 'over 60',
  本科及以上: 'bachelor or above',
  大专: 'junior college',
  '中专/中职/中师': 'secondary (technical, vocational, normal)',
  高中及以下: 'senior high or below',
  未填: 'not recorded',
};

export type GradingWords = {
  /** a band of the structure statistics: age, education, title, certificate; a field (领域) is shown as typed */
  statsBand: (dimension: 'byAge' | 'byEducation' | 'byTitle' | 'byField' | 'byCertificate', band: string) => string;
  gender: (g: Gender) => string;
  /** 职称 */
  title: (t: Title) => string;
  postType: (typed: string) => string;
  certificate: (c: Certificate | null) => string;
  education: (e: Education) => string;
  rating: (typed: string) => string;
  /** a grade of the 专技 map: 社会工作师三级 → Social Worker grade 3 */
  grade: (typed: string) => string;
  /** a certificate as an allowance names it (社工师, 助理社会工作师 …) */
  qualification: (typed: string) => string;
};

const CERT_PREFIX: [string, Certificate][] = [
  ['高级社会工作师', '高级社会工作师'],
  ['助理社会工作师', '助理社会工作师'],
  ['社会工作师', '社会工作师'],
];

export const gradingWords: Record<Lang, GradingWords> = {
  zh: {
    statsBand: (_, band) => band,
    gender: (g) => g,
    title: (t) => t,
    postType: (t) => t,
    certificate: (c) => c ?? '未填',
    education: (e) => e,
    rating: (t) => t,
    grade: (t) => t,
    qualification: (t) => t,
  },
  en: {
    statsBand: (dimension, band) =>
      STATS_BAND_EN[band] ??
      (dimension === 'byTitle' ? (TITLE_EN[band as Title] ?? band) : dimension === 'byCertificate' ? (CERTIFICATE_EN[band as Certificate] ?? band) : band),
    gender: (g) => GENDER_EN[g],
    title: (t) => TITLE_EN[t],
    postType: (t) => POST_TYPE_EN[t] ?? t,
    certificate: (c) => (c === null ? 'not recorded' : CERTIFICATE_EN[c]),
    education: (e) => EDUCATION_EN[e],
    rating: (t) => RATING_EN[t] ?? t,
    grade: (t) => {
      const canonical = canonicalGradeName(t);
      const written = writtenProfessionalLevel(t);
      if (written !== null) return `专技 level ${written}`;
      for (const [prefix, cert] of CERT_PREFIX) {
        const m = canonical.startsWith(prefix) ? /^([一二三四五六七八九十\d]+)级$/.exec(canonical.slice(prefix.length)) : null;
        const n = m ? plainLevelNumber(m[1]!) : null;
        if (n !== null) return `${CERTIFICATE_EN[cert]} grade ${n}`;
      }
      return t;
    },
    qualification: (t) => {
      const c = certificateOf(t);
      return c === null ? t : CERTIFICATE_EN[c];
    },
  },
};

const w = gradingWords.en;
const GRADING_REASON_TEXT_EN: GradingReasonTexts = {
  START: (p) => `Start: ${w.postType(p.postType)} level ${p.level} (this post’s band ${p.from}–${p.to})`,
  STARTING_RULE: (p) => {
    const terms = [
      p.certificate ? `holds ${w.certificate(p.certificate)} or above` : null,
      p.educations.length ? `education ${p.educations.map(w.education).join(' / ')}` : null,
      p.minYears ? `${p.minYears}+ years in community work` : null,
      p.postType ? `post ${w.postType(p.postType)}` : null,
    ].filter((t): t is string => t !== null);
    return `Starting level, rule ${p.rule} (${terms.length ? terms.join(', ') : 'everyone else'}): level ${p.level}`;
  },
  POST_CHANGE: (p) => {
    const why = p.secretary ? 'Becomes Party secretary' : `Post type changed from ${w.postType(p.fromPostType)} to ${w.postType(p.toPostType)}`;
    return p.keptLevel !== null
      ? `${why}, new post at level ${p.level}; paid at the higher old level ${p.keptLevel}`
      : `${why}, new post at level ${p.level} (not below the old level ${p.oldLevel})`;
  },
  SENIORITY: (p) => `Seniority: ${p.years} ${p.years === 1 ? 'year' : 'years'} at this level, up one level`,
  EARLY: (p) => `Rated ${w.rating(p.rating)} in ${p.first} and ${p.second} running: one level early`,
  CAPPED: (p) => `At the top of this post’s band (level ${p.top}): no further rise`,
};

export function gradingReasonText(reason: GradingReason, lang: Lang): string {
  return gradingReasonSentence(lang === 'en' ? GRADING_REASON_TEXT_EN : GRADING_REASON_TEXT_ZH, reason);
}

const CHECK_TEXT_EN: { [C in CertificateCheck['code']]: (p: CertificateCheckParams[C]) => string } = {
  CERT_BELOW_GRADE: (p) =>
    `Row ${p.seq} ${p.name}: ${w.grade(p.grade)} (专技 level ${p.level}) requires the ${w.certificate(p.requires)} certificate; holds ${w.certificate(p.held)}`,
  ALLOWANCE_BELOW_MINIMUM: (p) =>
    `${w.qualification(p.qualification)} allowance of ${p.monthly} yuan a month is below the minimum of ${p.minimum} yuan a month`,
  ALLOWANCE_NOT_INCREASING: (p) =>
    `${w.qualification(p.higher)} allowance of ${p.higherMonthly} yuan a month is not above ${w.qualification(p.lower)}’s ${p.lowerMonthly} yuan: allowances should rise with the certificate`,
  UNKNOWN_QUALIFICATION: (p) =>
    `“${p.qualification}” in the certificate allowances is no known certificate (Assistant Social Worker, Social Worker, Senior Social Worker, Social Work Aide): not counted`,
};

/** a certificate check in the user's language (the Chinese is the core's own message) */
export function certificateCheckText(check: CertificateCheck, lang: Lang): string {
  if (lang === 'zh') return check.message;
  return (CHECK_TEXT_EN[check.code] as (p: CertificateCheck['params']) => string)(check.params);
}

const TABLE_NAMES = {
  zh: { bands: '等级区间', startingLevels: '起点定级', levelPay: '月基础报酬', allowances: '持证津贴', levelMap: '专技等级对应' },
  en: { bands: 'Bands', startingLevels: 'Starting levels', levelPay: 'Level pay', allowances: 'Allowances', levelMap: '专技 level map' },
} as const;
const FIELD_NAMES = {
  zh: {
    effectiveFrom: '生效日期',
    source: '依据',
    yearsPerLevel: '年功年限',
    excellent: '提前晋级考核等次',
    secretaryPostType: '书记岗位类别',
    allowanceMinimum: '持证津贴下限',
    postType: '岗位类别',
    from: '起始级',
    to: '最高级',
    certificate: '持证等级',
    educations: '学历',
    minYears: '社区工作年限',
    level: '等级',
    monthly: '月额',
    qualification: '证书',
    name: '等级名称',
    requires: '须持证书',
  },
  en: {
    effectiveFrom: 'effective date',
    source: 'source',
    yearsPerLevel: 'years per level',
    excellent: 'rating for a level early',
    secretaryPostType: 'Party secretary post type',
    allowanceMinimum: 'minimum allowance',
    postType: 'post type',
    from: 'from level',
    to: 'top level',
    certificate: 'certificate',
    educations: 'education',
    minYears: 'years in community work',
    level: 'level',
    monthly: 'monthly amount',
    qualification: 'certificate',
    name: 'grade',
    requires: 'certificate required',
  },
} as const;

/**
 * A problem of an edited version in words: `startingLevels[0].level` → 起点定级第 1 行 等级：…; the
 * API's paths (`version.…`, `versions[1].…`) are read the same way.
 */
export function describeGradingProblem(path: string, message: string, lang: Lang): string {
  const text = schemaMessage(message, lang);
  const rest = path.replace(/^versions?(\[\d+\])?\.?/, '');
  const sep = lang === 'en' ? ': ' : '：';
  const row = /^(bands|startingLevels|levelPay|allowances|levelMap)\[(\d+)\](?:\.(\w+))?/.exec(rest);
  const fields = FIELD_NAMES[lang] as Record<string, string>;
  if (row) {
    const table = TABLE_NAMES[lang][row[1] as keyof (typeof TABLE_NAMES)['zh']];
    const where = gradingMessages[lang].rowOf(table, Number(row[2]) + 1);
    return `${where}${row[3] ? ` ${fields[row[3]] ?? row[3]}` : ''}${sep}${text}`;
  }
  const field = /^(\w+)/.exec(rest)?.[1];
  if (field && field in TABLE_NAMES[lang]) return `${TABLE_NAMES[lang][field as keyof (typeof TABLE_NAMES)['zh']]}${sep}${text}`;
  return field ? `${fields[field] ?? field}${sep}${text}` : text;
}
