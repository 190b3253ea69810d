/**
 * The pay-guide template's words (docs/guide-template.md), and the other words real publications
 * use for the same thing. The exporter writes the first word of each list; the importer accepts all.
 */
export const GUIDE_SHEET = '指导价';
export const ALLOWANCE_SHEET = '持证津贴';
export const HELP_SHEET = '填写说明';

export type InfoKey =
  'name' | 'issuer' | 'region' | 'label' | 'effectiveFrom' | 'effectiveTo' | 'documentNo' | 'includes' | 'unit' | 'referenceWage' | 'source' | 'notes';

/** info rows above the table, in template order: label | value */
export const INFO_LABELS: Record<InfoKey, string[]> = {
  name: ['指导价名称', '名称'],
  issuer: ['发布单位', '发布机关', '印发单位', '制定单位'],
  region: ['地区', '适用地区', '适用范围'],
  label: ['版本名称', '版本'],
  effectiveFrom: ['生效日期', '执行日期', '实施日期', '施行日期', '起始日期'],
  effectiveTo: ['失效日期', '截止日期', '终止日期'],
  documentNo: ['文号', '发文字号'],
  includes: ['金额口径', '口径', '金额含义'],
  unit: ['金额单位', '单位', '计量单位'],
  referenceWage: ['参考工资', '参考工资名称', '基数工资'],
  source: ['来源', '资料来源'],
  notes: ['备注', '说明'],
};

export const INCLUDES_TEXT = { gross: '应发工资', employerCost: '单位全部用人成本' } as const;
export const UNIT_TEXT = { month: '元/月', year: '元/年' } as const;
export const KIND_TEXT = { monthly: '按月', oneOff: '一次性' } as const;

/** Table headers, canonical first. Compared after removing spaces and any bracketed unit. */
export const COLUMN_WORDS = {
  post: ['岗位', '岗位名称', '岗位类别', '岗位类型', '岗位序列', '职位', '岗位设置'],
  grade: ['等级', '薪级', '级别', '职级', '岗位等级', '层级', '等次'],
  step: ['档次', '薪档', '档'],
  amount: ['金额', '标准', '薪酬标准', '工资标准', '月薪', '年薪', '薪酬', '工资', '指导价', '指导价格', '基本工资', '金额标准'],
  coefficient: ['系数', '薪酬系数', '工资系数', '岗位系数'],
  unit: ['单位', '金额单位', '计量单位'],
  qualification: ['持证等级', '职业资格', '资格等级', '持证类别', '证书', '证书等级', '职业水平'],
  kind: ['发放方式', '方式', '类型', '发放'],
  allowanceAmount: ['金额', '津贴', '津贴标准', '持证津贴', '标准', '补贴标准', '金额标准'],
} as const;

export type ColumnWord = keyof typeof COLUMN_WORDS;

/** "薪酬标准（元/月）" → "薪酬标准" */
export function bareHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[:：]$/, '');
}

export function isColumn(text: string, word: ColumnWord): boolean {
  const bare = bareHeader(text);
  return bare !== '' && (COLUMN_WORDS[word] as readonly string[]).includes(bare);
}

/** The unit a text states, if any: "（单位：元/年）", "金额（元/月）", "年薪". */
export function statedUnit(text: string): 'month' | 'year' | null {
  const t = text.replace(/\s+/g, '');
  if (/元\/年|元每年|元／年|年薪|万元\/年/.test(t)) return 'year';
  if (/元\/月|元每月|元／月|月薪/.test(t)) return 'month';
  return null;
}
