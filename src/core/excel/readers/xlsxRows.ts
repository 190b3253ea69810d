import { type XlsxLimits, COMMUNITY_LIMITS, SheetBudget, XlsxFormatError, type XlsxPackage, columnOfRef, openXlsx } from './xlsxGuard';
import { XmlScanner } from './xlsxXml';

/**
 * The sheets of an xlsx as rows of plain values, read from the zip by our own reader (xlsxGuard.ts
 * opens it, xlsxXml.ts scans it). Why not exceljs: its streaming reader decoded each chunk of XML
 * on its own, so a Chinese character split across two chunks came out as “��” (seen on a
 * 100,000-row list); its whole-file reader took 13 s for 100,000 rows, and it builds an object for
 * every cell a file names — merged ranges, data-validation ranges and defined names included —
 * so one crafted reference could exhaust memory. Here each part is inflated once, scanned once,
 * and only non-empty cells are kept, each after the sheet's budget allowed it.
 *
 * Values: text, numbers, booleans, a formula's cached result, an error's text (#N/A), and a Date for
 * a number whose cell format is a date (as Excel shows it: 46023 formatted yyyy-mm-dd is 2026-01-01).
 */
export type XlsxCell = string | number | boolean | Date | null;

export { XlsxFormatError, XlsxLimitError } from './xlsxGuard';

export interface XlsxRow {
  /** the sheet's own row number (1-based) */
  number: number;
  /** by column, 0-based, up to the last non-empty cell */
  cells: XlsxCell[];
}

const NO_CELLS: readonly XlsxCell[] = Object.freeze([]);

/**
 * A list read from a sheet: the first non-empty row is its header, and the rows below it come with the sheet's
 * gaps as empty rows, so that every row keeps the number the user sees. Null when the sheet is empty.
 */
export function headerAndBody(
  rows: readonly XlsxRow[],
  isBlank: (cell: XlsxCell) => boolean,
): { header: XlsxRow; body: Generator<readonly XlsxCell[]> } | null {
  const h = rows.findIndex((r) => r.cells.some((c) => !isBlank(c)));
  if (h < 0) return null;
  const header = rows[h]!;
  function* body(): Generator<readonly XlsxCell[]> {
    let expect = header.number + 1;
    for (let k = h + 1; k < rows.length; k++) {
      const r = rows[k]!;
      for (; expect < r.number; expect++) yield NO_CELLS;
      yield r.cells;
      expect++;
    }
  }
  return { header, body: body() };
}

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
  merges: MergedRange[];
}

/** A worksheet of the workbook: its name, its zip part and whether it is shown (hidden sheets are read too). */
export interface SheetEntry {
  name: string;
  part: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

/** A relationship's target as a zip part name: relative to `xl/`, `..` resolved. */
export function partPath(target: string, base = 'xl/'): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

/** The workbook's relationships (xl/_rels/workbook.xml.rels): id → target part and type. */
export function workbookRelationships(pkg: XlsxPackage): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  const relsXml = pkg.read('xl/_rels/workbook.xml.rels');
  if (relsXml) {
    const x = new XmlScanner(relsXml, 'xl/_rels/workbook.xml.rels');
    while (x.next()) {
      if (x.closing || !x.is('Relationship')) continue;
      const id = x.attr('Id');
      const target = x.attr('Target');
      if (id && target) rels.set(id, { target, type: x.attr('Type') ?? '' });
    }
  }
  return rels;
}

/** The worksheets in the workbook's order, and the parts they share (strings, styles). */
export function workbookParts(pkg: XlsxPackage): WorkbookParts {
  const rels = workbookRelationships(pkg);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const wbXml = pkg.read('xl/workbook.xml');
  if (wbXml) {
    const x = new XmlScanner(wbXml, 'xl/workbook.xml');
    while (x.next()) {
      if (x.closing) continue;
      if (x.is('workbookPr')) {
        const d = x.attr('date1904');
        date1904 = d === '1' || d === 'true';
      } else if (x.is('sheet')) {
        const name = x.attr('name') ?? `Sheet${sheets.length + 1}`;
        const rid = x.attr('r:id') ?? x.attr('id');
        const rel = rid ? rels.get(rid) : undefined;
        // chart sheets and dialog sheets have no cells
        if (rel && !/\/worksheet$/.test(rel.type) && rel.type !== '') continue;
        const part = rel ? partPath(rel.target) : `xl/worksheets/sheet${sheets.length + 1}.xml`;
        const state = x.attr('state');
        if (pkg.has(part)) sheets.push({ name, part, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
      }
    }
  }
  if (sheets.length === 0 && pkg.has('xl/worksheets/sheet1.xml')) sheets.push({ name: 'Sheet1', part: 'xl/worksheets/sheet1.xml', state: 'visible' });
  if (sheets.length === 0) throw new XlsxFormatError('xlsx 文件中没有工作表 / no worksheet');
  const byType = (suffix: string, fallback: string) => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return partPath(r.target);
    return pkg.has(fallback) ? fallback : null;
  };
  return { sheets, sharedStrings: byType('/sharedStrings', 'xl/sharedStrings.xml'), styles: byType('/styles', 'xl/styles.xml'), date1904 };
}

/** Each <si>'s text: its <t> runs joined, phonetic guides (<rPh>) left out. */
export function readSharedStrings(pkg: XlsxPackage, part: string | null, budget: SheetBudget): string[] {
  const buf = part ? pkg.read(part) : null;
  if (!buf) return [];
  const x = new XmlScanner(buf, part!);
  const out: string[] = [];
  let inSi = false;
  let phonetic = 0;
  let text = '';
  let tStart = -1;
  while (x.next()) {
    if (x.is('sst')) {
      if (!x.closing) budget.sharedStrings(Number(x.attr('uniqueCount') ?? x.attr('count') ?? 0) || 0);
    } else if (x.is('si')) {
      if (x.closing) {
        if (inSi) out.push(text);
        inSi = false;
      } else {
        // an <si> never closed is ended by the next one, as it would be read by eye
        if (inSi) out.push(text);
        budget.sharedStrings(out.length + 1);
        if (x.selfClosing) out.push('');
        else {
          inSi = true;
          text = '';
          phonetic = 0;
        }
      }
      tStart = -1;
    } else if (x.is('rPh')) {
      if (!x.selfClosing) phonetic += x.closing ? -1 : 1;
    } else if (x.is('t') && inSi && phonetic <= 0) {
      if (x.closing) {
        if (tStart >= 0) text += x.textSince(tStart);
        tStart = -1;
      } else if (!x.selfClosing) tStart = x.end;
    }
  }
  if (inSi) out.push(text);
  return out;
}

const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format shows a date or time: y, m, d, h or s outside quotes, [colour] and escapes. */
export function isDateFormat(code: string): boolean {
  if (code.length > 255) return false; // Excel's own limit on a format code
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[ymdhs]/i.test(bare);
}

/** For each cell style index (<c s="…">), whether its number format is a date. */
export function readDateStyles(pkg: XlsxPackage, part: string | null): boolean[] {
  const buf = part ? pkg.read(part) : null;
  if (!buf) return [];
  const x = new XmlScanner(buf, part!);
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  while (x.next()) {
    if (x.is('numFmts')) inNumFmts = !x.closing && !x.selfClosing;
    else if (inNumFmts && x.is('numFmt') && !x.closing) {
      const id = Number(x.attr('numFmtId'));
      custom.set(id, isDateFormat(x.attr('formatCode') ?? ''));
    } else if (x.is('cellXfs')) inCellXfs = !x.closing && !x.selfClosing;
    else if (inCellXfs && x.is('xf') && !x.closing) {
      const id = Number(x.asciiAttr('numFmtId') ?? 0);
      styles.push(custom.get(id) ?? DATE_FORMAT_IDS.has(id));
    }
  }
  return styles;
}

/** A date serial as Excel shows it, in UTC (as exceljs did): 46023 → 2026-01-01. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000));
}

export interface SheetContext {
  budget: SheetBudget;
  shared: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** One cell as its XML gives it: its type (t=), style (s=), the text of its <v> and of its inline string (<is>). */
export interface RawCellXml {
  sheet: string;
  ref: string;
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
}

/** A cell's value from its XML: a shared string looked up, a boolean, a number (a Date when its style is a date). */
export function decodeCell(raw: RawCellXml, ctx: Pick<SheetContext, 'shared' | 'dateStyles' | 'date1904'>): XlsxCell {
  const { type, value, inline, sheet, ref } = raw;
  const { shared } = ctx;
  switch (type) {
    case 's': {
      if (value === null || value.trim() === '') return null;
      const i = Number(value);
      if (!Number.isInteger(i) || i < 0 || i >= shared.length) {
        throw new XlsxFormatError(
          `单元格 ${sheet}!${ref} 引用了不存在的共享字符串 #${value.trim()}（共 ${shared.length} 条），文件已损坏 / shared string index out of range`,
          `${sheet}!${ref}`,
        );
      }
      return shared[i]!;
    }
    case 'inlineStr':
      return inline ?? value;
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === null ? null : value.trim() === '1' || value.trim() === 'true';
    case 'd': {
      if (value === null) return null;
      const d = new Date(value.trim());
      return Number.isNaN(d.getTime()) ? value : d;
    }
    default: {
      if (value === null || value.trim() === '') return inline;
      const n = Number(value);
      if (!Number.isFinite(n)) return value.trim();
      return ctx.dateStyles[raw.style] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

function readSheet(pkg: XlsxPackage, entry: SheetEntry, ctx: SheetContext): XlsxSheet {
  const { budget } = ctx;
  const sheet = entry.name;
  budget.sheet(sheet);
  const buf = pkg.read(entry.part);
  if (!buf) throw new XlsxFormatError(`xlsx 文件中没有工作表“${sheet}”的内容 / missing worksheet part`, sheet);
  const x = new XmlScanner(buf, entry.part);
  const rows: XlsxRow[] = [];
  const merges: MergedRange[] = [];
  let row: XlsxRow | null = null;
  let lastRow = 0;
  let nextCol = 1;
  // the open cell
  let cellRef = '';
  let cellCol = 0;
  let cellType = '';
  let cellStyle = 0;
  let inCell = false;
  let value: string | null = null;
  let inline: string | null = null;
  let inIs = false;
  let phonetic = 0;
  let textStart = -1;
  let textOf: 'v' | 't' | null = null;

  const closeCell = () => {
    inCell = false;
    const v = cellValue();
    if (v === null || v === '') return;
    const cells = row!.cells;
    if (cellCol > cells.length) {
      budget.keep(sheet, cellRef, cellCol - cells.length);
      while (cells.length < cellCol - 1) cells.push(null);
      cells.push(v);
    } else cells[cellCol - 1] = v;
  };
  const cellValue = (): XlsxCell => decodeCell({ sheet, ref: cellRef, type: cellType, style: cellStyle, value, inline }, ctx);

  while (x.next()) {
    if (x.is('c')) {
      if (x.closing) {
        if (inCell) closeCell();
        continue;
      }
      if (!row) throw new XlsxFormatError(`工作表“${sheet}”有一个不在任何行中的单元格，文件已损坏 / cell outside a row`, sheet);
      if (inCell) {
        throw new XlsxFormatError(`工作表“${sheet}”的单元格 ${cellRef} 没有结束标记，文件已损坏 / unclosed cell`, `${sheet}!${cellRef}`);
      }
      const r = x.asciiAttr('r');
      cellCol = r ? columnOfRef(r) : nextCol;
      cellRef = r === null ? `${colName(cellCol)}${row.number}` : r.length > 24 ? `${r.slice(0, 20)}…` : r;
      budget.cell(sheet, cellRef, row.number, cellCol);
      nextCol = cellCol + 1;
      cellType = x.asciiAttr('t') ?? '';
      cellStyle = Number(x.asciiAttr('s') ?? 0) || 0;
      value = null;
      inline = null;
      inIs = false;
      phonetic = 0;
      textOf = null;
      if (!x.selfClosing) inCell = true;
    } else if (x.is('row')) {
      if (inCell) {
        throw new XlsxFormatError(`工作表“${sheet}”的单元格 ${cellRef} 没有结束标记，文件已损坏 / unclosed cell`, `${sheet}!${cellRef}`);
      }
      if (x.closing) {
        if (row && row.cells.length) rows.push(row);
        row = null;
        continue;
      }
      if (row) {
        throw new XlsxFormatError(`工作表“${sheet}”第 ${row.number} 行的 <row> 没有结束标记，文件已损坏 / unclosed row`, `${sheet}!A${row.number}`);
      }
      const r = x.asciiAttr('r');
      const n = r === null ? lastRow + 1 : Number(r);
      budget.row(sheet, n, lastRow, r ?? String(n));
      lastRow = n;
      nextCol = 1;
      row = { number: n, cells: [] };
      if (x.selfClosing) row = null;
    } else if (inCell && x.is('v')) {
      if (x.closing) {
        if (textOf === 'v') value = x.textSince(textStart);
        textOf = null;
      } else if (!x.selfClosing) {
        textOf = 'v';
        textStart = x.end;
      }
    } else if (inCell && x.is('is')) {
      inIs = !x.closing && !x.selfClosing;
      if (inIs) inline = '';
    } else if (inCell && inIs && x.is('rPh')) {
      if (!x.selfClosing) phonetic += x.closing ? -1 : 1;
    } else if (inCell && inIs && phonetic <= 0 && x.is('t')) {
      if (x.closing) {
        if (textOf === 't') inline += x.textSince(textStart);
        textOf = null;
      } else if (!x.selfClosing) {
        textOf = 't';
        textStart = x.end;
      }
    } else if (!x.closing && x.is('dimension')) {
      const ref = x.attr('ref');
      if (ref) budget.dimension(sheet, ref);
    } else if (!x.closing && x.is('mergeCell')) {
      const ref = x.attr('ref');
      if (ref) merges.push(budget.merge(sheet, ref));
    } else if (x.is('sheetData') && x.closing && row) {
      throw new XlsxFormatError(`工作表“${sheet}”第 ${row.number} 行的 <row> 没有结束标记，文件已损坏 / unclosed row`, `${sheet}!A${row.number}`);
    }
  }
  if (inCell || row) {
    const where = inCell ? `单元格 ${cellRef}` : `第 ${row!.number} 行`;
    throw new XlsxFormatError(`工作表“${sheet}”的 XML 在${where}处中断，文件不完整 / truncated sheet`, `${sheet}!${inCell ? cellRef : `A${row!.number}`}`);
  }
  return { name: sheet, rows, merges };
}

/** A column's letters: 1 → A, 27 → AA. */
export function colName(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

/**
 * The sheets of a workbook (all, or the first), in the workbook's order, checked against `limits`
 * (xlsxGuard.ts) before anything beyond them is kept. Throws XlsxFormatError / XlsxLimitError.
 */
export function readXlsxSheets(bytes: Uint8Array, limits: XlsxLimits, which: 'all' | 'first' = 'all'): XlsxSheet[] {
  const pkg = openXlsx(bytes, limits);
  const parts = workbookParts(pkg);
  const budget = new SheetBudget(limits);
  const ctx: SheetContext = {
    budget,
    shared: readSharedStrings(pkg, parts.sharedStrings, budget),
    dateStyles: readDateStyles(pkg, parts.styles),
    date1904: parts.date1904,
  };
  const entries = which === 'first' ? parts.sheets.slice(0, 1) : parts.sheets;
  return entries.map((e) => readSheet(pkg, e, ctx));
}

/** The non-empty rows of the first worksheet (a community list). */
export function readFirstSheetRows(bytes: Uint8Array, limits: XlsxLimits = COMMUNITY_LIMITS): XlsxRow[] {
  return readXlsxSheets(bytes, limits, 'first')[0]!.rows;
}
