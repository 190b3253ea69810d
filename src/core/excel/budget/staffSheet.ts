import type ExcelJS from 'exceljs';
import type { CellValue, Style, Worksheet } from 'exceljs';
import type { BudgetResult } from '../../budget/compute';
import { ceilWhole } from '../../budget/ceiling';
import type { ContributionItemInput } from '../../budget/model';
import type { StaffLineResult } from '../../budget/staffCost';
import { cellKey } from '../../guides/distinctCells';
import { ZERO, type Decimal, add } from '../../money/decimal';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, cellAddress, columnLetter, formula, num, sheetRef, text, wrappedLines } from '../cells';
import { BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, TITLE_FONT, TOTAL_FILL, printAcross, setWidths } from '../print';
import { type RawCell, RawRows } from '../rawRows';
import type { GuideBlockPlan, GuidePlan } from './guideSheet';
import { GUIDE_MONTHLY_COL, allowanceKey } from './guideSheet';
import { PARAMS_VALUE_COL, type ParamKey, type SetParamKey, setParam } from './paramsSheet';
import { GUIDE, PARAMS } from './sheetNames';

/**
 * 人员经费明细: one row per staff line, every amount a formula in the core's order (staffCost.ts):
 *   月薪 = 约定月薪, or 指导价 + 持证津贴 + 其他月度项目
 *   应发工资 = ROUND(月薪 × 人数 × (月数 + 额外月数), 2) + ROUND(一次性津贴 × 人数, 2)
 *   缴费基数 = MIN(MAX(月薪, 下限), 上限)
 *   item_i = ROUND(缴费基数 × 费率_i, 2), or to the yuan ROUND(ROUND(缴费基数 × 费率_i, 6), 0)   per person-month
 *   单位缴费 = ROUND(Σ item_i × 人数 × 月数, 2)
 *   levy_j = ROUND(应发工资 × 费率_j, 2)
 *   人员经费 = 应发工资 + 单位缴费 + Σ levy_j
 * An item with its own base limits: item_i = ROUND(MIN(MAX(月薪, 本项下限), 本项上限) × 费率_i, 2 or 0).
 *
 * Spec v2 (docs/design.md §Excel workbooks): each line is a row of its own — identity, 人数, 月数 and its amounts as
 * SUMs of the rows below it — followed by one row per segment (期间, 年度), each priced as above with its guide
 * version's cells and its contribution set's parameters; 人数 of a segment row refers to its line's. The 合计 row adds
 * the segment rows (SUMIF 年度 > 0) and the lines' 人数 (SUMIF 序号 > 0), so nothing is counted twice.
 */
export const STAFF_FIRST_ROW = 3;

export interface StaffColumns {
  index: number;
  post: number;
  grade: number;
  step: number;
  qualification: number;
  /** 非社工岗 marker; 0 when no line is one */
  nonSocialWork: number;
  count: number;
  /** spec v2: 期间 and 年度 of each segment row; 0 otherwise */
  period: number;
  year: number;
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
  nonSocialWork?: boolean; // 非社工岗
  segments?: boolean; // spec v2: 期间, 年度 and a row per segment
}

export function optionalColumns(result: BudgetResult): StaffOptionalColumns {
  const lines = result.staff;
  return {
    extras: lines.some((l) => l.input.extrasMonthly.units !== 0n),
    override: lines.some((l) => l.input.override !== null),
    oneOff: lines.some((l) => l.input.oneOffAllowance.units !== 0n),
    note: lines.some((l) => (l.input.note ?? '') !== ''),
    nonSocialWork: lines.some((l) => l.input.nonSocialWork === true),
    segments: result.model.timeline !== undefined,
  };
}

/** Column numbers; 0 for an optional column that is left out. */
export function staffColumns(itemCount: number, levyCount: number, optional: StaffOptionalColumns): StaffColumns {
  // 序号 … 持证津贴 are always there; without the optional ones they are columns 1 to 10
  let c = 0;
  const maybe = (present: boolean | undefined) => (present ? ++c : 0);
  const index = ++c;
  const post = ++c;
  const grade = ++c;
  const step = ++c;
  const qualification = ++c;
  const nonSocialWork = maybe(optional.nonSocialWork);
  const count = ++c;
  const period = maybe(optional.segments);
  const year = maybe(optional.segments);
  const months = ++c;
  const bonusMonths = ++c;
  const guideMonthly = ++c;
  const allowance = ++c;
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
    index,
    post,
    grade,
    step,
    qualification,
    nonSocialWork,
    count,
    period,
    year,
    months,
    bonusMonths,
    guideMonthly,
    allowance,
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

/** the row of the 合计 line, for a sheet of `rows` rows of lines (one per line, spec v1) */
export const staffTotalRow = (rows: number) => STAFF_FIRST_ROW + rows;

/** the rows of lines: one per line, and for spec v2 one more per segment */
export function staffRowCount(result: BudgetResult): number {
  let rows = result.staff.length;
  for (const line of result.staff) rows += line.segments?.length ?? 0;
  return rows;
}

/** the 合计 row of a budget's sheet */
export const staffTotalRowOf = (result: BudgetResult) => staffTotalRow(staffRowCount(result));

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
function allowanceCell(block: GuideBlockPlan, kind: 'monthly' | 'oneOff', qualification: string | undefined, value: Decimal): RawCell {
  const rows = qualification === undefined ? undefined : block.allowanceRows.get(allowanceKey(kind, qualification));
  if (!rows) return 0;
  return formula(rows.map((r) => sheetRef(GUIDE, GUIDE_MONTHLY_COL, r)).join('+'), value);
}

/** Where a priced row takes its guide cells and parameters from, and what it shows of the line. */
interface RowSource {
  /** the guide version's block on 薪酬指导价 */
  block: GuideBlockPlan;
  /** the contribution set (index into the model's sets) */
  set: number;
  /** 序号, or null on a segment row */
  index: number | null;
  /** a segment row's 人数 refers to its line's row */
  countRow: number | null;
  period: string | null;
  year: number | null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "2027-07" and n months → "2027-07 至 2027-12" (a part month counts as its month) */
function monthSpan(start: string, months: Decimal): string {
  const whole = Number(ceilWhole(months));
  const k = Number(start.slice(5, 7)) - 1 + whole - 1;
  const end = `${Number(start.slice(0, 4)) + Math.floor(k / 12)}-${pad2((k % 12) + 1)}`;
  return whole <= 1 ? start : `${start} 至 ${end}`;
}

function lineValues(
  line: StaffLineResult,
  r: number,
  refs: StaffSheetRefs,
  includesFlag: string | null,
  itemPlaces: number[],
  from: RowSource,
  items: ContributionItemInput[],
): RawCell[] {
  const c = refs.cols;
  const s = line.input;
  const A = (col: number) => cellAddress(col, r);
  const P = (key: SetParamKey) => paramRef(refs, setParam(key, from.set));
  const v: RawCell[] = new Array(c.last).fill(null);
  const set = (col: number, value: RawCell) => {
    if (col > 0) v[col - 1] = value;
  };
  if (from.index !== null) {
    set(c.index, from.index);
    set(c.post, text(s.post));
    set(c.grade, text(s.grade));
    set(c.step, s.step);
    set(c.qualification, text(s.qualification ?? ''));
    set(c.nonSocialWork, s.nonSocialWork ? '是' : '');
  }
  set(c.count, from.countRow === null ? num(s.count) : formula(cellAddress(c.count, from.countRow), s.count));
  if (from.period !== null) set(c.period, from.period);
  if (from.year !== null) set(c.year, from.year);
  set(c.months, num(s.months));
  set(c.bonusMonths, num(s.bonusMonths));
  const guideRow = from.block.cellRows.get(cellKey(s.post, s.grade, s.step));
  if (s.guideMonthly !== null && guideRow !== undefined) set(c.guideMonthly, formula(sheetRef(GUIDE, GUIDE_MONTHLY_COL, guideRow), s.guideMonthly));
  set(c.allowance, allowanceCell(from.block, 'monthly', s.qualification, s.allowanceMonthly));
  set(c.extras, num(s.extrasMonthly));
  if (s.override !== null) set(c.override, num(s.override));
  set(
    c.monthly,
    s.override !== null
      ? formula(A(c.override), line.monthly)
      : formula(`${A(c.guideMonthly)}+${A(c.allowance)}${c.extras ? `+${A(c.extras)}` : ''}`, line.monthly),
  );
  // a one-off allowance is paid in a line's first segment only (segments.ts)
  set(c.oneOff, s.oneOffAllowance.units === 0n ? 0 : allowanceCell(from.block, 'oneOff', s.qualification, s.oneOffAllowance));
  set(
    c.gross,
    formula(
      `ROUND(${A(c.monthly)}*${A(c.count)}*(${A(c.months)}+${A(c.bonusMonths)}),2)${c.oneOff ? `+ROUND(${A(c.oneOff)}*${A(c.count)},2)` : ''}`,
      line.gross,
    ),
  );
  set(c.base, formula(`MIN(MAX(${A(c.monthly)},${P('floor')}),${P('ceiling')})`, line.base));
  // a guide whose amounts already include the employer's cost adds no contributions or levies on top
  const unlessIncluded = (f: string) => (includesFlag ? `IF(${includesFlag}=1,0,${f})` : f);
  c.items.forEach((col, i) => {
    const it = items[i]!;
    // an item with its own limits clamps the monthly pay itself; the others use the set's base
    const base =
      it.floor === undefined && it.ceiling === undefined
        ? A(c.base)
        : `MIN(MAX(${A(c.monthly)},${P(it.floor === undefined ? 'floor' : `itemFloor${i}`)}),${P(it.ceiling === undefined ? 'ceiling' : `itemCeiling${i}`)})`;
    // to the yuan, the product is first taken to 6 places (exact: 2-place base × 4-place rate): LibreOffice rounds the
    // binary 217.49999999999997 of 3,000 × 0.0725 down to 217, where 四舍五入 of 217.5 is 218
    const product = `${base}*${P(`item${i}`)}`;
    const rounded = itemPlaces[i] === 0 ? `ROUND(ROUND(${product},6),0)` : `ROUND(${product},${itemPlaces[i]})`;
    set(col, formula(unlessIncluded(rounded), line.itemsPerMonth[i]!));
  });
  set(c.perMonth, c.items.length ? formula(`SUM(${A(c.items[0]!)}:${A(c.items[c.items.length - 1]!)})`, line.contributionsPerMonth) : 0);
  set(c.contributions, formula(`ROUND(${A(c.perMonth)}*${A(c.count)}*${A(c.months)},2)`, line.contributions));
  c.levies.forEach((col, j) => {
    set(col, formula(unlessIncluded(`ROUND(${A(c.gross)}*${P(`levy${j}`)},2)`), line.levyAmounts[j]!));
  });
  const levySum = c.levies.map((col) => `+${A(col)}`).join('');
  set(c.labour, formula(`${A(c.gross)}+${A(c.contributions)}${levySum}`, line.labour));
  if (from.index !== null) set(c.note, text(s.note ?? ''));
  return v;
}

/** A spec v2 line's own row: identity, 人数, 月数, and its amounts as the SUM of its segment rows (r + 1 … r + n). */
function segmentedLineValues(line: StaffLineResult, index: number, r: number, refs: StaffSheetRefs): RawCell[] {
  const c = refs.cols;
  const s = line.input;
  const segments = line.segments!;
  const v: RawCell[] = new Array(c.last).fill(null);
  const set = (col: number, value: RawCell) => {
    if (col > 0) v[col - 1] = value;
  };
  const below = (col: number, value: Decimal) => formula(`SUM(${cellAddress(col, r + 1)}:${cellAddress(col, r + segments.length)})`, value);
  set(c.index, index + 1);
  set(c.post, text(s.post));
  set(c.grade, text(s.grade));
  set(c.step, s.step);
  set(c.qualification, text(s.qualification ?? ''));
  set(c.nonSocialWork, s.nonSocialWork ? '是' : '');
  set(c.count, num(s.count));
  set(c.period, monthSpan(segments[0]!.piece.start, s.months));
  set(c.months, num(s.months));
  set(c.bonusMonths, num(s.bonusMonths));
  if (s.override !== null) set(c.override, num(s.override));
  set(c.gross, below(c.gross, line.gross));
  set(c.contributions, below(c.contributions, line.contributions));
  c.levies.forEach((col, j) => set(col, below(col, line.levyAmounts[j]!)));
  set(c.labour, below(c.labour, line.labour));
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
    if (c.nonSocialWork) fit.cell(c.nonSocialWork, '是');
    if (c.period && line.segments) {
      fit.cell(c.period, monthSpan(line.segments[0]!.piece.start, s.months)).cell(c.year, line.segments[0]!.piece.year);
      // a segment's amounts can be larger than the first segment's (a later version)
      for (const seg of line.segments) {
        const p = seg.line;
        if (p.input.guideMonthly !== null) fit.cell(c.guideMonthly, p.input.guideMonthly);
        fit.cell(c.monthly, p.monthly).cell(c.base, p.base).cell(c.gross, p.gross).cell(c.contributions, p.contributions).cell(c.labour, p.labour);
        c.items.forEach((col, k) => fit.cell(col, p.itemsPerMonth[k]));
      }
    }
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
  const sets = model.contributionSets ?? [model.contributions];
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
  put(c.nonSocialWork, '非社工岗');
  put(c.count, '人数');
  put(c.period, '期间');
  put(c.year, '年度');
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
  const total = staffTotalRowOf(result);
  printAcross(ws, widths, { keyColumns: c.grade, firstRow: 2, lastRow: total, title });
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
  let r = STAFF_FIRST_ROW;
  result.staff.forEach((line, i) => {
    if (!line.segments) {
      raw.write(
        lineValues(
          line,
          r++,
          refs,
          includesFlag,
          itemPlaces,
          { block: refs.guide, set: 0, index: i + 1, countRow: null, period: null, year: null },
          sets[0]!.items,
        ),
      );
      return;
    }
    const lineRow = r++;
    raw.write(segmentedLineValues(line, i, lineRow, refs));
    for (const seg of line.segments) {
      const from: RowSource = {
        block: refs.guide.blocks[seg.piece.version] ?? refs.guide,
        set: seg.piece.set,
        index: null,
        countRow: lineRow,
        period: monthSpan(seg.piece.start, seg.months),
        year: seg.piece.year,
      };
      raw.write(lineValues(seg.line, r++, refs, includesFlag, itemPlaces, from, sets[seg.piece.set]!.items));
    }
  });
  raw.finish();

  const last = total - 1;
  const t0 = result.totals;
  const range = (col: number) => `${columnLetter(col)}${STAFF_FIRST_ROW}:${columnLetter(col)}${last}`;
  // spec v2: the lines' 人数 (rows with a 序号) and the segments' amounts (rows with a 年度), never both
  const sumCol = (col: number, value: Decimal): CellValue =>
    result.staff.length === 0
      ? 0
      : !c.year
        ? formula(`SUM(${range(col)})`, value)
        : formula(col === c.count ? `SUMIF(${range(c.index)},">0",${range(col)})` : `SUMIF(${range(c.year)},">0",${range(col)})`, value);
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
