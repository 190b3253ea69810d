import type { Worksheet } from 'exceljs';

export type RowValue = string | number | { formula: string; result: number } | null;

/**
 * A short report written top to bottom, one row at a time (the roster's statistics and cohort
 * tables): `put` fills the next row — a null leaves its cell empty — styles each cell by column,
 * and keeps every row's height so the sheet can be fitted to one page when it is short
 * (print.ts onePageIfShort). Rows are committed as they go, so a streamed sheet stays small.
 */
export class RowWriter {
  /** the last row written (1-based); the next `put` writes row + 1 */
  row = 0;
  readonly heights: number[] = [];

  constructor(private readonly ws: Worksheet) {}

  put(values: readonly RowValue[], style: (col: number) => object, height = 18): number {
    const row = this.ws.getRow(++this.row);
    values.forEach((v, i) => {
      if (v === null) return;
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.style = style(i + 1);
    });
    row.height = height;
    this.heights.push(height);
    row.commit();
    return this.row;
  }
}
