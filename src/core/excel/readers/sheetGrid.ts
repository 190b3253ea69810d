import { columnLetter } from '../cells';
import type { XlsxCell, XlsxSheet } from './xlsxRows';

/**
 * A worksheet as a plain grid for the importer: each cell's value (a formula's cached result, rich
 * text joined, a merged cell showing its first cell's value, as a spreadsheet shows it) and its text.
 * Cells are looked up, not materialised: a grid costs what the sheet's non-empty cells cost.
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

function textOf(v: XlsxCell): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

// a cell's key in the merge map; columns stay below 2^15 (xlsxGuard.ts keeps them within Excel's 16,384)
const key = (row: number, col: number) => row * 32_768 + col;

export function sheetGrid(sheet: XlsxSheet): Grid {
  const byRow = new Map<number, XlsxCell[]>();
  let rows = 0;
  let cols = 0;
  for (const r of sheet.rows) {
    byRow.set(r.number, r.cells);
    rows = Math.max(rows, r.number);
    cols = Math.max(cols, r.cells.length);
  }
  // every cell of a merge but its first points at the first (the budget counted them as kept)
  const master = new Map<number, number>();
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) master.set(key(r, c), key(m.top, m.left));
  }
  const valueAt = (r: number, c: number): XlsxCell => {
    const m = master.get(key(r, c));
    const [row, col] = m === undefined ? [r, c] : [Math.floor(m / 32_768), m % 32_768];
    return byRow.get(row)?.[col - 1] ?? null;
  };
  return {
    sheet: sheet.name,
    rows,
    cols,
    at: (r, c) => {
      const value = valueAt(r, c);
      return { value, text: textOf(value), address: `${columnLetter(c)}${r}` };
    },
    where: (r, c) => `${sheet.name}!${columnLetter(c)}${r}`,
  };
}
