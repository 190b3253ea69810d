import type { CellValue, Row, Style, Worksheet } from 'exceljs';
import { type Decimal, fromFen } from '../../money/decimal';
import { fitWidth, formula, text } from '../cells';

/** Row 1 the sheet's title, row 2 its column headers (the two rows repeated on every printed page). */
export function titleAndHeader(ws: Worksheet, title: string, headers: readonly string[]): void {
  const t = ws.getRow(1);
  t.getCell(1).value = text(title);
  t.getCell(1).font = { name: '宋体', size: 14, bold: true };
  t.commit();
  const h = ws.getRow(2);
  headers.forEach((label, i) => {
    const c = h.getCell(i + 1);
    c.value = label;
    c.font = { name: '宋体', size: 10, bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  h.commit();
}

/**
 * Widths on the columns; the number formats go on each cell as one shared style object per
 * column: exceljs caches a style by object identity, whereas a column style is copied into every
 * cell and re-serialised (that alone made a 100,000-row plan take a minute).
 */
const styleCache = new Map<string, Partial<Style>>();
function sharedStyle(numFmt: string | null): Partial<Style> {
  const key = numFmt ?? '';
  let st = styleCache.get(key);
  if (!st) styleCache.set(key, (st = numFmt ? { numFmt, font: { name: '宋体', size: 10 } } : { font: { name: '宋体', size: 10 } }));
  return st;
}

export function setColumns(ws: Worksheet, headers: readonly string[], formats: readonly (string | null)[], widths?: readonly number[]): Partial<Style>[] {
  ws.columns = headers.map((h, i) => ({ width: widths?.[i] ?? fitWidth([h], 8, 16) }));
  return headers.map((_, i) => sharedStyle(formats[i] ?? null));
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
