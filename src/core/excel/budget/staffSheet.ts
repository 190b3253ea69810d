import type ExcelJS from 'exceljs';
import type { CellValue, Style, Worksheet } from 'exceljs';
import type { BudgetResult } from '../../budget/compute';
import type { StaffLineResult } from '../../budget/staffCost';
import { cellKey } from '../../guides/distinctCells';
import { ZERO, type Decimal, add } from '../../money/decimal';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, cellAddress, columnLetter, formula, num, sheetRef, text, wrappedLines } from '../cells';
import { BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, TITLE_FONT, TOTAL_FILL, printAcross, setWidths } from '../print';
import { type RawCell, RawRows } from '../rawRows';
import type { GuidePlan } from './guideSheet';
import { GUIDE_MONTHLY_COL, allowanceKey } from './guideSheet';
import { PARAMS_VALUE_COL, type ParamKey } from './paramsSheet';
import { GUIDE, PARAMS } from './sheetNames';

/**
 * 人员经费明细: one row per staff line, every amount a formula in the core's order (staffCost.ts):
 *   月薪 = 约定月薪, or 指导价 + 持证津贴 + 其他月度项目
 *   应发工资 = ROUND(月薪 × 人数 × (月数 + 额外月数), 2) + ROUND(一次性津贴 × 人数, 2)
 *   缴费基数 = MIN(MAX(月薪, 下限), 上限)
 *   item_i = ROUND(缴费基数 × 费率_i, 2 or 0)                   per person-month
 *   单位缴费 = ROUND(Σ item_i × 人数 × 月数, 2)
 *   levy_j = ROUND(应发工资 × 费率_j, 2)
 *   人员经费 = 应发工资 + 单位缴费 + Σ levy_j
 */
export const STAFF_FIRST_ROW = 3;

export interface StaffColumns {
  index: number;
  post: number;
  grade: number;
  step: number;
  qualification: number;
  count: number;
  months: number;
  bonusMonths: number;
  guideMonthly: number;
  allowance: number;
  extras: number;
  override: number;
  monthly: number;
  oneOff: number;
  gross: number;
  base: number;
  items: number[];
  perMonth: number;
  contributions: number;
  levies: number[];
  labour: number;
  note: number;
  last: number;
}

/** Optional columns appear only when some line uses them, so the sheet prints as large as it can. */
export interface StaffOptionalColumns {
  extras: boolean; // 其他月度项目
  override: boolean; // 约定月薪
  oneOff: boolean; // 一次性津贴
  note: boolean; // 备注
}

export function optionalColumns(result: BudgetResult): StaffOptionalColumns {
  const lines = result.staff;
  return {
    extras: lines.some((l) => l.input.extrasMonthly.units !== 0n),
    override: lines.some((l) => l.input.override !== null),
    oneOff: lines.some((l) => l.input.oneOffAllowance.units !== 0n),
    note: lines.some((l) => (l.input.note ?? '') !== ''),
  };
}

/** Column numbers; 0 for an optional column that is left out. */
export function staffColumns(itemCount: number, levyCount: number, optional: StaffOptionalColumns): StaffColumns {
  let c = 10; // 序号 … 持证津贴 are always there
  const maybe = (present: boolean) => (present ? ++c : 0);
  const extras = maybe(optional.extras);
  const override = maybe(optional.override);
  const monthly = ++c;
  const oneOff = maybe(optional.oneOff);
  const gross = ++c;
  const base = ++c;
  const items = Array.from({ length: itemCount }, () => ++c);
  const perMonth = ++c;
  const contributions = ++c;
  const levies = Array.from({ length: levyCount }, () => ++c);
  const labour = ++c;
  const note = maybe(optional.note);
  return {
    index: 1,
    post: 2,
    grade: 3,
    step: 4,
    qualification: 5,
    count: 6,
    months: 7,
    bonusMonths: 8,
    guideMonthly: 9,
    allowance: 10,
    extras,
    override,
    monthly,
    oneOff,
    gross,
    base,
    items,
    perMonth,
    contributions,
    levies,
    labour,
    note,
    last: c,
  };
}

/** the row of the 合计 line */
export const staffTotalRow = (lines: number) => STAFF_FIRST_ROW + lines;

export interface StaffSheetRefs {
  cols: StaffColumns;
  guide: GuidePlan;
  params: Map<ParamKey, number>;
}

const paramRefCache = new WeakMap<StaffSheetRefs, Map<ParamKey, string>>();

/** `'参数'!$B$n`, built once per key: every row of a 100,000-line sheet uses the same few. */
function paramRef(refs: StaffSheetRefs, key: ParamKey): string {
  let cache = paramRefCache.get(refs);
  if (!cache) paramRefCache.set(refs, (cache = new Map()));
  let ref = cache.get(key);
  if (ref === undefined) {
    const row = refs.params.get(key);
    if (row === undefined) throw new Error(`参数表缺少 ${key}`);
    cache.set(key, (ref = sheetRef(PARAMS, PARAMS_VALUE_COL, row)));
  }
  return ref;
}

/** The guide sheet cells a staff line's allowance comes from: summed, as the core sums them. */
function allowanceCell(refs: StaffSheetRefs, kind: 'monthly' | 'oneOff', qualification: string | undefined, value: Decimal): RawCell {
  const rows = qualification === undefined ? undefined : refs.guide.allowanceRows.get(allowanceKey(kind, qualification));
  if (!rows) return 0;
  return formula(rows.map((r) => sheetRef(GUIDE, GUIDE_MONTHLY_COL, r)).join('+'), value);
}

function lineValues(line: StaffLineResult, index: number, r: number, refs: StaffSheetRefs, includesFlag: string | null, itemPlaces: number[]): RawCell[] {
  const c = refs.cols;
  const s = line.input;
  const A = (col: number) => cellAddress(col, r);
  const v: RawCell[] = new Array(c.last).fill(null);
  const set = (col: number, value: RawCell) => {
    if (col > 0) v[col - 1] = value;
  };
  set(c.index, index + 1);
  set(c.post, text(s.post));
  set(c.grade, text(s.grade));
  set(c.step, s.step);
  set(c.qualification, text(s.qualification ?? ''));
  set(c.count, num(s.count));
  set(c.months, num(s.months));
  set(c.bonusMonths, num(s.bonusMonths));
  const guideRow = refs.guide.cellRows.get(cellKey(s.post, s.grade, s.step));
  if (s.guideMonthly !== null && guideRow !== undefined) set(c.guideMonthly, formula(sheetRef(GUIDE, GUIDE_MONTHLY_COL, guideRow), s.guideMonthly));
  set(c.allowance, allowanceCell(refs, 'monthly', s.qualification, s.allowanceMonthly));
  set(c.extras, num(s.extrasMonthly));
  if (s.override !== null) set(c.override, num(s.override));
  set(
    c.monthly,
    s.override !== null
      ? formula(A(c.override), line.monthly)
      : formula(`${A(c.guideMonthly)}+${A(c.allowance)}${c.extras ? `+${A(c.extras)}` : ''}`, line.monthly),
  );
  set(c.oneOff, allowanceCell(refs, 'oneOff', s.qualification, s.oneOffAllowance));
  set(
    c.gross,
    formula(
      `ROUND(${A(c.monthly)}*${A(c.count)}*(${A(c.months)}+${A(c.bonusMonths)}),2)${c.oneOff ? `+ROUND(${A(c.oneOff)}*${A(c.count)},2)` : ''}`,
      line.gross,
    ),
  );
  set(c.base, formula(`MIN(MAX(${A(c.monthly)},${paramRef(refs, 'floor')}),${paramRef(refs, 'ceiling')})`, line.base));
  // a guide whose amounts already include the employer's cost adds no contributions or levies on top
  const unlessIncluded = (f: string) => (includesFlag ? `IF(${includesFlag}=1,0,${f})` : f);
  c.items.forEach((col, i) => {
    set(col, formula(unlessIncluded(`ROUND(${A(c.base)}*${paramRef(refs, `item${i}`)},${itemPlaces[i]})`), line.itemsPerMonth[i]!));
  });
  set(c.perMonth, c.items.length ? formula(`SUM(${A(c.items[0]!)}:${A(c.items[c.items.length - 1]!)})`, line.contributionsPerMonth) : 0);
  set(c.contributions, formula(`ROUND(${A(c.perMonth)}*${A(c.count)}*${A(c.months)},2)`, line.contributions));
  c.levies.forEach((col, j) => {
    set(col, formula(unlessIncluded(`ROUND(${A(c.gross)}*${paramRef(refs, `levy${j}`)},2)`), line.levyAmounts[j]!));
  });
  const levySum = c.levies.map((col) => `+${A(col)}`).join('');
  set(c.labour, formula(`${A(c.gross)}+${A(c.contributions)}${levySum}`, line.labour));
  set(c.note, text(s.note ?? ''));
  return v;
}

const MONEY_KEYS = ['guideMonthly', 'allowance', 'extras', 'override', 'monthly', 'oneOff', 'gross', 'base', 'perMonth', 'contributions', 'labour'] as const;

/**
 * Widths from every line's amounts (only each column's extremes are kept, so 100,000 lines cost a
 * few comparisons each) and the totals; names and notes from the first 500 lines, since a long
 * name only runs into the next cell. A money header wraps onto more lines rather than widen its column.
 */
function staffWidths(result: BudgetResult, c: StaffColumns, headers: string[], formats: string[], levyTotals: readonly Decimal[]): number[] {
  const fit = new ColumnWidths(formats).header(headers);
  result.staff.forEach((line, i) => {
    const s = line.input;
    if (i < 500) {
      fit
        .cell(c.post, s.post)
        .cell(c.grade, s.grade)
        .cell(c.qualification, s.qualification ?? '');
      if (c.note) fit.cell(c.note, s.note ?? '');
    }
    fit.cell(c.step, s.step).cell(c.count, s.count).cell(c.months, s.months).cell(c.bonusMonths, s.bonusMonths);
    if (s.guideMonthly !== null) fit.cell(c.guideMonthly, s.guideMonthly);
    fit.cell(c.allowance, s.allowanceMonthly).cell(c.monthly, line.monthly).cell(c.gross, line.gross).cell(c.base, line.base);
    if (c.extras) fit.cell(c.extras, s.extrasMonthly);
    if (c.override && s.override !== null) fit.cell(c.override, s.override);
    if (c.oneOff) fit.cell(c.oneOff, s.oneOffAllowance);
    c.items.forEach((col, k) => fit.cell(col, line.itemsPerMonth[k]));
    fit.cell(c.perMonth, line.contributionsPerMonth).cell(c.contributions, line.contributions).cell(c.labour, line.labour);
    c.levies.forEach((col, j) => fit.cell(col, line.levyAmounts[j]));
  });
  const t = result.totals;
  fit.cell(c.index, result.staff.length).cell(c.post, '合计').cell(c.count, t.headcount).cell(c.gross, t.gross);
  fit.cell(c.contributions, t.contributions).cell(c.labour, t.labour);
  c.levies.forEach((col, j) => fit.cell(col, levyTotals[j]));
  const bounds = headers.map((_, i) => (formats[i] === MONEY_FORMAT ? { min: 8, max: 10 } : { min: 4, max: i + 1 === c.note ? 30 : 24 }));
  return fit.widths(bounds);
}

export function writeStaffSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: Worksheet, result: BudgetResult, refs: StaffSheetRefs, title: string): void {
  const c = refs.cols;
  const model = result.model;
  // 住房公积金 is often rounded to the yuan: ROUND(…,0)
  const itemPlaces = model.contributions.items.map((it) => (it.round === 'yuan' ? 0 : 2));
  const includesFlag = model.guideIncludes === 'employerCost' ? paramRef(refs, 'includesEmployerCost') : null;

  const headers: string[] = new Array(c.last).fill('');
  const put = (col: number, h: string) => {
    if (col > 0) headers[col - 1] = h;
  };
  put(c.index, '序号');
  put(c.post, '岗位');
  put(c.grade, '等级');
  put(c.step, '档次');
  put(c.qualification, '持证等级');
  put(c.count, '人数');
  put(c.months, '月数');
  put(c.bonusMonths, '额外\n月数');
  put(c.guideMonthly, '指导价\n（元/月）');
  put(c.allowance, '持证津贴\n（元/月）');
  put(c.extras, '其他月度\n项目（元）');
  put(c.override, '约定月薪\n（元）');
  put(c.monthly, '月薪\n（元）');
  put(c.oneOff, '一次性津贴\n（元/人）');
  put(c.gross, '应发工资\n（元）');
  put(c.base, '缴费基数\n（元/月）');
  model.contributions.items.forEach((it, i) => put(c.items[i]!, `${it.name}\n（每人每月）`));
  put(c.perMonth, '单位缴费\n（每人每月）');
  put(c.contributions, '单位缴费\n合计（元）');
  model.contributions.levies.forEach((lv, j) => put(c.levies[j]!, `${lv.name}\n（元）`));
  put(c.labour, '人员经费\n（元）');
  put(c.note, '备注');

  const moneyCols = new Set<number>([...MONEY_KEYS.map((k) => c[k]), ...c.items, ...c.levies]);
  const formats = headers.map((_, i) => (moneyCols.has(i + 1) ? MONEY_FORMAT : COUNT_FORMAT));
  const levyTotals = c.levies.map((_, j) => result.staff.reduce((acc, l) => add(acc, l.levyAmounts[j]!), ZERO));
  const widths = staffWidths(result, c, headers, formats, levyTotals);
  setWidths(ws, widths);
  printAcross(ws, widths, { keyColumns: c.grade, firstRow: 2, lastRow: staffTotalRow(result.staff.length), title });
  // one style object per column, shared by every cell: exceljs numbers a style it has seen by identity,
  // so a 100,000-row sheet costs one lookup per cell instead of a deep copy and a serialisation
  const styles: Partial<Style>[] = formats.map((numFmt) => ({ font: BODY_FONT, border: GRID, numFmt }));

  const t = ws.addRow([text(title)]);
  t.height = 24;
  t.getCell(1).style = { font: TITLE_FONT };
  ws.mergeCells(1, 1, 1, c.last);
  t.commit();
  const h = ws.addRow(headers);
  h.height = 4 + 13 * Math.max(2, ...headers.map((x, i) => wrappedLines(x, widths[i]!)));
  h.eachCell((cell) => {
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  h.commit();

  const raw = new RawRows(wb, ws, styles);
  result.staff.forEach((line, i) => raw.write(lineValues(line, i, STAFF_FIRST_ROW + i, refs, includesFlag, itemPlaces)));
  raw.finish();

  const total = staffTotalRow(result.staff.length);
  const last = total - 1;
  const t0 = result.totals;
  const sumCol = (col: number, value: Decimal): CellValue =>
    result.staff.length ? formula(`SUM(${columnLetter(col)}${STAFF_FIRST_ROW}:${columnLetter(col)}${last})`, value) : 0;
  const tv: CellValue[] = new Array(c.last).fill(null);
  tv[c.post - 1] = '合计';
  tv[c.count - 1] = sumCol(c.count, t0.headcount);
  tv[c.gross - 1] = sumCol(c.gross, t0.gross);
  tv[c.contributions - 1] = sumCol(c.contributions, t0.contributions);
  c.levies.forEach((col, j) => (tv[col - 1] = sumCol(col, levyTotals[j]!)));
  tv[c.labour - 1] = sumCol(c.labour, t0.labour);
  const tr = ws.addRow(tv);
  for (let col = 1; col <= c.last; col++) tr.getCell(col).style = { ...styles[col - 1]!, font: HEADER_FONT, fill: TOTAL_FILL };
  tr.commit();
}
