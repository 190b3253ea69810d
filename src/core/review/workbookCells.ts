import { type XlsxLimits, SheetBudget, XlsxFormatError, type XlsxPackage, columnOfRef, openXlsx } from '../excel/readers/xlsxGuard';
import { type SheetContext, type SheetEntry, colName, decodeCell, readSharedStrings, workbookParts } from '../excel/readers/xlsxRows';
import { XmlScanner } from '../excel/readers/xlsxXml';

/**
 * A submitted workbook's cells as review needs them: for each cell its value — text, number, boolean, or an
 * error's text — and whether it holds a formula (a formula's value is its cached result). Read by our own XML
 * reader (src/core/excel/readers/: the zip guarded against bombs, each part scanned once; the sheets, shared strings
 * and cell values as xlsxRows.ts reads them), including hidden and very hidden sheets. Dates are not converted: the
 * budget workbook writes none.
 */
export interface ReviewCell {
  value: string | number | boolean;
  formula: boolean;
}

export interface ReviewSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** by address, "K7" */
  cells: Map<string, ReviewCell>;
}

const MiB = 1024 * 1024;

/** A bid workbook: a 100,000-line budget is about 25 MB of xlsx with two dozen columns. */
export const BID_LIMITS: XlsxLimits = {
  what: '预算工作簿',
  maxFileBytes: 64 * MiB,
  maxEntries: 1000,
  maxEntryBytes: 256 * MiB,
  maxTotalBytes: 512 * MiB,
  maxRatio: 200,
  maxSheets: 100,
  maxRows: 300_000,
  maxColumns: 300,
  maxCells: 10_000_000,
  maxSharedStrings: 4_000_000,
};

/**
 * One worksheet's cells. The values are decoded as the row reader decodes them (xlsxRows.ts decodeCell, with no date
 * styles: a bid shows no dates); what this adds is whether each cell holds a formula, and every cell kept by address.
 */
function readSheet(pkg: XlsxPackage, entry: SheetEntry, ctx: Pick<SheetContext, 'budget' | 'shared'>): ReviewSheet {
  const sheet = entry.name;
  const { budget } = ctx;
  const decoding = { shared: ctx.shared, dateStyles: [], date1904: false };
  budget.sheet(sheet);
  const buf = pkg.read(entry.part);
  if (!buf) throw new XlsxFormatError(`xlsx 文件中没有工作表“${sheet}”的内容 / missing worksheet part`, sheet);
  const x = new XmlScanner(buf, entry.part);
  const cells = new Map<string, ReviewCell>();
  let rowNumber = 0;
  let inCell = false;
  let ref = '';
  let type = '';
  let value: string | null = null;
  let inline: string | null = null;
  let inIs = false;
  let phonetic = 0;
  let hasFormula = false;
  let textStart = -1;
  let textOf: 'v' | 't' | null = null;
  let nextCol = 1;

  const close = () => {
    inCell = false;
    const decoded = decodeCell({ sheet, ref, type, style: 0, value, inline }, decoding);
    const v = decoded instanceof Date ? decoded.toISOString() : decoded;
    if (v === null || (v === '' && !hasFormula)) return;
    budget.keep(sheet, ref, 1);
    cells.set(ref, { value: v, formula: hasFormula });
  };

  while (x.next()) {
    if (x.is('row')) {
      if (x.closing) continue;
      const r = x.asciiAttr('r');
      const n = r === null ? rowNumber + 1 : Number(r);
      budget.row(sheet, n, rowNumber, r ?? String(n));
      rowNumber = n;
      nextCol = 1;
    } else if (x.is('c')) {
      if (x.closing) {
        if (inCell) close();
        continue;
      }
      const r = x.asciiAttr('r');
      const col = r ? columnOfRef(r) : nextCol;
      ref = r ?? `${colName(col)}${rowNumber}`;
      budget.cell(sheet, ref, rowNumber, col);
      nextCol = col + 1;
      type = x.asciiAttr('t') ?? '';
      [value, inline, hasFormula, textOf, inIs, phonetic] = [null, null, false, null, false, 0];
      if (!x.selfClosing) inCell = true;
    } else if (inCell && x.is('f')) {
      if (!x.closing) hasFormula = true;
    } else if (inCell && x.is('v')) {
      if (x.closing) {
        if (textOf === 'v') value = x.textSince(textStart);
        textOf = null;
      } else if (!x.selfClosing) [textOf, textStart] = ['v', x.end];
    } else if (inCell && x.is('is')) {
      inIs = !x.closing && !x.selfClosing;
      if (inIs) inline = '';
    } else if (inCell && inIs && x.is('rPh')) {
      if (!x.selfClosing) phonetic += x.closing ? -1 : 1;
    } else if (inCell && inIs && phonetic <= 0 && x.is('t')) {
      if (x.closing) {
        if (textOf === 't') inline += x.textSince(textStart);
        textOf = null;
      } else if (!x.selfClosing) [textOf, textStart] = ['t', x.end];
    }
  }
  return { name: sheet, state: entry.state, cells };
}

/** Every worksheet of a workbook, by name. Throws XlsxFormatError / XlsxLimitError (xlsxGuard.ts). */
export function readReviewCells(bytes: Uint8Array, limits: XlsxLimits = BID_LIMITS): Map<string, ReviewSheet> {
  const pkg = openXlsx(bytes, limits);
  if (!pkg.has('xl/workbook.xml')) throw new XlsxFormatError('xlsx 文件中没有 xl/workbook.xml，不是 Excel 工作簿 / no workbook part');
  const { sheets, sharedStrings } = workbookParts(pkg);
  const budget = new SheetBudget(limits);
  const shared = readSharedStrings(pkg, sharedStrings, budget);
  return new Map(sheets.map((e) => [e.name, readSheet(pkg, e, { budget, shared })]));
}
