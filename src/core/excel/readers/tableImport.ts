import type { z } from 'zod';
import { type CostLineSpec, type StaffLineSpec, costLineSchema, staffLineSchema } from '../../spec/budgetSpec';
import { ValidationError, type FieldProblem } from '../../spec/fields';
import { halfWidth, parseStep, printedDecimal } from '../../spec/printedNumbers';
import { TextDecodeError, decodeText } from '../../text/decodeText';
import { columnLetter } from '../cells';
import { parseCsvRows } from './communityImport';
import { COMMUNITY_LIMITS, XlsxFormatError } from './xlsxGuard';
import { type XlsxCell, readXlsxSheets } from './xlsxRows';

/**
 * Bids from other templates (docs/design.md §Excel workbooks, "Bids from other templates"): a plain staff table
 * (岗位/等级/档次/持证/人数/月数/月薪) and a cost table (类别/名称/单价/数量/次数) read from any xlsx (the first sheet or
 * the one chosen), csv (UTF-8, UTF-16 or GBK) or a paste, as a grid of texts with the sheet's own row numbers. The
 * header row is found among the first rows (a title above it is skipped), each column's field guessed from its
 * header, and every data row turned into a staff or cost line by the spec's own line schema — each bad cell named by
 * its row, column and field ("人员表 第 5 行 F 列「人数」：…"). Pure: no store, no DOM.
 */
export type TableKind = 'staff' | 'costs';

export interface TableField {
  key: string;
  /** the field's name in messages and the preview */
  zh: string;
  /** header words that name this field */
  headers: RegExp;
  required?: boolean;
}

/** The staff table's fields (the words a header may use; the budget editor's paste knows the same words). */
export const STAFF_TABLE_FIELDS: readonly TableField[] = [
  { key: 'post', zh: '岗位', headers: /岗位|职位|post/i, required: true },
  { key: 'grade', zh: '等级', headers: /等级|薪级|级别|职级|grade|level/i, required: true },
  { key: 'step', zh: '档次', headers: /档次|档|step/i },
  { key: 'qualification', zh: '持证', headers: /持证|证书|资格|qualification|certificate/i },
  { key: 'count', zh: '人数', headers: /人数|人员数量|count|people|headcount/i, required: true },
  { key: 'months', zh: '月数', headers: /^(月数|服务月数|计薪月数|months?)$/i },
  { key: 'bonusMonths', zh: '额外月数', headers: /额外|年终|bonus|extra/i },
  { key: 'monthly', zh: '月薪', headers: /月薪|工资|薪酬|monthly|pay|salary/i },
  { key: 'note', zh: '备注', headers: /备注|说明|note|remark/i },
];

export const COST_TABLE_FIELDS: readonly TableField[] = [
  { key: 'category', zh: '类别', headers: /类别|类型|科目|category/i, required: true },
  { key: 'name', zh: '名称', headers: /名称|内容|摘要|明细|name|item/i, required: true },
  { key: 'unitPrice', zh: '单价', headers: /单价|价格|标准|unit|price/i, required: true },
  { key: 'quantity', zh: '数量', headers: /数量|人次|场次|quantity|qty/i, required: true },
  { key: 'times', zh: '次数', headers: /次数|期数|频次|times/i },
  { key: 'note', zh: '备注', headers: /备注|说明|note|remark/i },
];

export const TABLE_FIELDS: Record<TableKind, readonly TableField[]> = { staff: STAFF_TABLE_FIELDS, costs: COST_TABLE_FIELDS };
export const TABLE_NAME: Record<TableKind, string> = { staff: '人员表', costs: '费用表' };

/** A sheet (or csv, or paste) as texts; rows keep the sheet's row numbers, fully blank rows are left out. */
export interface TableGrid {
  /** the workbook's sheets (one "表格" for a csv or paste) */
  sheets: string[];
  sheet: string;
  rows: { number: number; cells: string[] }[];
}

/** A column's field, or null: the column is left out. */
export type TableMapping = (string | null)[];

/** The header row is looked for among the first rows: a title, a date, a unit line may stand above it. */
const HEADER_SEARCH_ROWS = 20;
/** 合计 / 小计 rows are a table's sums, not lines. */
const TOTAL_ROW = /^(合计|小计|总计|共计|total|subtotal)$/i;
const NO_QUALIFICATION = /^(|无|没有|none|no|-|—|–)$/i;
/** the tables of a bid are short: the community list's limits (xlsxGuard.ts) bound the file and the sheet */
const LIMITS = COMMUNITY_LIMITS;
const PASTE_SHEET = '表格';

function cellText(c: XlsxCell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return String(c).trim();
}

function gridOf(sheet: string, sheets: string[], rows: { number: number; cells: string[] }[]): TableGrid {
  return { sheets, sheet, rows: rows.filter((r) => r.cells.some((c) => c !== '')) };
}

/** A pasted block or a csv's text: tabs or commas (parseCsvRows), row numbers from 1. */
export function textTableGrid(text: string): TableGrid {
  if (text.length > LIMITS.maxFileBytes) throw new ValidationError([{ path: '表格', message: '粘贴的内容过大 / the pasted text is too large' }]);
  const rows = parseCsvRows(text).map((cells, i) => ({ number: i + 1, cells: cells.map((c) => c.trim()) }));
  return gridOf(PASTE_SHEET, [PASTE_SHEET], rows);
}

/** An xlsx (the sheet named, else the first) or a csv / txt, by its name; errors name the file, sheet or cell. */
export function readTableGrid(fileName: string, bytes: Uint8Array, sheet?: string): TableGrid {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) {
    if (bytes.byteLength > LIMITS.maxFileBytes) throw new ValidationError([{ path: fileName, message: '文件过大（超过 20 MB）/ file larger than 20 MB' }]);
    try {
      return { ...textTableGrid(decodeText(bytes).text), sheets: [fileName], sheet: fileName };
    } catch (e) {
      if (e instanceof TextDecodeError) throw new ValidationError([{ path: fileName, message: e.message }]);
      throw e;
    }
  }
  if (!lower.endsWith('.xlsx'))
    throw new ValidationError([{ path: fileName, message: '只支持 .xlsx、.csv 文件或粘贴 / only .xlsx or .csv files, or a paste' }]);
  try {
    const sheets = readXlsxSheets(bytes, LIMITS, 'all');
    if (sheets.length === 0) throw new ValidationError([{ path: fileName, message: '工作簿没有工作表 / the workbook has no sheet' }]);
    const chosen = sheet === undefined ? sheets[0]! : sheets.find((s) => s.name === sheet);
    if (!chosen)
      throw new ValidationError([{ path: fileName, message: `没有名为“${sheet}”的工作表；现有：${sheets.map((s) => s.name).join('、')} / no such sheet` }]);
    return gridOf(
      chosen.name,
      sheets.map((s) => s.name),
      chosen.rows.map((r) => ({ number: r.number, cells: r.cells.map(cellText) })),
    );
  } catch (e) {
    if (e instanceof XlsxFormatError) throw new ValidationError([{ path: e.where || fileName, message: e.message }]);
    throw e;
  }
}

/** The field a header cell names, if exactly one field's words match it. */
function fieldOfHeader(cell: string, fields: readonly TableField[]): string | null {
  const text = halfWidth(cell).replace(/\s+/g, '');
  if (text === '') return null;
  const hits = fields.filter((f) => f.headers.test(text));
  return hits.length === 1 ? hits[0]!.key : null;
}

/** Each column's field by its header; a field named by two columns goes to the first. */
export function guessMapping(header: readonly string[], fields: readonly TableField[]): TableMapping {
  const taken = new Set<string>();
  return header.map((cell) => {
    const key = fieldOfHeader(cell, fields);
    if (key === null || taken.has(key)) return null;
    taken.add(key);
    return key;
  });
}

/** The index (in grid.rows) of the header row: among the first rows, the one naming the most fields; 0 when none names two. */
export function guessHeaderRow(grid: TableGrid, fields: readonly TableField[]): number {
  let best = 0;
  let bestCount = 1;
  grid.rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => {
    const n = guessMapping(r.cells, fields).filter((k) => k !== null).length;
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  });
  return best;
}

export interface TableProblem {
  /** the sheet's row number; null for the table as a whole (a required column missing) */
  row: number | null;
  /** the column letter; null when the problem is the row's */
  column: string | null;
  field: string | null;
  message: string;
}

export interface TableLines<L> {
  /** each line with the sheet row it came from */
  lines: { row: number; line: L }[];
  problems: TableProblem[];
}

/** "人员表 第 5 行 F 列「人数」" — where a problem is, as the user finds it in their sheet. */
export function problemPlace(kind: TableKind, p: TableProblem): string {
  const at = p.row === null ? '' : ` 第 ${p.row} 行`;
  const col = p.column === null ? '' : ` ${p.column} 列`;
  const field = p.field === null ? '' : `「${TABLE_FIELDS[kind].find((f) => f.key === p.field)?.zh ?? p.field}」`;
  return `${TABLE_NAME[kind]}${at}${col}${field}`;
}

/** Problems as a ValidationError whose paths name the place. */
export function tableProblemsError(kind: TableKind, problems: readonly TableProblem[]): ValidationError {
  return new ValidationError(problems.map((p): FieldProblem => ({ path: problemPlace(kind, p), message: p.message })));
}

type Values = Record<string, string>;

/** A number cell as a JSON number for the line schema (counts, months travel as numbers); kept as text when not a number. */
function numberOrText(text: string): number | string {
  const d = printedDecimal(text);
  return d === null ? text : Number(d);
}

function staffLineOf(v: Values, defaultMonths: number): unknown {
  const step = v.step === undefined || v.step === '' ? 1 : (parseStep(v.step) ?? v.step);
  return {
    post: v.post ?? '',
    grade: v.grade ?? '',
    step,
    ...(v.qualification !== undefined && !NO_QUALIFICATION.test(v.qualification) ? { qualification: v.qualification } : {}),
    count: numberOrText(v.count ?? ''),
    months: v.months === undefined || v.months === '' ? defaultMonths : numberOrText(v.months),
    ...(v.bonusMonths !== undefined && v.bonusMonths !== '' ? { bonusMonths: numberOrText(v.bonusMonths) } : {}),
    ...(v.monthly !== undefined && v.monthly !== '' ? { monthly: printedDecimal(v.monthly) ?? v.monthly } : {}),
    ...(v.note ? { note: v.note } : {}),
  };
}

function costLineOf(v: Values): unknown {
  return {
    category: v.category ?? '',
    name: v.name ?? '',
    unitPrice: printedDecimal(v.unitPrice ?? '') ?? v.unitPrice ?? '',
    quantity: numberOrText(v.quantity ?? ''),
    ...(v.times !== undefined && v.times !== '' ? { times: numberOrText(v.times) } : {}),
    ...(v.note ? { note: v.note } : {}),
  };
}

function linesOfTable<L>(
  kind: TableKind,
  grid: TableGrid,
  headerIndex: number,
  mapping: TableMapping,
  toLine: (v: Values) => unknown,
  schema: z.ZodType<L>,
): TableLines<L> {
  const fields = TABLE_FIELDS[kind];
  const problems: TableProblem[] = [];
  for (const f of fields) {
    if (f.required && !mapping.includes(f.key)) {
      problems.push({ row: null, column: null, field: f.key, message: `没有对应「${f.zh}」的列，请在预览中指定 / no column is mapped to ${f.key}` });
    }
  }
  const columnOf = new Map<string, number>();
  mapping.forEach((k, i) => {
    if (k !== null && !columnOf.has(k)) columnOf.set(k, i);
  });
  const lines: { row: number; line: L }[] = [];
  if (problems.length > 0) return { lines, problems };
  for (const r of grid.rows.slice(headerIndex + 1)) {
    const values: Values = {};
    for (const [k, i] of columnOf) values[k] = r.cells[i] ?? '';
    const filled = Object.values(values).filter((t) => t !== '');
    if (filled.length === 0) continue;
    // a sums row (合计) is the table's, not a line
    if (r.cells.some((c) => TOTAL_ROW.test(c.replace(/\s+/g, '')))) continue;
    const parsed = schema.safeParse(toLine(values));
    if (parsed.success) {
      lines.push({ row: r.number, line: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = typeof issue.path[0] === 'string' ? issue.path[0] : null;
      const col = key === null ? undefined : columnOf.get(key);
      problems.push({ row: r.number, column: col === undefined ? null : columnLetter(col + 1), field: key, message: issue.message });
    }
  }
  return { lines, problems };
}

/** The staff lines of a table under `mapping`; a line without 月数 works the project's months. */
export function staffLinesOfTable(grid: TableGrid, headerIndex: number, mapping: TableMapping, defaultMonths: number): TableLines<StaffLineSpec> {
  return linesOfTable('staff', grid, headerIndex, mapping, (v) => staffLineOf(v, defaultMonths), staffLineSchema as unknown as z.ZodType<StaffLineSpec>);
}

export function costLinesOfTable(grid: TableGrid, headerIndex: number, mapping: TableMapping): TableLines<CostLineSpec> {
  return linesOfTable('costs', grid, headerIndex, mapping, costLineOf, costLineSchema as unknown as z.ZodType<CostLineSpec>);
}
