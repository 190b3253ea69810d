import type { Worksheet } from 'exceljs';
import { columnLetter } from '../cells';

/**
 * A worksheet as a plain grid for the importer: each cell's value (a formula's result, rich text
 * joined, a merged cell's master value copied into every cell of the merge) and its text.
 */
export interface GridCell {
  value: unknown;
  text: string;
  address: string; // 'B7'
}

export interface Grid {
  sheet: string;
  rows: number;
  cols: number;
  at(row: number, col: number): GridCell;
  /** 'Sheet!B7' */
  where(row: number, col: number): string;
}

function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { richText?: { text: string }[]; result?: unknown; formula?: string; text?: string; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if (o.text !== undefined) return o.text; // hyperlink
    if (o.error !== undefined) return o.error;
  }
  return v;
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export function sheetGrid(ws: Worksheet): Grid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const cells: GridCell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const line: GridCell[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      // a merged cell's value getter answers the master's value
      const value = plainValue(cell.value);
      line.push({ value, text: textOf(value), address: `${columnLetter(c)}${r}` });
    }
    cells.push(line);
  }
  const empty = (r: number, c: number): GridCell => ({ value: null, text: '', address: `${columnLetter(c)}${r}` });
  return {
    sheet: ws.name,
    rows,
    cols,
    at: (r, c) => cells[r - 1]?.[c - 1] ?? empty(r, c),
    where: (r, c) => `${ws.name}!${columnLetter(c)}${r}`,
  };
}
