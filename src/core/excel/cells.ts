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
  for (const ch of value) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

/** A column width that fits the longest of the texts (header lines counted separately), within bounds. */
export function fitWidth(texts: Iterable<string>, min = 6, max = 40): number {
  let widest = 0;
  for (const t of texts) for (const line of t.split('\n')) widest = Math.max(widest, displayWidth(line));
  return Math.min(max, Math.max(min, widest + 2));
}

/** How many lines a wrapped text takes in a column of that width (for a header row's height). */
export function wrappedLines(value: string, width: number): number {
  return value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);
}
