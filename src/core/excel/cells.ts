import { type Decimal, toNumber } from '../money/decimal';

/**
 * Cell values and references shared by every workbook the program writes. Three promises:
 * a computed cell is `{ formula, result }` with the exact decimal's value cached; text a user
 * typed is always a plain string (exceljs never turns a string into a formula, so "=1+1" stays
 * text); numbers are numbers, never numeric text.
 */
export const MONEY_FORMAT = '#,##0.00';
export const RATE_FORMAT = '0.00##%';
export const SHARE_FORMAT = '0.00%';
export const COUNT_FORMAT = 'General';

/** 1 → A, 27 → AA */
export function columnLetter(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

/** `B7` */
export const cellAddress = (col: number, row: number) => `${columnLetter(col)}${row}`;

/** An absolute reference on another sheet, quoted so Chinese sheet names are unambiguous: `'参数'!$B$5` */
export function sheetRef(sheet: string, col: number, row: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${columnLetter(col)}$${row}`;
}

/** `'人员经费明细'!O3:O12` for SUM over a column of a sheet */
export function sheetRange(sheet: string, col: number, fromRow: number, toRow: number): string {
  const c = columnLetter(col);
  return `'${sheet.replace(/'/g, "''")}'!${c}${fromRow}:${c}${toRow}`;
}

/** A formula with the program's value cached, so a viewer that does not recalculate shows it. */
export function formula(text: string, value: Decimal): { formula: string; result: number } {
  return { formula: text, result: toNumber(value) };
}

/** A formula whose result is text (a check's 符合/不符合). */
export function textFormula(text: string, value: string): { formula: string; result: string } {
  return { formula: text, result: value };
}

export const num = (d: Decimal): number => toNumber(d);

/**
 * User text as a string cell. Control characters that are illegal in XML are dropped so a pasted
 * name cannot break the file; everything else, a leading "=", "+", "-" or "@" included, is kept verbatim.
 */
export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids, matched on purpose
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Display width in Excel character units: a CJK or full-width character takes two. */
export function displayWidth(value: string): number {
  let w = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Hangul Jamo; CJK radicals to Yi; Hangul syllables; compatibility ideographs; vertical and CJK compatibility forms; full-width forms
    const wide =
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6));
    w += wide ? 2 : 1;
  }
  return w;
}

/**
 * The text a spreadsheet shows for a number under one of the formats the workbooks use
 * (`#,##0.00`, `0.00##%`, `#,##0`, `0`, `General` …): what its column must be wide enough for.
 */
export function shownNumber(value: number, numFmt: string = COUNT_FORMAT): string {
  if (!Number.isFinite(value)) return String(value);
  if (numFmt === COUNT_FORMAT || numFmt === '') return String(Number(value.toPrecision(10)));
  const pattern = numFmt.split(';')[0]!;
  const percent = pattern.includes('%');
  const decimals = /\.([0#]+)/.exec(pattern)?.[1] ?? '';
  const fixed = decimals.replace(/#/g, '').length;
  let s = Math.abs(percent ? value * 100 : value).toFixed(decimals.length);
  if (decimals.length > fixed) s = s.replace(new RegExp(`0{0,${decimals.length - fixed}}$`), '').replace(/\.$/, '');
  if (pattern.includes(',')) s = s.replace(/^\d+/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
  return `${value < 0 ? '-' : ''}${s}${percent ? '%' : ''}`;
}

/** What a cell shows, for sizing its column: text, a number or an exact amount, or a formula's cached result. */
export type Shown = string | number | Decimal | { result?: unknown } | null | undefined;

const isDecimal = (v: object): v is Decimal => 'units' in v && 'scale' in v;

/** A cell's value as text or number (a formula by its cached result); null when it shows nothing. */
function shownValue(value: Shown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isDecimal(value)) return Number(value.units) / 10 ** value.scale; // near enough to size a column
  const r = value.result;
  return typeof r === 'string' || typeof r === 'number' ? r : null;
}

/** Width padding: a cell's margins, and for numbers a bold total row's wider digits. */
const TEXT_PAD = 2;
const NUMBER_PAD = 1;

export interface WidthBounds {
  /** never narrower than this */
  min?: number;
  /** text wider than this wraps or is cut off at the cell's edge; numbers are never cut (they would print as ###) */
  max?: number;
}

/**
 * Column widths from what the cells show (docs/design.md §Excel workbooks): a number is measured as
 * its format prints it (money `#,##0.00` with the real amount), text with CJK characters counting
 * double, a header line by line. Numbers always fit, whatever the bound, so nothing prints as "###".
 * Every writer sizes its columns with this: it is fed the header and the values, or for a
 * 100,000-row sheet the values that decide (each column's extremes), before the first row is written.
 */
export class ColumnWidths {
  private readonly text: number[];
  private readonly numeric: number[];
  /** numbers under a fixed format: only the extremes matter (the longest integer part and a minus sign) */
  private readonly low: number[];
  private readonly high: number[];

  /** `formats[i]` is column i+1's number format (null or undefined: General) */
  constructor(private readonly formats: readonly (string | null | undefined)[]) {
    const n = formats.length;
    this.text = new Array<number>(n).fill(0);
    this.numeric = new Array<number>(n).fill(0);
    this.low = new Array<number>(n).fill(0);
    this.high = new Array<number>(n).fill(0);
  }

  /** A header row (or any text row): each line of each text. */
  header(texts: readonly (string | null | undefined)[], firstCol = 1): this {
    texts.forEach((t, i) => {
      if (t) for (const line of t.split('\n')) this.measureText(firstCol + i, line);
    });
    return this;
  }

  /** One cell of column `col` (1-based), in the column's format unless another is given. */
  cell(col: number, value: Shown, numFmt?: string | null): this {
    const v = shownValue(value);
    if (v === null || col < 1 || col > this.formats.length) return this;
    if (typeof v === 'string') return this.measureText(col, v);
    const fmt = numFmt ?? this.formats[col - 1] ?? COUNT_FORMAT;
    const i = col - 1;
    if (fmt === COUNT_FORMAT && !Number.isInteger(v)) this.numeric[i] = Math.max(this.numeric[i]!, shownNumber(v, fmt).length);
    else if (numFmt !== undefined && numFmt !== null && numFmt !== this.formats[i]) this.numeric[i] = Math.max(this.numeric[i]!, shownNumber(v, fmt).length);
    else {
      if (v < this.low[i]!) this.low[i] = v;
      if (v > this.high[i]!) this.high[i] = v;
    }
    return this;
  }

  /** A row of values: `values[k]` is column firstCol + k. */
  row(values: readonly Shown[], firstCol = 1): this {
    values.forEach((v, k) => this.cell(firstCol + k, v));
    return this;
  }

  /** The widths, column 1 first; `bounds` for every column or one per column. */
  widths(bounds: WidthBounds | readonly WidthBounds[] = {}): number[] {
    return this.formats.map((fmt, i) => {
      const b = Array.isArray(bounds) ? ((bounds as readonly WidthBounds[])[i] ?? {}) : (bounds as WidthBounds);
      const f = fmt ?? COUNT_FORMAT;
      const numbers = Math.max(this.numeric[i]!, shownNumber(this.low[i]!, f).length, shownNumber(this.high[i]!, f).length);
      const text = Math.min(b.max ?? 60, Math.max(b.min ?? 6, this.text[i]! + TEXT_PAD));
      return Math.max(text, numbers + NUMBER_PAD);
    });
  }

  private measureText(col: number, line: string): this {
    if (col >= 1 && col <= this.formats.length) this.text[col - 1] = Math.max(this.text[col - 1]!, displayWidth(line));
    return this;
  }
}

/** How many lines a wrapped text takes in a column of that width (for a header row's height). */
export function wrappedLines(value: string, width: number): number {
  return value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);
}
