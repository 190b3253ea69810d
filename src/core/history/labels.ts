import type { ChangeAction, ChangeEntry, ChangeObjectKind } from './changes';

/**
 * The change log as people read it, in Chinese or English: what kind of object, which field
 * (`cells[一线社工/社工师/1]` → 单元格 一线社工/社工师/1档), and values with their codes named
 * (`gross` → 应发工资). The history page and the exported workbook both read it from here.
 */
export type HistoryLang = 'zh' | 'en';

const KINDS: Record<ChangeObjectKind, [string, string]> = {
  guide: ['指导价', 'Pay guide'],
  guideVersion: ['指导价版本', 'Guide version'],
  referenceWage: ['参考工资', 'Reference wage'],
  contributionSet: ['社保公积金参数', 'Contribution set'],
  project: ['项目', 'Project'],
  gradingScheme: ['定级晋升参数', 'Grading scheme'],
};

const ACTIONS: Record<ChangeAction, [string, string]> = {
  create: ['新建', 'Created'],
  update: ['修改', 'Changed'],
  delete: ['删除', 'Deleted'],
  submit: ['提交', 'Submitted'],
  withdraw: ['撤回提交', 'Submission withdrawn'],
  reprice: ['重新计价', 'Re-priced'],
};

const FIELDS: Record<string, [string, string]> = {
  name: ['名称', 'Name'],
  issuer: ['发布单位', 'Issuer'],
  region: ['地区', 'Region'],
  sample: ['示例数据', 'Sample data'],
  label: ['版本名称', 'Version name'],
  effectiveFrom: ['生效日期', 'Effective from'],
  effectiveTo: ['失效日期', 'Effective to'],
  documentNo: ['文号', 'Document no.'],
  includes: ['金额包含', 'Amounts include'],
  unit: ['金额单位', 'Unit'],
  referenceWage: ['参考工资', 'Reference wage'],
  source: ['来源', 'Source'],
  notes: ['备注', 'Notes'],
  city: ['城市', 'City'],
  floor: ['缴费基数下限', 'Base floor'],
  ceiling: ['缴费基数上限', 'Base ceiling'],
  amount: ['金额', 'Amount'],
  per: ['按', 'Per'],
  guideVersion: ['指导价版本', 'Guide version'],
  contributionSet: ['社保公积金参数', 'Contribution set'],
  total: ['项目总经费', 'Total'],
};

const VALUES: Record<string, [string, string]> = {
  gross: ['应发工资', 'gross pay'],
  employerCost: ['单位全部用人成本', 'full employer cost'],
  month: ['元/月', 'per month'],
  year: ['元/年', 'per year'],
  fen: ['到分', 'to the fen'],
  yuan: ['到元', 'to the yuan'],
  monthly: ['按月', 'monthly'],
  oneOff: ['一次性', 'one-off'],
  true: ['是', 'yes'],
  false: ['否', 'no'],
};

const pick = (pair: [string, string], lang: HistoryLang) => pair[lang === 'zh' ? 0 : 1];

export const objectKindLabel = (kind: ChangeObjectKind, lang: HistoryLang) => pick(KINDS[kind], lang);
export const actionLabel = (action: ChangeAction, lang: HistoryLang) => pick(ACTIONS[action], lang);

/** `cells[一线社工/社工师/1]` → 单元格 一线社工/社工师/1档; `items[养老保险].rate` → 养老保险 费率. */
export function fieldLabel(field: string, lang: HistoryLang): string {
  if (field === '') return '';
  const grading = gradingFieldLabel(field, lang);
  if (grading !== null) return grading;
  const member = /^(cells|allowances|items|levies)\[(.+)\](?:\.(\w+))?$/.exec(field);
  if (member) {
    const [, list, key, sub] = member;
    const zh = lang === 'zh';
    if (list === 'cells') {
      const [post, grade, step] = key!.split('/');
      return zh ? `单元格 ${post}/${grade}/${step}档` : `Cell ${post}/${grade}/step ${step}`;
    }
    if (list === 'allowances') {
      const [qualification, kind] = key!.split('/');
      return zh ? `持证津贴 ${qualification}（${valueLabel(kind!, lang)}）` : `Allowance ${qualification} (${valueLabel(kind!, lang)})`;
    }
    const what = list === 'items' ? (zh ? '缴费项目' : 'Item') : zh ? '附加费' : 'Levy';
    const subLabel = sub === 'round' ? (zh ? '取整' : 'rounding') : zh ? '费率' : 'rate';
    return `${what} ${key} ${subLabel}`;
  }
  const known = FIELDS[field];
  return known ? pick(known, lang) : field;
}

/** A grading scheme's tables (定级晋升参数) and the fields of their rows. */
const GRADING_TABLES: Record<string, [string, string]> = {
  bands: ['等级区间', 'Band'],
  startingLevels: ['起点定级', 'Starting level rule'],
  levelPay: ['级别月薪', 'Level pay'],
  allowances: ['持证津贴', 'Certificate allowance'],
  levelMap: ['专技等级对应', 'Professional level map'],
};

const GRADING_FIELDS: Record<string, [string, string]> = {
  source: ['来源', 'Source'],
  yearsPerLevel: ['每满几年升一级', 'Years per level'],
  excellent: ['优秀等次名称', 'Rating that counts as excellent'],
  secretaryPostType: ['书记岗位类别', 'Post type of a secretary'],
  allowanceMinimum: ['持证津贴下限', 'Allowance minimum'],
  from: ['起始等级', 'From level'],
  to: ['最高等级', 'To level'],
  certificate: ['持证等级', 'Certificate'],
  educations: ['学历', 'Education'],
  minYears: ['最少年限', 'Minimum years'],
  postType: ['岗位类别', 'Post type'],
  level: ['等级', 'Level'],
  monthly: ['月额', 'Monthly'],
  requires: ['需持证', 'Requires'],
  urban: ['城市持证率目标', 'Urban target'],
  rural: ['农村持证率目标', 'Rural target'],
};

/**
 * `versions[2027-01-01].bands[正职].to` → 2027-01-01 版 等级区间 正职 最高等级;
 * `versions[2027-01-01].startingLevels[#4].level` → 2027-01-01 版 起点定级 第 4 条 等级;
 * `certificationTargets[2026-01-01].urban` → 2026-01-01 起 城市持证率目标. Null when the field is not a grading one.
 */
function gradingFieldLabel(field: string, lang: HistoryLang): string | null {
  const zh = lang === 'zh';
  const target = /^certificationTargets\[([^\]]+)\]\.(\w+)$/.exec(field);
  if (target) {
    const [, date, sub] = target;
    const name = GRADING_FIELDS[sub!] ? pick(GRADING_FIELDS[sub!]!, lang) : sub!;
    return zh ? `${date} 起 ${name}` : `From ${date}: ${name}`;
  }
  const m = /^versions\[([^\]]+)\](?:\.(\w+)(?:\[([^\]]+)\])?(?:\.(\w+))?)?$/.exec(field);
  if (!m) return null;
  const [, date, first, key, sub] = m;
  const version = zh ? `${date} 版` : `Version ${date}`;
  if (first === undefined) return version;
  const fieldName = (f: string) => (GRADING_FIELDS[f] ? pick(GRADING_FIELDS[f]!, lang) : f);
  if (key === undefined) return `${version} ${fieldName(first)}`;
  const table = GRADING_TABLES[first] ? pick(GRADING_TABLES[first]!, lang) : first;
  const row = key.startsWith('#') ? (zh ? `第 ${key.slice(1)} 条` : `rule ${key.slice(1)}`) : key;
  return `${version} ${table} ${row}${sub ? ` ${fieldName(sub)}` : ''}`;
}

/** A stored value as shown: codes named, none (or empty text) as —. */
export function valueLabel(value: string | null, lang: HistoryLang): string {
  if (value === null || value === '') return '—';
  const known = VALUES[value];
  return known ? pick(known, lang) : value;
}

/** One row as a line: `2026 版 · 单元格 一线社工/社工师/1档: 6500.00 → 6800.00`. */
export function changeLine(e: Pick<ChangeEntry, 'action' | 'field' | 'old' | 'new'>, lang: HistoryLang): string {
  if (e.field === '') return actionLabel(e.action, lang);
  return `${fieldLabel(e.field, lang)}: ${valueLabel(e.old, lang)} → ${valueLabel(e.new, lang)}`;
}
