import { type XlsxLimits, SheetBudget, XlsxFormatError, type XlsxPackage, columnOfRef, openXlsx } from '../excel/readers/xlsxGuard';
import { XmlScanner } from '../excel/readers/xlsxXml';
import { workbookRelationships } from '../excel/readers/xlsxRows';

/**
 * A submitted workbook's cells as review needs them: for each cell its value — text, number, boolean, or an
 * error's text — and whether it holds a formula (a formula's value is its cached result). Read by our own XML
 * reader (src/core/excel/readers/: the zip guarded against bombs, each part scanned once), including hidden and
 * very hidden sheets. Dates are not converted: the budget workbook writes none.
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

function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out: string[] = [];
  for (const p of `xl/${target}`.split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface SheetEntry {
  name: string;
  part: string;
  state: ReviewSheet['state'];
}

function sheetEntries(pkg: XlsxPackage): { sheets: SheetEntry[]; sharedStrings: string | null } {
  const rels = workbookRelationships(pkg);
  const sheets: SheetEntry[] = [];
  const wbXml = pkg.read('xl/workbook.xml');
  if (!wbXml) throw new XlsxFormatError('xlsx 文件中没有 xl/workbook.xml，不是 Excel 工作簿 / no workbook part');
  const x = new XmlScanner(wbXml, 'xl/workbook.xml');
  while (x.next()) {
    if (x.closing || !x.is('sheet')) continue;
    const rid = x.attr('r:id') ?? x.attr('id');
    const rel = rid ? rels.get(rid) : undefined;
    if (!rel || (rel.type !== '' && !/\/worksheet$/.test(rel.type))) continue;
    const state = x.attr('state');
    const part = partPath(rel.target);
    if (pkg.has(part)) sheets.push({ name: x.attr('name') ?? '', part, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
  }
  let sharedStrings: string | null = null;
  for (const r of rels.values()) if (r.type.endsWith('/sharedStrings')) sharedStrings = partPath(r.target);
  if (sharedStrings === null && pkg.has('xl/sharedStrings.xml')) sharedStrings = 'xl/sharedStrings.xml';
  return { sheets, sharedStrings };
}

function readSharedStrings(pkg: XlsxPackage, part: string | null, budget: SheetBudget): string[] {
  const buf = part ? pkg.read(part) : null;
  if (!buf) return [];
  const x = new XmlScanner(buf, part!);
  const out: string[] = [];
  let inSi = false;
  let phonetic = 0;
  let text = '';
  let tStart = -1;
  while (x.next()) {
    if (x.is('si')) {
      if (x.closing) {
        if (inSi) out.push(text);
        inSi = false;
      } else {
        if (inSi) out.push(text);
        budget.sharedStrings(out.length + 1);
        if (x.selfClosing) out.push('');
        else [inSi, text, phonetic] = [true, '', 0];
      }
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

function readSheet(pkg: XlsxPackage, entry: SheetEntry, shared: string[], budget: SheetBudget): ReviewSheet {
  const sheet = entry.name;
  budget.sheet(sheet);
  const buf = pkg.read(entry.part)!;
  const x = new XmlScanner(buf, entry.part);
  const cells = new Map<string, ReviewCell>();
  let rowNumber = 0;
  let inCell = false;
  let ref = '';
  let type = '';
  let value: string | null = null;
  let inline: string | null = null;
  let hasFormula = false;
  let textStart = -1;
  let textOf: 'v' | 't' | null = null;
  let nextCol = 1;

  const close = () => {
    inCell = false;
    let v: string | number | boolean | null;
    if (type === 's') {
      const i = Number(value);
      if (value === null || !Number.isInteger(i) || i < 0 || i >= shared.length) {
        throw new XlsxFormatError(`单元格 ${sheet}!${ref} 引用了不存在的共享字符串，文件已损坏 / shared string index out of range`, `${sheet}!${ref}`);
      }
      v = shared[i]!;
    } else if (type === 'inlineStr') v = inline ?? value;
    else if (type === 'str' || type === 'e') v = value;
    else if (type === 'b') v = value === null ? null : value.trim() === '1' || value.trim() === 'true';
    else if (value === null || value.trim() === '') v = inline;
    else {
      const n = Number(value);
      v = Number.isFinite(n) ? n : value.trim();
    }
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
      [value, inline, hasFormula, textOf] = [null, null, false, null];
      if (!x.selfClosing) inCell = true;
    } else if (inCell && x.is('f')) {
      if (!x.closing) hasFormula = true;
    } else if (inCell && (x.is('v') || x.is('t'))) {
      const which = x.is('v') ? 'v' : 't';
      if (x.closing) {
        if (textOf === which) {
          const t = x.textSince(textStart);
          if (which === 'v') value = t;
          else inline = (inline ?? '') + t;
        }
        textOf = null;
      } else if (!x.selfClosing) {
        textOf = which;
        textStart = x.end;
      }
    }
  }
  return { name: sheet, state: entry.state, cells };
}

function colName(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

/** Every worksheet of a workbook, by name. Throws XlsxFormatError / XlsxLimitError (xlsxGuard.ts). */
export function readReviewCells(bytes: Uint8Array, limits: XlsxLimits = BID_LIMITS): Map<string, ReviewSheet> {
  const pkg = openXlsx(bytes, limits);
  const { sheets, sharedStrings } = sheetEntries(pkg);
  const budget = new SheetBudget(limits);
  const shared = readSharedStrings(pkg, sharedStrings, budget);
  return new Map(sheets.map((e) => [e.name, readSheet(pkg, e, shared, budget)]));
}
