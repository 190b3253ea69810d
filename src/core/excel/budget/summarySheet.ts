import type { CellValue, Worksheet } from 'exceljs';
import type { BudgetResult } from '../../budget/compute';
import type { BudgetModel } from '../../budget/model';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, SHARE_FORMAT, type Shown, formula, sheetRange, sheetRef, text } from '../cells';
import { rmbCapitals } from '../chineseCapitals';
import { A4, BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, TITLE_FONT, TOTAL_FILL, titleRowHeight } from '../print';
import { COSTS_AMOUNT_COL, costsTotalRow } from './costsSheet';
import { PARAMS_VALUE_COL, type ParamKey } from './paramsSheet';
import { COSTS, PARAMS, STAFF } from './sheetNames';
import { STAFF_FIRST_ROW, type StaffColumns, staffTotalRowOf } from './staffSheet';

/**
 * 汇总表: the totals of docs/design.md §Budget arithmetic as formulas over the detail sheets and 参数, in the core's order
 * (compute.ts, tax.ts): direct = labour + other; management = ROUND(direct × rate, 2);
 * subtotal = direct + management; gross-up total = ROUND(subtotal / (1 − vat/(1+vat) × (1+surcharge)), 2)
 * and tax = total − subtotal, or simple tax = ROUND(subtotal × rate, 2); shares ROUND(…/total, 4).
 */
export type SummaryKey =
  | 'headcount'
  | 'gross'
  | 'contributions'
  | 'levies'
  | 'labour'
  | `year${number}`
  | 'otherCosts'
  | 'direct'
  | 'managementFee'
  | 'subtotal'
  | 'tax'
  | 'total'
  | 'capitals'
  | 'labourShare'
  | 'managementShare'
  | 'posts'
  | 'postAmount'
  | 'postDifference'
  | 'labourPerPostYear';

export const SUMMARY_HEADER_ROW = 5;
export const SUMMARY_VALUE_COL = 2;

/** spec v2: the calendar years the period touches (分年度) */
function yearsOf(model: BudgetModel): number[] {
  return model.timeline ? [...new Set(model.timeline.map((p) => p.year))] : [];
}

export function summaryKeys(model: BudgetModel): SummaryKey[] {
  const keys: SummaryKey[] = [
    'headcount',
    'gross',
    'contributions',
    'levies',
    'labour',
    ...yearsOf(model).map((y): SummaryKey => `year${y}`),
    'otherCosts',
    'direct',
    'managementFee',
    'subtotal',
    'tax',
    'total',
    'capitals',
    'labourShare',
    'managementShare',
  ];
  if (model.purchaseByPost) keys.push('posts', 'postAmount', 'postDifference', 'labourPerPostYear');
  return keys;
}

export function summaryRows(model: BudgetModel): Map<SummaryKey, number> {
  return new Map(summaryKeys(model).map((k, i) => [k, SUMMARY_HEADER_ROW + 1 + i]));
}

export interface SummaryRefs {
  staffCols: StaffColumns;
  params: Map<ParamKey, number>;
}

interface Entry {
  label: string;
  value: CellValue;
  format?: string;
  note: string;
  strong?: boolean;
}

export interface SignOff {
  preparedBy?: string | undefined;
  date?: string | undefined;
  purchaser?: string | undefined;
  provider?: string | undefined;
  periodStart: string;
}

export function writeSummarySheet(ws: Worksheet, result: BudgetResult, refs: SummaryRefs, sign: SignOff): void {
  const model = result.model;
  const t = result.totals;
  const rows = summaryRows(model);
  const B = (k: SummaryKey) => `B${rows.get(k)!}`;
  const P = (k: ParamKey) => {
    const r = refs.params.get(k);
    if (r === undefined) throw new Error(`参数表缺少 ${k}`);
    return sheetRef(PARAMS, PARAMS_VALUE_COL, r);
  };
  const staffTotal = staffTotalRowOf(result);
  const S = (col: number) => sheetRef(STAFF, col, staffTotal);
  const staffRange = (col: number) => sheetRange(STAFF, col, STAFF_FIRST_ROW, staffTotal - 1);
  const levyTotals = refs.staffCols.levies.map((col) => S(col));

  const entries: Partial<Record<SummaryKey, Entry>> = {
    headcount: {
      label: '配备人数（人）',
      value: formula(S(refs.staffCols.count), t.headcount),
      format: COUNT_FORMAT,
      note: '人员经费明细“人数”合计（半职按 0.5 人）',
    },
    gross: { label: '应发工资', value: formula(S(refs.staffCols.gross), t.gross), note: '人员经费明细“应发工资”合计' },
    contributions: { label: '单位缴费（五险一金）', value: formula(S(refs.staffCols.contributions), t.contributions), note: '人员经费明细“单位缴费合计”' },
    levies: {
      label: '工会经费等计提',
      value: levyTotals.length ? formula(levyTotals.join('+'), t.levies) : 0,
      note: model.contributions.levies.map((l) => l.name).join('、') || '无',
    },
    labour: { label: '人员经费合计', value: formula(S(refs.staffCols.labour), t.labour), note: '应发工资 + 单位缴费 + 计提', strong: true },
    otherCosts: {
      label: '其他费用',
      value: formula(sheetRef(COSTS, COSTS_AMOUNT_COL, costsTotalRow(result.costs.length)), t.otherCosts),
      note: '其他费用明细合计',
    },
    direct: { label: '直接费用', value: formula(`${B('labour')}+${B('otherCosts')}`, t.direct), note: '人员经费 + 其他费用' },
    managementFee: {
      label: '管理费',
      value: formula(`ROUND(${B('direct')}*${P('managementRate')},2)`, t.managementFee),
      note: '直接费用 × 管理费率（参数表）',
    },
    subtotal: { label: '小计（不含税）', value: formula(`${B('direct')}+${B('managementFee')}`, t.subtotal), note: '直接费用 + 管理费' },
    tax:
      model.tax.method === 'gross-up'
        ? { label: '税费', value: formula(`${B('total')}-${B('subtotal')}`, t.tax), note: '合计 − 小计（增值税及附加）' }
        : { label: '税费', value: formula(`ROUND(${B('subtotal')}*${P('taxRate')},2)`, t.tax), note: '小计 × 综合税率' },
    total:
      model.tax.method === 'gross-up'
        ? {
            label: '预算总额（含税）',
            value: formula(`ROUND(${B('subtotal')}/(1-${P('vat')}/(1+${P('vat')})*(1+${P('surcharge')})),2)`, t.total),
            note: '小计 ÷ (1 − 增值税率 ÷ (1 + 增值税率) × (1 + 附加税费率))',
            strong: true,
          }
        : { label: '预算总额（含税）', value: formula(`${B('subtotal')}+${B('tax')}`, t.total), note: '小计 + 税费', strong: true },
    // text, not a formula: spreadsheets have no portable formula for 人民币大写 (see chineseCapitals.ts)
    capitals: { label: '人民币大写', value: rmbCapitals(t.total), note: '', strong: true },
    labourShare: {
      label: '人员经费占比',
      value: formula(`IF(${B('total')}=0,0,ROUND(${B('labour')}/${B('total')},4))`, result.labourShare),
      format: SHARE_FORMAT,
      note: '人员经费合计 ÷ 预算总额',
    },
    managementShare: {
      label: '管理费占比',
      value: formula(`IF(${B('total')}=0,0,ROUND(${B('managementFee')}/${B('total')},4))`, result.managementShare),
      format: SHARE_FORMAT,
      note: '管理费 ÷ 预算总额',
    },
    posts: undefined,
    postAmount: undefined,
    postDifference: undefined,
    labourPerPostYear: undefined,
  };
  const p = result.purchaseByPost;
  if (p) {
    const months = P('periodMonths');
    entries.posts = {
      label: '购买岗位数',
      value: refs.params.has('purchasedPosts') ? formula(P('purchasedPosts'), p.posts) : formula(B('headcount'), p.posts),
      format: COUNT_FORMAT,
      note: '参数表“购买岗位数”，未填时按配备人数',
    };
    entries.postAmount = {
      label: '按岗位购买金额',
      value: formula(`ROUND(${P('pricePerPostYear')}*${B('posts')}*${months}/12,2)`, p.amount),
      note: '岗位购买单价 × 岗位数 × 项目月数 ÷ 12',
    };
    entries.postDifference = {
      label: '岗位购买金额 − 人员经费',
      value: formula(`${B('postAmount')}-${B('labour')}`, p.difference),
      note: '正数表示岗位单价足以覆盖人力成本',
    };
    entries.labourPerPostYear = {
      label: '每岗每年人力成本',
      value: formula(`IF(${B('posts')}*${months}=0,0,ROUND(${B('labour')}*12/(${B('posts')}*${months}),2))`, p.labourPerPostYear),
      note: '人员经费合计 × 12 ÷ (岗位数 × 项目月数)',
    };
  }

  // 分年度: labour of each calendar year, the segments of that year on 人员经费明细 (spec v2)
  const years = new Map((result.years ?? []).map((y) => [y.year, y.labour]));
  for (const y of yearsOf(model)) {
    entries[`year${y}`] = {
      label: `其中：${y} 年度人员经费`,
      value: result.staff.length ? formula(`SUMIF(${staffRange(refs.staffCols.year)},${y},${staffRange(refs.staffCols.labour)})`, years.get(y)!) : 0,
      note: `人员经费明细中“年度”为 ${y} 的分段之和`,
    };
  }

  const keys = summaryKeys(model);
  const fit = new ColumnWidths([null, MONEY_FORMAT, null]).header(['项目', '金额（元）', '计算方法']);
  for (const key of keys) {
    const e = entries[key]!;
    fit.cell(1, e.label).cell(3, e.note);
    if (key !== 'capitals') fit.cell(2, e.value as Shown, e.format ?? MONEY_FORMAT); // the capitals take B and C
  }
  fit.cell(1, `编制人：${text(sign.preparedBy ?? '')}`).cell(3, `日期：${text(sign.date ?? '')}`);
  const widths = fit.widths([{ min: 16, max: 30 }, { min: 16 }, { min: 30, max: 56 }]);
  widths[2] = Math.max(widths[2]!, A4.landscape.across - widths[0]! - widths[1]!); // the notes fill the landscape page

  ws.columns = widths.map((width) => ({ width, style: { font: BODY_FONT } }));
  const title = ws.addRow([text(`${model.name} 预算汇总表`)]);
  title.height = titleRowHeight(title.getCell(1).text, widths);
  title.getCell(1).style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  ws.mergeCells(1, 1, 1, 3);
  title.commit();
  const info: [string, string][] = [
    ['购买主体', text(sign.purchaser ?? '')],
    ['承接主体', text(sign.provider ?? '')],
    ['项目周期', `${sign.periodStart} 起，共 ${model.periodMonths} 个月`],
  ];
  for (const [label, value] of info) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = HEADER_FONT;
    ws.mergeCells(row.number, 2, row.number, 3);
    row.commit();
  }
  const header = ws.addRow(['项目', '金额（元）', '计算方法']);
  header.eachCell((cell) => {
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center', vertical: 'middle' } };
  });
  header.commit();

  for (const key of keys) {
    const e = entries[key]!;
    const row = ws.addRow([e.label, e.value, e.note]);
    row.height = 20;
    for (let c = 1; c <= 3; c++) {
      const cell = row.getCell(c);
      cell.border = GRID;
      cell.font = e.strong ? HEADER_FONT : BODY_FONT;
      cell.alignment = { vertical: 'middle', wrapText: c === 3 };
      if (e.strong) cell.fill = TOTAL_FILL;
    }
    row.getCell(2).numFmt = e.format ?? MONEY_FORMAT;
    if (key === 'capitals') {
      // the capitals are long: they take the note's column too
      row.getCell(2).alignment = { horizontal: 'left', vertical: 'middle' };
      ws.mergeCells(row.number, 2, row.number, 3);
    }
    row.commit();
  }

  ws.addRow([]).commit();
  const counts = { error: 0, warning: 0, info: 0 };
  for (const c of result.checks) counts[c.level]++;
  const verdict =
    counts.error + counts.warning + counts.info === 0
      ? '未发现问题'
      : `不符合 ${counts.error} 项、警告 ${counts.warning} 项、提示 ${counts.info} 项，详见“合规检查”表`;
  const checks = ws.addRow(['合规检查', verdict]);
  checks.getCell(1).font = HEADER_FONT;
  ws.mergeCells(checks.number, 2, checks.number, 3);
  checks.commit();
  ws.addRow([]).commit();
  const signRow = ws.addRow([`编制人：${text(sign.preparedBy ?? '')}`, '审核人：', `日期：${text(sign.date ?? '')}`]);
  signRow.height = 28;
  signRow.eachCell((cell) => (cell.style = { font: HEADER_FONT, alignment: { vertical: 'bottom' } }));
  signRow.commit();
}

/**
 * The social-work posts as a formula over 人员经费明细: the lines (rows with a 序号) not marked 非社工岗 — the count the
 * 70 % rule (珠海方案 item 3) compares with the head count.
 */
export function socialWorkPostsFormula(result: BudgetResult, cols: StaffColumns): string {
  const total = staffTotalRowOf(result);
  const range = (col: number) => sheetRange(STAFF, col, STAFF_FIRST_ROW, total - 1);
  if (!result.staff.length) return '0';
  if (!cols.nonSocialWork) return sheetRef(STAFF, cols.count, total);
  return `SUMIFS(${range(cols.count)},${range(cols.index)},">0",${range(cols.nonSocialWork)},"<>是")`;
}
