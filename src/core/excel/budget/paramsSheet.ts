import type { Worksheet } from 'exceljs';
import { type Decimal, fromInteger } from '../../money/decimal';
import type { BudgetModel, ContributionsInput } from '../../budget/model';
import { ColumnWidths, MONEY_FORMAT, RATE_FORMAT, num, text, wrappedLines } from '../cells';
import { BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, ROW_HEIGHT, TITLE_FONT, onePageIfShort, setWidths, titleRowHeight } from '../print';

/**
 * 参数: every rate, base limit and rule the formulas use, one per row (label | value | how it is used),
 * so an auditor changes a rate here and sees the whole workbook follow. A spec v2 budget with several contribution
 * sets lists each set's parameters under its date; the first set's keep their plain keys, the k-th's end in `@k`.
 */
/** The parameters of one contribution set. */
export type SetParamKey = 'floor' | 'ceiling' | `item${number}` | `itemFloor${number}` | `itemCeiling${number}` | `levy${number}`;

/** The key of a set's parameter: plain for the first set, `floor@2` for the third. */
export const setParam = (key: SetParamKey, set: number): ParamKey => (set === 0 ? key : `${key}@${set}`);

export type ParamKey =
  | SetParamKey
  | `${SetParamKey}@${number}`
  | 'includesEmployerCost'
  | 'managementRate'
  | 'periodMonths'
  | 'vat'
  | 'surcharge'
  | 'taxRate'
  | 'minLabourShare'
  | 'maxManagementShare'
  | 'postsMin'
  | 'postsMax'
  | 'pricePerPostYear'
  | 'purchasedPosts'
  | 'minSocialWorkPostShare';

export type ParamEntry =
  | { kind: 'section'; label: string }
  | { kind: 'value'; key?: ParamKey; label: string; value: Decimal | string; format?: 'money' | 'rate' | 'count'; note?: string };

export const PARAMS_FIRST_ROW = 3;
/** value column: formulas elsewhere reference `'参数'!$B$n` */
export const PARAMS_VALUE_COL = 2;

/** One contribution set's rows: name, base limits (then `afterLimits`), items (with their own limits), levies. */
function setEntries(c: ContributionsInput, k: number, several: boolean, afterLimits: ParamEntry[]): ParamEntry[] {
  const from = several && c.effective ? `（自 ${c.effective} 起）` : '';
  const out: ParamEntry[] = [
    { kind: 'section', label: `单位缴费参数${from}` },
    { kind: 'value', label: '缴费参数', value: [c.city, c.name].filter(Boolean).join(' ') || '（预算文件中给出）' },
    { kind: 'value', key: setParam('floor', k), label: '缴费基数下限（元/月）', value: c.floor, format: 'money', note: '月薪低于下限时按下限缴费' },
    { kind: 'value', key: setParam('ceiling', k), label: '缴费基数上限（元/月）', value: c.ceiling, format: 'money', note: '月薪高于上限时按上限缴费' },
  ];
  out.push(...afterLimits);
  out.push({ kind: 'section', label: `单位缴费项目（缴费基数 × 费率，每人每月）${from}` });
  c.items.forEach((it, i) => {
    out.push({
      kind: 'value',
      key: setParam(`item${i}`, k),
      label: it.name,
      value: it.rate,
      format: 'rate',
      note: it.round === 'yuan' ? '每人每月四舍五入到元' : '每人每月四舍五入到分',
    });
    // an item's own base limits replace the set's for that item
    if (it.floor !== undefined) {
      out.push({
        kind: 'value',
        key: setParam(`itemFloor${i}`, k),
        label: `${it.name}缴费基数下限（元/月）`,
        value: it.floor,
        format: 'money',
        note: '本项单独的下限',
      });
    }
    if (it.ceiling !== undefined) {
      out.push({
        kind: 'value',
        key: setParam(`itemCeiling${i}`, k),
        label: `${it.name}缴费基数上限（元/月）`,
        value: it.ceiling,
        format: 'money',
        note: '本项单独的上限',
      });
    }
  });
  // a set with no levy still has its heading (the rows keep their places for review), saying there is none
  out.push({ kind: 'section', label: `按应发工资计提${from}${c.levies.length === 0 ? '：无' : ''}` });
  c.levies.forEach((lv, j) => {
    out.push({ kind: 'value', key: setParam(`levy${j}`, k), label: lv.name, value: lv.rate, format: 'rate', note: '应发工资 × 费率，四舍五入到分' });
  });
  return out;
}

export function paramEntries(model: BudgetModel, meta: { periodStart: string }): ParamEntry[] {
  const sets = model.contributionSets ?? [model.contributions];
  const includes: ParamEntry = {
    kind: 'value',
    key: 'includesEmployerCost',
    label: '指导价金额已含单位缴费（1=是，0=否）',
    value: fromInteger(model.guideIncludes === 'employerCost' ? 1 : 0),
    format: 'count',
    note: '为 1 时不另计单位缴费和工会经费',
  };
  const out: ParamEntry[] = [
    ...sets.flatMap((c, k) => setEntries(c, k, sets.length > 1, k === 0 ? [includes] : [])),
    { kind: 'section', label: '管理费与税费' },
    { kind: 'value', key: 'managementRate', label: '管理费率', value: model.managementRate, format: 'rate', note: '直接费用 × 管理费率' },
    { kind: 'value', label: '项目起始月份', value: meta.periodStart },
    { kind: 'value', key: 'periodMonths', label: '项目月数', value: fromInteger(model.periodMonths), format: 'count' },
  ];
  if (model.tax.method === 'gross-up') {
    out.push(
      { kind: 'value', label: '计税方法', value: '价内含税倒算', note: '合计 = 小计 ÷ (1 − 增值税率 ÷ (1 + 增值税率) × (1 + 附加税费率))' },
      { kind: 'value', key: 'vat', label: '增值税征收率', value: model.tax.vat, format: 'rate' },
      {
        kind: 'value',
        key: 'surcharge',
        label: '附加税费率（以增值税为基数）',
        value: model.tax.surcharge,
        format: 'rate',
        note: '城建税、教育费附加、地方教育附加',
      },
    );
  } else {
    out.push(
      { kind: 'value', label: '计税方法', value: '按综合税率计算', note: '税费 = 小计 × 综合税率' },
      { kind: 'value', key: 'taxRate', label: '综合税率', value: model.tax.rate, format: 'rate' },
    );
  }
  const r = model.rules;
  if (r.minLabourShare !== undefined || r.maxManagementShare !== undefined || r.posts || r.minSocialWorkPostShare !== undefined)
    out.push({ kind: 'section', label: '购买方规则' });
  if (r.minLabourShare !== undefined) out.push({ kind: 'value', key: 'minLabourShare', label: '人员经费占比下限', value: r.minLabourShare, format: 'rate' });
  if (r.maxManagementShare !== undefined)
    out.push({ kind: 'value', key: 'maxManagementShare', label: '管理费占比上限', value: r.maxManagementShare, format: 'rate' });
  if (r.minSocialWorkPostShare !== undefined) {
    out.push({
      kind: 'value',
      key: 'minSocialWorkPostShare',
      label: '社工专业岗位占比下限',
      value: r.minSocialWorkPostShare,
      format: 'rate',
      note: '社工专业岗位数 ≥ 下限 × 岗位总数（非社工岗不计入社工专业岗位）',
    });
  }
  if (r.posts) {
    out.push(
      { kind: 'value', key: 'postsMin', label: `岗位测算人数下限${r.posts.label ? `（${r.posts.label}）` : ''}`, value: r.posts.min, format: 'count' },
      { kind: 'value', key: 'postsMax', label: '岗位测算人数上限', value: r.posts.max, format: 'count' },
    );
  }
  if (model.purchaseByPost) {
    out.push(
      { kind: 'section', label: '岗位购买对照' },
      { kind: 'value', key: 'pricePerPostYear', label: '岗位购买单价（元/岗/年）', value: model.purchaseByPost.pricePerPostYear, format: 'money' },
    );
    if (model.purchaseByPost.posts !== undefined) {
      out.push({ kind: 'value', key: 'purchasedPosts', label: '购买岗位数', value: model.purchaseByPost.posts, format: 'count', note: '未填时按配备人数' });
    }
  }
  return out;
}

/** key → row number of its value cell */
export function paramRows(entries: ParamEntry[]): Map<ParamKey, number> {
  const rows = new Map<ParamKey, number>();
  entries.forEach((e, i) => {
    if (e.kind === 'value' && e.key) rows.set(e.key, PARAMS_FIRST_ROW + i);
  });
  return rows;
}

const FORMATS = { money: MONEY_FORMAT, rate: RATE_FORMAT, count: 'General' } as const;

export function writeParamsSheet(ws: Worksheet, entries: ParamEntry[], title: string): void {
  const fit = new ColumnWidths([null, null, null]).header(['参数', '取值', '说明']);
  for (const e of entries) {
    if (e.kind === 'section') continue; // a section title runs on across the empty cells beside it
    fit
      .cell(1, e.label)
      .cell(2, e.value, e.format ? FORMATS[e.format] : null)
      .cell(3, e.note ?? '');
  }
  const widths = fit.widths([
    { min: 16, max: 40 },
    { min: 10, max: 24 },
    { min: 20, max: 50 },
  ]);
  setWidths(ws, widths);
  const t = ws.addRow([text(title)]);
  t.height = titleRowHeight(title, widths);
  t.getCell(1).style = { font: TITLE_FONT, alignment: { vertical: 'middle', wrapText: true } };
  ws.mergeCells(1, 1, 1, 3);
  t.commit();
  const h = ws.addRow(['参数', '取值', '说明']);
  h.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = GRID;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  h.commit();
  const heights = [t.height, ROW_HEIGHT];
  for (const e of entries) {
    if (e.kind === 'section') {
      const row = ws.addRow([e.label]);
      row.getCell(1).font = HEADER_FONT;
      row.commit();
      heights.push(ROW_HEIGHT);
      continue;
    }
    const value = typeof e.value === 'string' ? text(e.value) : num(e.value);
    const row = ws.addRow([text(e.label), value, text(e.note ?? '')]);
    for (let c = 1; c <= 3; c++) {
      const cell = row.getCell(c);
      cell.font = BODY_FONT;
      cell.border = GRID;
    }
    if (e.format) row.getCell(2).numFmt = FORMATS[e.format];
    // a number to the right; a text (the contribution set's name, the tax method) wraps in its cell rather
    // than run into the label beside it
    row.getCell(2).alignment = typeof value === 'string' ? { wrapText: true, vertical: 'middle' } : { horizontal: 'right', vertical: 'middle' };
    row.getCell(1).alignment = { vertical: 'middle' };
    row.getCell(3).alignment = { wrapText: true, vertical: 'middle' };
    const lines = Math.max(typeof value === 'string' ? wrappedLines(value, widths[1]!) : 1, wrappedLines(e.note ?? '', widths[2]!));
    if (lines > 1) row.height = 15 * lines;
    heights.push(Math.max(ROW_HEIGHT, row.height ?? 0));
    row.commit();
  }
  onePageIfShort(ws, heights);
}
