import { createContext, useContext } from 'react';

/**
 * Chinese first; English switchable. The frame and the 项目预算 page use the flat dictionary below
 * (keys are the Chinese text's role; missing English falls back to Chinese, never to a key); a page
 * with many texts keeps its own dictionary next to it (defineMessages), typed so that English has
 * every key of Chinese with the same parameters.
 */
export type Lang = 'zh' | 'en';

const en: Record<string, string> = {
  appTitle: 'Paybench',
  appSubtitle: 'Social-work pay & service budgets',
  'menu.projects': 'Project budgets',
  'menu.guides': 'Pay guides',
  'menu.contributions': 'Contributions',
  'menu.staffing': 'Staffing',
  'menu.plan': 'Area plan',
  loading: 'Loading…',
  language: '中文',
  save: 'Save',
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  cancel: 'Cancel',
  delete: 'Delete',
  confirmDelete: 'Delete this project? This cannot be undone.',
  newProject: 'New project',
  duplicate: 'Duplicate',
  open: 'Open',
  back: 'Back to list',
  exportWorkbook: 'Export workbook',
  projectName: 'Project',
  purchaser: 'Purchaser',
  provider: 'Provider',
  period: 'Period',
  periodStart: 'Start month',
  periodMonths: 'Months',
  guide: 'Pay guide',
  contributionSet: 'Contribution set',
  staffLines: 'Staff',
  costLines: 'Other costs',
  addStaff: 'Add staff line',
  addCost: 'Add cost line',
  management: 'Management fee rate',
  tax: 'Tax',
  rules: 'Rules',
  totals: 'Totals',
  checks: 'Checks',
  charts: 'Charts',
  updatedAt: 'Updated',
  total: 'Total',
};

const zh: Record<string, string> = {
  appTitle: 'Paybench',
  appSubtitle: '社工薪酬与购买服务预算工作台',
  'menu.projects': '项目预算',
  'menu.guides': '薪酬指导价',
  'menu.contributions': '社保公积金参数',
  'menu.staffing': '岗位测算',
  'menu.plan': '区域规划',
  loading: '加载中…',
  language: 'English',
  save: '保存',
  saved: '已保存',
  saving: '正在保存…',
  unsaved: '有未保存的修改',
  cancel: '取消',
  delete: '删除',
  confirmDelete: '确定删除该项目？删除后无法恢复。',
  newProject: '新建项目',
  duplicate: '复制',
  open: '打开',
  back: '返回列表',
  exportWorkbook: '导出预算表',
  projectName: '项目名称',
  purchaser: '购买主体',
  provider: '承接主体',
  period: '服务期',
  periodStart: '起始月份',
  periodMonths: '月数',
  guide: '薪酬指导价',
  contributionSet: '社保公积金参数',
  staffLines: '人员经费',
  costLines: '其他费用',
  addStaff: '添加人员',
  addCost: '添加费用',
  management: '管理费费率',
  tax: '税费',
  rules: '约束规则',
  totals: '合计',
  checks: '校验',
  charts: '图表',
  updatedAt: '更新时间',
  total: '总计',
};

export function translate(lang: Lang, key: string): string {
  return (lang === 'en' ? en[key] : undefined) ?? zh[key] ?? key;
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: string): string;
}

export const I18nContext = createContext<I18n>({ lang: 'zh', setLang: () => {}, t: (k) => translate('zh', k) });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A page's texts: plain strings, or functions of what the text mentions (counts, names, dates). */
export type Messages = Record<string, string | ((...args: never[]) => string)>;

/** Both languages of one dictionary; `en` must have exactly the keys (and parameters) of `zh`. */
export function defineMessages<M extends Messages>(zh: M, en: { [K in keyof M]: M[K] }): Record<Lang, M> {
  return { zh, en };
}

/** The page's dictionary in the language the user chose. */
export function useMessages<M extends Messages>(dictionary: Record<Lang, M>): M {
  return dictionary[useContext(I18nContext).lang];
}

/** The schema's messages are "中文 / English": the half for the language. */
export function schemaMessage(message: string, lang: Lang): string {
  const cut = message.indexOf(' / ');
  if (cut <= 0) return message;
  return lang === 'en' ? message.slice(cut + 3) : message.slice(0, cut);
}

export function initialLang(): Lang {
  try {
    return localStorage.getItem('paybench.lang') === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}
