import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import type { ComparedBudget, Comparison } from '../../compare/compareBudgets';
import { parseDecimal } from '../../money/decimal';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, SHARE_FORMAT, columnLetter, formula, num, text, textFormula, wrappedLines } from '../cells';
import {
  BODY_FONT,
  GRID,
  HEADER_FILL,
  HEADER_FONT,
  ROW_HEIGHT,
  TITLE_FONT,
  TOTAL_FILL,
  onePageIfShort,
  printAcross,
  sheetOptions,
  titleRowHeight,
} from '../print';

/**
 * The comparison as a workbook (docs/design.md §Data flow, "Comparing budgets"): one sheet 预算对比, a column per
 * budget and a row per figure, then the differences from the baseline budget. The figures the program derives
 * (labour share, post-years, cost per post-year) and every difference are formulas over the visible cells with the
 * program's value cached (docs/design.md §Excel workbooks), so LibreOffice or Excel recalculates them to the fen.
 * A4 landscape; ten budgets too wide for a page print across pages with the labels repeated.
 */
export const COMPARE_SHEET = '预算对比';

const KIND_ZH: Record<ComparedBudget['kind'], string> = { project: '项目', bid: '投标预算' };

type Figure = (c: string, b: ComparedBudget) => CellValue;
interface RowSpec {
  label: string;
  format: string;
  value: Figure;
}

const dec = (s: string) => parseDecimal(s);
const FIRST_COLUMN = 2;
const HEADER_ROW = 2;

/** Rows by name so the formulas can point at them. */
const ROW = {
  kind: 3,
  total: 4,
  labour: 5,
  labourShare: 6,
  managementFee: 7,
  otherCosts: 8,
  headcount: 9,
  personMonths: 10,
  postYears: 11,
  costPerPostYear: 12,
  errors: 13,
  warnings: 14,
  infos: 15,
  differencesHeader: 16,
} as const;

function figureRows(): RowSpec[] {
  return [
    { label: '类型', format: COUNT_FORMAT, value: (_c, b) => KIND_ZH[b.kind] },
    { label: '项目总经费（元）', format: MONEY_FORMAT, value: (_c, b) => num(dec(b.total)) },
    { label: '人员经费（元）', format: MONEY_FORMAT, value: (_c, b) => num(dec(b.labour)) },
    // labour ÷ total to 4 places, 0 when the total is 0 (docs/design.md §Budget arithmetic, The whole budget)
    {
      label: '人员经费占比',
      format: SHARE_FORMAT,
      value: (c, b) => formula(`IF(${c}${ROW.total}=0,0,ROUND(${c}${ROW.labour}/${c}${ROW.total},4))`, dec(b.labourShare)),
    },
    { label: '管理费（元）', format: MONEY_FORMAT, value: (_c, b) => num(dec(b.managementFee)) },
    { label: '其他费用（元）', format: MONEY_FORMAT, value: (_c, b) => num(dec(b.otherCosts)) },
    { label: '人数', format: COUNT_FORMAT, value: (_c, b) => num(dec(b.headcount)) },
    { label: '人月（Σ 人数 × 月数）', format: COUNT_FORMAT, value: (_c, b) => num(dec(b.personMonths)) },
    { label: '岗位·年（人月 ÷ 12）', format: MONEY_FORMAT, value: (c, b) => formula(`ROUND(${c}${ROW.personMonths}/12,2)`, dec(b.postYears)) },
    {
      label: '每岗位年成本（元）',
      format: MONEY_FORMAT,
      value: (c, b) =>
        b.costPerPostYear === null
          ? textFormula(`IF(${c}${ROW.personMonths}=0,"",ROUND(${c}${ROW.total}*12/${c}${ROW.personMonths},2))`, '')
          : formula(`IF(${c}${ROW.personMonths}=0,"",ROUND(${c}${ROW.total}*12/${c}${ROW.personMonths},2))`, dec(b.costPerPostYear)),
    },
    { label: '检查/审核：错误', format: COUNT_FORMAT, value: (_c, b) => b.counts.error },
    { label: '检查/审核：警告', format: COUNT_FORMAT, value: (_c, b) => b.counts.warning },
    { label: '检查/审核：提示', format: COUNT_FORMAT, value: (_c, b) => b.counts.info },
  ];
}

/** The difference rows: this column − the baseline's column `base`, rounded as the core rounds it. */
function differenceRows(base: string): RowSpec[] {
  const minus = (row: number, places: number) => (c: string) => `ROUND(${c}${row}-$${base}$${row},${places})`;
  return [
    { label: '总经费差额（元）', format: MONEY_FORMAT, value: (c, b) => formula(minus(ROW.total, 2)(c), dec(b.difference.total)) },
    {
      label: '总经费差额比例',
      format: SHARE_FORMAT,
      value: (c, b) => {
        const f = `IF($${base}$${ROW.total}=0,"",ROUND((${c}${ROW.total}-$${base}$${ROW.total})/$${base}$${ROW.total},4))`;
        return b.difference.totalPercent === null ? textFormula(f, '') : formula(f, dec(b.difference.totalPercent));
      },
    },
    { label: '人员经费差额（元）', format: MONEY_FORMAT, value: (c, b) => formula(minus(ROW.labour, 2)(c), dec(b.difference.labour)) },
    { label: '人员经费占比差（百分点）', format: SHARE_FORMAT, value: (c, b) => formula(minus(ROW.labourShare, 4)(c), dec(b.difference.labourShare)) },
    { label: '管理费差额（元）', format: MONEY_FORMAT, value: (c, b) => formula(minus(ROW.managementFee, 2)(c), dec(b.difference.managementFee)) },
    { label: '人数差', format: COUNT_FORMAT, value: (c, b) => formula(minus(ROW.headcount, 2)(c), dec(b.difference.headcount)) },
    {
      label: '每岗位年成本差额（元）',
      format: MONEY_FORMAT,
      value: (c, b) => {
        const at = ROW.costPerPostYear;
        const f = `IF(OR(${c}${at}="",$${base}$${at}=""),"",ROUND(${c}${at}-$${base}$${at},2))`;
        return b.difference.costPerPostYear === null ? textFormula(f, '') : formula(f, dec(b.difference.costPerPostYear));
      },
    },
  ];
}

/** `title`: the comparison's heading (预算对比 unless the caller names it). */
export function buildCompareWorkbook(comparison: Comparison, title = '预算对比'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Paybench 社工薪酬与购买服务预算工作台';
  const ws = wb.addWorksheet(COMPARE_SHEET, sheetOptions({ headerRows: HEADER_ROW, frozenColumns: 1, titleRows: `${HEADER_ROW}:${HEADER_ROW}` }));
  ws.pageSetup.orientation = 'landscape';

  const budgets = comparison.budgets;
  const columns = budgets.map((_, i) => columnLetter(FIRST_COLUMN + i));
  const baseColumn = columns[comparison.baselineIndex]!;
  const baseLabel = budgets[comparison.baselineIndex]!.label;
  const figures = figureRows();
  const diffs = differenceRows(baseColumn);
  const diffHeader = `与基准“${baseLabel}”的差额（本列 − 基准列）`;

  // every cell's value first, so the widths come from what prints
  const values = (rows: RowSpec[]) => rows.map((r) => budgets.map((b, i) => r.value(columns[i]!, b)));
  const figureValues = values(figures);
  const diffValues = values(diffs);
  const widths = new ColumnWidths([COUNT_FORMAT, ...budgets.map(() => MONEY_FORMAT)]);
  // the row labels are column 1's text, one a row
  for (const r of [...figures, ...diffs]) widths.cell(1, r.label);
  widths.header(
    budgets.map((b) => b.label),
    FIRST_COLUMN,
  );
  [...figures, ...diffs].forEach((r, k) => {
    const row = k < figures.length ? figureValues[k]! : diffValues[k - figures.length]!;
    row.forEach((v, i) => widths.cell(FIRST_COLUMN + i, v as never, r.format));
  });
  const cols = widths.widths([{ min: 12, max: 28 }, ...budgets.map(() => ({ min: 12, max: 20 }))]);
  ws.columns = cols.map((width) => ({ width }));

  const heights: number[] = [];
  const last = FIRST_COLUMN + budgets.length - 1;
  ws.mergeCells(1, 1, 1, last);
  const titleCell = ws.getRow(1).getCell(1);
  titleCell.value = text(title);
  titleCell.style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  ws.getRow(1).height = titleRowHeight(title, cols);
  heights.push(ws.getRow(1).height);

  const header = ws.getRow(HEADER_ROW);
  const headerStyle = {
    font: HEADER_FONT,
    fill: HEADER_FILL,
    border: GRID,
    alignment: { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true },
  };
  header.getCell(1).value = comparison.baseline === 'first' ? '项目（基准：第一列）' : '项目（基准：总经费最低者）';
  header.getCell(1).style = headerStyle;
  let headerLines = 1;
  budgets.forEach((b, i) => {
    const cell = header.getCell(FIRST_COLUMN + i);
    cell.value = text(i === comparison.baselineIndex ? `${b.label}（基准）` : b.label);
    cell.style = headerStyle;
    headerLines = Math.max(headerLines, wrappedLines(String(cell.value), cols[FIRST_COLUMN + i - 1]!));
  });
  header.height = ROW_HEIGHT * headerLines;
  heights.push(header.height);

  const writeRows = (rows: RowSpec[], rowValues: CellValue[][], first: number) =>
    rows.forEach((r, k) => {
      const row = ws.getRow(first + k);
      const label = row.getCell(1);
      label.value = r.label;
      label.style = { font: HEADER_FONT, border: GRID, alignment: { vertical: 'middle' } };
      rowValues[k]!.forEach((v, i) => {
        const cell = row.getCell(FIRST_COLUMN + i);
        cell.value = v;
        cell.style = {
          font: BODY_FONT,
          border: GRID,
          numFmt: r.format,
          alignment: { horizontal: typeof v === 'string' ? 'center' : 'right' },
          ...(i === comparison.baselineIndex ? { fill: TOTAL_FILL } : {}),
        };
      });
      heights.push(ROW_HEIGHT);
    });

  writeRows(figures, figureValues, ROW.kind);
  ws.mergeCells(ROW.differencesHeader, 1, ROW.differencesHeader, last);
  const section = ws.getRow(ROW.differencesHeader).getCell(1);
  section.value = text(diffHeader);
  section.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { vertical: 'middle', wrapText: true } };
  ws.getRow(ROW.differencesHeader).height = titleRowHeight(diffHeader, cols) * (ROW_HEIGHT / 24);
  heights.push(ws.getRow(ROW.differencesHeader).height);
  writeRows(diffs, diffValues, ROW.differencesHeader + 1);

  const lastRow = ROW.differencesHeader + diffs.length;
  printAcross(ws, cols, { keyColumns: 1, firstRow: HEADER_ROW, lastRow, title });
  ws.pageSetup.orientation = 'landscape';
  onePageIfShort(ws, heights);
  return wb;
}

export async function compareWorkbookBuffer(comparison: Comparison, title?: string): Promise<Buffer> {
  return Buffer.from(await buildCompareWorkbook(comparison, title).xlsx.writeBuffer());
}
