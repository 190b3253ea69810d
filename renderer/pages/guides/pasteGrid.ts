import { DistinctCells, cellKey } from '../../../src/core/guides/distinctCells';
import { parseDecimal, toFixed, toPlainString } from '../../../src/core/money/decimal';
import { parseStep, printedDecimal as normalizeNumberText } from '../../../src/core/spec/printedNumbers';
import { coefficientText, moneyText } from '../../../src/core/spec/fields';
import { schemaMessage, type Lang } from '../../i18n';
import { checkMessages, type CheckMessages } from './messages';

/**
 * A block pasted from Excel/WPS into the pay-guide grid: rows separated by line breaks, cells by
 * tabs (Excel's clipboard text). Columns are 岗位, 等级, 档次, 金额 (or 系数); the 档次 column may be
 * left out (then step 1). A header row is optional and, when present, may name the columns in any
 * order. Numbers are taken as the user's sheet shows them — "1,234.00", "１２３４", "6500元",
 * "￥6,500.00" — and turned into exact decimal text; nothing goes through a float.
 *
 * All or nothing: every bad cell is reported as 第 r 行第 c 列 (as counted in the pasted block), and
 * no cell is returned unless all are good, so the grid is never half-updated.
 */

export type PasteValueKind = 'amount' | 'coefficient';

export interface PastedCell {
  post: string;
  grade: string;
  step: number;
  amount?: string; // "6500.00"
  coefficient?: string; // "1.35"
}

export interface PasteProblem {
  row: number; // 1-based, in the pasted block
  col: number; // 1-based
  message: string; // in the language asked for, starting with 第 r 行第 c 列 / Row r, column c
}

export type PasteResult = { ok: true; cells: PastedCell[]; headerSkipped: boolean; kind: PasteValueKind } | { ok: false; problems: PasteProblem[] };

type Column = 'post' | 'grade' | 'step' | 'value';

/** Header words a published table uses for each column (matched as substrings). */
const HEADER_WORDS: ReadonlyArray<[Column, RegExp]> = [
  ['post', /岗位|岗别|职位|post/i],
  ['step', /档次|档|step/i],
  ['grade', /等级|薪级|级别|职级|grade|level/i],
  ['value', /金额|标准|月薪|工资|薪酬|系数|元|amount|coefficient|pay/i],
];
const COEFFICIENT_HEADER = /系数|coefficient/i;

/** Splits clipboard text into rows of cells; Excel quotes a cell that holds a tab, quote or line break. */
export function splitClipboardRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // quoted cell: "" is a literal quote, ends at the closing quote
      i++;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i];
        i++;
      }
      atCellStart = false;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      cell += ch;
      atCellStart = false;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Numbers as the sheet shows them ("1,234.00", "１２３４", "6500元", "第十二档"): the core's one reading. */
export { normalizeNumberText, parseStep };

function headerColumns(cells: string[]): Column[] | null {
  const found: Column[] = [];
  for (const cell of cells) {
    const text = cell.trim();
    const match = HEADER_WORDS.find(([, re]) => re.test(text));
    if (!match) return null;
    found.push(match[0]);
  }
  const unique = new Set(found);
  if (unique.size !== found.length || !unique.has('post') || !unique.has('grade') || !unique.has('value')) return null;
  return found;
}

/** Without a header: 岗位 等级 档次 金额, or 岗位 等级 金额. */
function positionalColumns(width: number): Column[] | null {
  if (width === 4) return ['post', 'grade', 'step', 'value'];
  if (width === 3) return ['post', 'grade', 'value'];
  return null;
}

function at(m: CheckMessages, r: number, c: number, message: string): PasteProblem {
  return { row: r, col: c, message: m.at(r, c, message) };
}

const MAX_COEFFICIENT_PLACES = 8;

/** A value cell as exact text within the schema's range (src/core/spec/fields.ts LIMITS), or the reason it is not one. */
function parseValue(m: CheckMessages, raw: string, kind: PasteValueKind, lang: Lang): { text: string } | { problem: string } {
  if (raw === '') return { problem: m.valueEmpty(kind) };
  const number = normalizeNumberText(raw);
  if (number === null) return { problem: m.notNumber(raw, kind, kind === 'amount' ? '6500.00' : '1.35') };
  const places = (number.split('.')[1] ?? '').length;
  const ranged = (kind === 'amount' ? moneyText : coefficientText).safeParse(number);
  if (!ranged.success && places <= (kind === 'amount' ? 2 : MAX_COEFFICIENT_PLACES))
    return { problem: `“${raw}”${lang === 'en' ? ': ' : '：'}${schemaMessage(ranged.error.issues[0]!.message, lang)}` };
  if (kind === 'amount') {
    return places > 2 ? { problem: m.amountPlaces(raw) } : { text: toFixed(parseDecimal(number), 2) };
  }
  return places > MAX_COEFFICIENT_PLACES ? { problem: m.coefficientPlaces(raw, MAX_COEFFICIENT_PLACES) } : { text: toPlainString(parseDecimal(number)) };
}

/**
 * A grade × step table as published: 岗位 | 等级 | 一档 | 二档 | 三档 … — a header whose first two
 * columns are 岗位 and 等级 and whose others each name a step. Returns the step of each column.
 */
function wideHeader(cells: string[]): number[] | null {
  if (cells.length < 3) return null;
  const [post, grade, ...rest] = cells.map((c) => c.trim());
  if (!/岗位|岗别|职位|post/i.test(post!) || !/等级|薪级|级别|职级|grade|level/i.test(grade!)) return null;
  const steps = rest.map((c) => (/档|step/i.test(c) ? parseStep(c.replace(/^(档次|step)\s*/i, '')) : null));
  if (steps.some((s) => s === null) || new Set(steps).size !== steps.length) return null;
  return steps as number[];
}

/**
 * Parses the pasted block. `kind` says what the value column holds unless a header calls it 系数;
 * `lang` is the language of the problems.
 */
export function parsePastedGrid(text: string, kind: PasteValueKind = 'amount', lang: Lang = 'zh'): PasteResult {
  const m = checkMessages[lang];
  const rows = splitClipboardRows(text);
  // a sheet's clipboard ends with a line break and may carry fully blank rows: they are not data
  const numbered = rows.map((cells, i) => ({ r: i + 1, cells: trimTrailingEmpty(cells) })).filter((x) => x.cells.some((c) => c.trim() !== ''));
  if (numbered.length === 0) {
    return { ok: false, problems: [{ row: 0, col: 0, message: m.pasteEmpty }] };
  }
  const first = numbered[0]!;
  const problems: PasteProblem[] = [];
  const cells: PastedCell[] = [];
  const distinct = new DistinctCells<number>();
  let valueKind = kind;

  /** Adds one cell unless its 岗位/等级/档次 came before (then names the earlier row). */
  const push = (r: number, c: number, post: string, grade: string, step: number, value: string) => {
    const dup = distinct.earlier({ post, grade, step }, r);
    if (dup !== undefined) {
      problems.push(at(m, r, c, m.duplicate(post, grade, step, dup)));
      return;
    }
    cells.push(valueKind === 'amount' ? { post, grade, step, amount: value } : { post, grade, step, coefficient: value });
  };

  const wide = wideHeader(first.cells);
  if (wide) {
    if (COEFFICIENT_HEADER.test(first.cells.slice(2).join(''))) valueKind = 'coefficient';
    const data = numbered.slice(1);
    if (data.length === 0) return { ok: false, problems: [{ row: 1, col: 0, message: m.headerOnly }] };
    for (const { r, cells: raw } of data) {
      if (raw.length > wide.length + 2) {
        problems.push(at(m, r, wide.length + 3, m.extraColumnsWide(wide.length + 2)));
        continue;
      }
      const post = (raw[0] ?? '').trim();
      const grade = (raw[1] ?? '').trim();
      if (post === '') problems.push(at(m, r, 1, m.postEmpty));
      if (grade === '') problems.push(at(m, r, 2, m.gradeEmpty));
      wide.forEach((step, k) => {
        const rawValue = (raw[k + 2] ?? '').trim();
        if (rawValue === '' || rawValue === '-' || rawValue === '—') return; // a grade without this step
        const v = parseValue(m, rawValue, valueKind, lang);
        if ('problem' in v) problems.push(at(m, r, k + 3, v.problem));
        else if (post !== '' && grade !== '') push(r, k + 3, post, grade, step, v.text);
      });
    }
    if (problems.length > 0) return { ok: false, problems };
    if (cells.length === 0) return { ok: false, problems: [{ row: 2, col: 3, message: m.noAmounts }] };
    return { ok: true, cells, headerSkipped: true, kind: valueKind };
  }

  let columns = headerColumns(first.cells);
  const headerSkipped = columns !== null;
  if (columns) {
    const valueIndex = columns.indexOf('value');
    if (COEFFICIENT_HEADER.test(first.cells[valueIndex] ?? '')) valueKind = 'coefficient';
  }
  const data = headerSkipped ? numbered.slice(1) : numbered;
  if (!columns) {
    columns = positionalColumns(first.cells.length);
    if (!columns) {
      return {
        ok: false,
        problems: [at(m, first.r, first.cells.length, m.wrongWidth(first.cells.length))],
      };
    }
  }
  if (data.length === 0) return { ok: false, problems: [{ row: 1, col: 0, message: m.headerOnly }] };

  for (const { r, cells: raw } of data) {
    if (raw.length > columns.length) {
      problems.push(at(m, r, columns.length + 1, m.extraColumns(columns.length)));
      continue;
    }
    const get = (col: Column) => {
      const i = columns!.indexOf(col);
      return i < 0 ? null : { c: i + 1, text: (raw[i] ?? '').trim() };
    };
    const post = get('post')!;
    const grade = get('grade')!;
    const stepCell = get('step');
    const value = get('value')!;
    const before = problems.length;
    if (post.text === '') problems.push(at(m, r, post.c, m.postEmpty));
    if (grade.text === '') problems.push(at(m, r, grade.c, m.gradeEmpty));
    let step = 1;
    if (stepCell) {
      const parsed = parseStep(stepCell.text);
      if (parsed === null) problems.push(at(m, r, stepCell.c, m.stepNotInteger(stepCell.text)));
      else step = parsed;
    }
    const v = parseValue(m, value.text, valueKind, lang);
    if ('problem' in v) problems.push(at(m, r, value.c, v.problem));
    else if (problems.length === before) push(r, post.c, post.text, grade.text, step, v.text);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, cells, headerSkipped, kind: valueKind };
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  return cells.slice(0, end);
}

/**
 * Applies pasted cells to a version's grid: 'merge' updates the cells with the same 岗位/等级/档次
 * and appends new ones (keeping the grid's order); 'replace' takes the pasted block as the whole grid.
 */
export function applyPastedCells<C extends PastedCell>(existing: readonly C[], pasted: readonly PastedCell[], mode: 'merge' | 'replace'): PastedCell[] {
  if (mode === 'replace') return pasted.map((c) => ({ ...c }));
  const key = (c: PastedCell) => cellKey(c.post, c.grade, c.step);
  const incoming = new Map(pasted.map((c) => [key(c), c]));
  const out: PastedCell[] = existing.map((c) => {
    const k = key(c);
    const p = incoming.get(k);
    if (!p) return stripCell(c);
    incoming.delete(k);
    return { ...p };
  });
  for (const c of pasted) if (incoming.has(key(c))) out.push({ ...c });
  return out;
}

function stripCell(c: PastedCell): PastedCell {
  return c.amount !== undefined
    ? { post: c.post, grade: c.grade, step: c.step, amount: c.amount }
    : { post: c.post, grade: c.grade, step: c.step, coefficient: c.coefficient! };
}
