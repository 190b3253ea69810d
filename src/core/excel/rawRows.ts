import ExcelJS from 'exceljs';
import { columnLetter } from './cells';

/**
 * The fast path for the one sheet that can reach 100,000 rows (人员经费明细): rows serialised straight
 * to the streamed sheet's XML — the same <c> elements exceljs writes (shared strings, style ids from
 * the workbook's style table, <f> with a cached <v>) — without exceljs building a Row, Cell and
 * model object for every cell, which is most of its time. Title, header and total rows still go
 * through exceljs. This leans on WorksheetWriter internals of exceljs 4.x (`_write`, `_rowZero`),
 * checked below so that a changed exceljs fails loudly instead of writing a broken file.
 */
export type RawCell = null | number | string | { formula: string; result: number | string };

interface SheetInternals {
  _write(text: string): void;
  _rowZero: number;
  _rows: unknown[] | null;
  startedData: boolean;
}
interface BookInternals {
  styles: { addStyleModel(style: object, cellType?: number): number };
  sharedStrings: { add(value: string): number };
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch]!);

export class RawRows {
  private readonly sheet: SheetInternals;
  private readonly book: BookInternals;
  private readonly styleIds: number[];
  private readonly letters: string[];
  private next: number;

  /** `styles[i]` is column i+1's style; the sheet's rows so far must be committed. */
  constructor(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet, styles: Partial<ExcelJS.Style>[]) {
    this.sheet = ws as unknown as SheetInternals;
    this.book = wb as unknown as BookInternals;
    if (typeof this.sheet._write !== 'function' || typeof this.sheet._rowZero !== 'number' || !this.book.styles || !this.book.sharedStrings) {
      throw new Error('exceljs 的流式写入接口已变化，无法快速写入明细行');
    }
    if (!this.sheet.startedData || (this.sheet._rows && this.sheet._rows.length)) {
      throw new Error('写入明细行之前须先提交表头行');
    }
    this.styleIds = styles.map((s) => this.book.styles.addStyleModel(s, ExcelJS.ValueType.Number));
    this.letters = styles.map((_, i) => columnLetter(i + 1));
    this.next = this.sheet._rowZero;
  }

  /** The row number the next write() will use. */
  get rowNumber(): number {
    return this.next;
  }

  write(cells: RawCell[]): void {
    const r = this.next++;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      const head = `<c r="${this.letters[i]}${r}" s="${this.styleIds[i]}"`;
      if (v === null || v === undefined || v === '') xml += `${head}/>`;
      else if (typeof v === 'number') xml += `${head}><v>${v}</v></c>`;
      else if (typeof v === 'string') xml += `${head} t="s"><v>${this.book.sharedStrings.add(v)}</v></c>`;
      else if (typeof v.result === 'number') xml += `${head}><f>${escapeXml(v.formula)}</f><v>${v.result}</v></c>`;
      else xml += `${head} t="str"><f>${escapeXml(v.formula)}</f><v>${escapeXml(v.result)}</v></c>`;
    }
    this.sheet._write(xml + '</row>');
  }

  /** Hands the sheet back to exceljs: its next addRow() continues after the raw rows. */
  finish(): void {
    this.sheet._rowZero = this.next;
  }
}
