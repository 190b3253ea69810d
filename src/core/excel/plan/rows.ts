import type { CellValue, Row, Style, Worksheet } from 'exceljs';
import { type Decimal, fromFen } from '../../money/decimal';
import { formula, text, wrappedLines } from '../cells';
import { ROW_HEIGHT, setWidths, titleRowHeight } from '../print';

/**
 * Row 1 the sheet's title, row 2 its column headers (the two rows repeated on every printed page).
 * The title is merged across the table and wraps when it is wider.
 */
export interface TopRows {
  title: number;
  header: number;
}

export function titleAndHeader(ws: Worksheet, title: string, headers: readonly string[], widths: readonly number[]): TopRows {
  const t = ws.getRow(1);
  t.getCell(1).value = text(title);
  t.getCell(1).style = { font: { name: '宋体', size: 14, bold: true }, alignment: { vertical: 'middle', wrapText: true } };
  t.height = titleRowHeight(title, widths);
  if (widths.length > 1) ws.mergeCells(1, 1, 1, widths.length);
  t.commit();
  const h = ws.getRow(2);
  headers.forEach((label, i) => {
    const c = h.getCell(i + 1);
    c.value = label;
    c.font = { name: '宋体', size: 10, bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  h.height = 4 + 13 * Math.max(1, ...headers.map((label, i) => wrappedLines(label, widths[i] ?? 10)));
  h.commit();
  return { title: t.height, header: Math.max(ROW_HEIGHT, h.height) };
}

/** The printed heights of a title and header row, then `rows` rows of the default height; the title row only when printed (one page across). */
export function printedHeights(top: TopRows, pagesAcross: number, rows: number): number[] {
  return [...(pagesAcross > 1 ? [] : [top.title]), top.header, ...new Array<number>(rows).fill(ROW_HEIGHT)];
}

/**
 * Widths on the columns (measured by the caller's ColumnWidths); the number formats go on each
 * cell as one shared style object per column: exceljs caches a style by object identity, whereas a
 * column style is copied into every cell and re-serialised (that alone made a 100,000-row plan take a minute).
 */
const styleCache = new Map<string, Partial<Style>>();
function sharedStyle(numFmt: string | null): Partial<Style> {
  const key = numFmt ?? '';
  let st = styleCache.get(key);
  if (!st) styleCache.set(key, (st = numFmt ? { numFmt, font: { name: '宋体', size: 10 } } : { font: { name: '宋体', size: 10 } }));
  return st;
}

export function setColumns(ws: Worksheet, formats: readonly (string | null)[], widths: readonly number[]): Partial<Style>[] {
  setWidths(ws, widths);
  return formats.map((f) => sharedStyle(f));
}

/** A row's values (1-based, as exceljs takes them), each non-empty cell with its column's style. */
export function writeValues(row: Row, v: CellValue[], styles: readonly Partial<Style>[]): void {
  row.values = v;
  for (let c = 1; c < v.length; c++) if (v[c] !== undefined && v[c] !== null) row.getCell(c).style = styles[c - 1] ?? sharedStyle(null);
}

/** The plan's money is integer fen. */
export const money = (fen: bigint) => fromFen(fen);

/** A formula whose result is a count of communities or posts. */
export const count = (f: string, n: number): CellValue => ({ formula: f, result: n }) as CellValue;

/** A sum with its cached value: a count, or an exact amount. */
export const cached = (f: string, v: number | Decimal): CellValue => (typeof v === 'number' ? count(f, v) : formula(f, v));
