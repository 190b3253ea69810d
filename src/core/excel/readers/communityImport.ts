import { ONE, compare, parseDecimal, toPlainString } from '../../money/decimal';
import { percentToRatio } from '../../money/percent';
import { LIMITS, ValidationError, type FieldProblem } from '../../spec/fields';
import { COMMUNITY_COLUMNS, type Community, type CommunityField } from '../../plan/community';
import { TextDecodeError, decodeText } from '../../text/decodeText';
import { columnLetter } from '../cells';
import { COMMUNITY_LIMITS, XlsxFormatError } from './xlsxGuard';
import { type XlsxRow, headerAndBody, readFirstSheetRows } from './xlsxRows';

/**
 * Reads a community list from csv or xlsx. Headers may be Chinese or English (any order, extra
 * columns ignored); every bad cell is reported as “第 N 行 户数（D 列）：…” and nothing is accepted
 * if any row is bad. csv may be UTF-8 (with or without BOM), UTF-16 or GBK, which is what Excel on
 * a Chinese Windows saves (src/core/text/decodeText.ts). Both kinds are read within
 * COMMUNITY_LIMITS (xlsxGuard.ts): 200,000 rows, 200 columns, 20 MB.
 */
/** A date is a number the sheet formats as a date: kept apart so that 46023 is never read as households. */
export type Cell = string | number | boolean | Date | null;

const MAX_PROBLEMS = 200;

export class CommunityImportError extends ValidationError {
  constructor(
    problems: FieldProblem[],
    readonly truncated: boolean,
  ) {
    super(problems);
    this.name = 'CommunityImportError';
  }
}

const HEADER_ALIASES = new Map<string, CommunityField>();
for (const c of COMMUNITY_COLUMNS) {
  HEADER_ALIASES.set(c.zh, c.key);
  HEADER_ALIASES.set(c.en.toLowerCase(), c.key);
}
// common variants seen in real lists
for (const [alias, key] of [
  ['社区', 'name'],
  ['名称', 'name'],
  ['区县', 'district'],
  ['区（县）', 'district'],
  ['街道（乡镇）', 'street'],
  ['街镇', 'street'],
  ['乡镇', 'street'],
  ['户数（户）', 'households'],
  ['常住人口（人）', 'residents'],
  ['老年人口比例', 'elderlyShare'],
  ['老龄化比例', 'elderlyShare'],
  ['城市/农村', 'urbanRural'],
  ['现有社工', 'currentStaff'],
  ['现有人员', 'currentStaff'],
  ['持证人员', 'certifiedStaff'],
  ['elderly_share', 'elderlyShare'],
  ['urban_rural', 'urbanRural'],
  ['current_staff', 'currentStaff'],
  ['certified_staff', 'certifiedStaff'],
] as const) {
  HEADER_ALIASES.set(alias, key);
}

const normaliseHeader = (h: Cell) =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

function headerMap(header: readonly Cell[]): Map<CommunityField, number> {
  const map = new Map<CommunityField, number>();
  const problems: FieldProblem[] = [];
  header.forEach((h, i) => {
    const key = HEADER_ALIASES.get(normaliseHeader(h)) ?? HEADER_ALIASES.get(String(h ?? '').trim());
    if (!key) return;
    if (map.has(key)) {
      problems.push({
        path: `第 1 行 ${columnLetter(i + 1)} 列`,
        message: `表头“${String(h)}”与 ${columnLetter(map.get(key)! + 1)} 列重复 / duplicate column`,
      });
    } else map.set(key, i);
  });
  for (const c of COMMUNITY_COLUMNS) {
    if (c.required && !map.has(c.key)) {
      problems.push({ path: '第 1 行（表头）', message: `缺少必填列“${c.zh}”（${c.en}）/ missing required column ${c.en}` });
    }
  }
  if (problems.length) throw new CommunityImportError(problems, false);
  return map;
}

const WHOLE = /^\d+$/;
const DECIMAL_FRACTION = /^\d+(\.\d+)?$/;

const isoDate = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));

function cellText(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDate(v);
  return v.trim();
}

/** "0.28" | "28%" | 0.28 → "0.28", exact (a percent moves the decimal point; no float), or null outside 0..1 */
function parseShare(text: string): string | null {
  const t = text.replace(/\s/g, '');
  const share = /[%％]$/.test(t) ? percentToRatio(t) : DECIMAL_FRACTION.test(t) ? toPlainString(parseDecimal(t)) : null;
  return share === null || compare(parseDecimal(share), ONE) > 0 ? null : share;
}

const URBAN = new Set(['城市', '城镇', '城', 'urban', '市区']);
const RURAL = new Set(['农村', '乡村', '村', 'rural']);

export interface CommunityImportResult {
  communities: Community[];
  /** header columns that were not recognised (ignored), for the UI to show */
  ignoredColumns: string[];
}

/**
 * Validates rows (after the header) into communities. `firstRow` is the sheet row number of rows[0].
 * All problems are collected (up to 200) before anything is rejected.
 */
export function communitiesFromRows(header: readonly Cell[], rows: Iterable<readonly Cell[]>, firstRow = 2): CommunityImportResult {
  const map = headerMap(header);
  const ignoredColumns = header
    .map((h, i) => ({ h, i }))
    .filter(({ i }) => ![...map.values()].includes(i) && cellText(header[i] ?? null) !== '')
    .map(({ h, i }) => `${columnLetter(i + 1)}:${String(h)}`);
  const col = (key: CommunityField) => map.get(key);
  const idx = {
    name: col('name')!,
    district: col('district')!,
    street: col('street')!,
    households: col('households')!,
    residents: col('residents'),
    elderlyShare: col('elderlyShare'),
    urbanRural: col('urbanRural'),
    currentStaff: col('currentStaff'),
    certifiedStaff: col('certifiedStaff'),
  };
  const zhOf = new Map(COMMUNITY_COLUMNS.map((c) => [c.key, c.zh]));
  const problems: FieldProblem[] = [];
  let truncated = false;
  const communities: Community[] = [];
  let rowNo = firstRow - 1;
  for (const cells of rows) {
    rowNo++;
    if (cells.every((c) => cellText(c) === '')) continue; // blank lines are not communities
    const where = (key: CommunityField) => `第 ${rowNo} 行 ${zhOf.get(key)}（${columnLetter(map.get(key)! + 1)} 列）`;
    const bad = (key: CommunityField, message: string) => {
      if (problems.length < MAX_PROBLEMS) problems.push({ path: where(key), message });
      else truncated = true;
    };
    const text = (i: number | undefined) => (i === undefined ? '' : cellText(cells[i] ?? null));
    /** a number the sheet shows as a date (Excel keeps 2026-01-01 as 46023): never a count or a share */
    const dated = (key: CommunityField, i: number | undefined, what: string): boolean => {
      const v = i === undefined ? null : (cells[i] ?? null);
      if (!(v instanceof Date)) return false;
      bad(
        key,
        `单元格格式是日期（显示为 ${isoDate(v)}），须为${what}；请把该列设为“常规”或“数值”格式后重新填写 / a date-formatted cell, not ${what === '0 到 1 的小数或百分数' ? 'a share' : 'a whole number'}`,
      );
      return true;
    };
    const required = (key: 'name' | 'district' | 'street') => {
      const t = text(idx[key]);
      if (t === '') bad(key, '不能为空 / must not be empty');
      else if (t.length > 200) bad(key, '不能超过 200 个字符 / at most 200 characters');
      return t;
    };
    // the ranges the API holds a community to (src/core/spec/fields.ts LIMITS), so that a list imported is a list a plan accepts
    const whole = (key: CommunityField, i: number | undefined, optional: boolean, max: number): number | null => {
      if (dated(key, i, '不小于 0 的整数')) return null;
      const t = text(i).replace(/,/g, '');
      if (t === '') {
        if (!optional) bad(key, '不能为空，须填不小于 0 的整数 / required: a whole number ≥ 0');
        return null;
      }
      const shown = t.length > 40 ? `${t.slice(0, 40)}…` : t;
      if (!WHOLE.test(t)) {
        bad(key, `“${shown}”不是不小于 0 的整数 / must be a whole number ≥ 0`);
        return null;
      }
      const n = Number(t);
      if (n > max) {
        bad(key, `${shown} 超过上限 ${max.toLocaleString('en-US')} / more than ${max.toLocaleString('en-US')}`);
        return null;
      }
      return n;
    };
    const name = required('name');
    const district = required('district');
    const street = required('street');
    const households = whole('households', idx.households, false, LIMITS.households.max);
    const residents = whole('residents', idx.residents, true, LIMITS.residents.max);
    const currentStaff = whole('currentStaff', idx.currentStaff, true, LIMITS.unitStaff.max) ?? 0;
    const certifiedStaff = whole('certifiedStaff', idx.certifiedStaff, true, LIMITS.unitStaff.max) ?? 0;
    if (certifiedStaff > currentStaff) bad('certifiedStaff', `持证人数 ${certifiedStaff} 超过现有人数 ${currentStaff} / certified exceeds current staff`);
    let elderlyShare: string | null = null;
    const shareText = text(idx.elderlyShare);
    if (dated('elderlyShare', idx.elderlyShare, '0 到 1 的小数或百分数')) {
      // reported
    } else if (shareText !== '') {
      elderlyShare = parseShare(shareText);
      if (elderlyShare === null) bad('elderlyShare', `“${shareText}”须为 0 到 1 的小数或百分数，如 0.28 或 28% / must be a fraction 0..1 or a percentage`);
    }
    let urbanRural: 'urban' | 'rural' = 'urban';
    const ur = text(idx.urbanRural).toLowerCase();
    if (ur !== '') {
      if (RURAL.has(ur)) urbanRural = 'rural';
      else if (!URBAN.has(ur)) bad('urbanRural', `“${ur}”须为 城市 或 农村（urban / rural）/ must be urban or rural`);
    }
    if (households === null) continue;
    communities.push({ row: rowNo, name, district, street, households, residents, elderlyShare, urbanRural, currentStaff, certifiedStaff });
  }
  if (problems.length) throw new CommunityImportError(problems, truncated);
  if (communities.length === 0) throw new CommunityImportError([{ path: '第 2 行', message: '名单中没有社区 / the list has no communities' }], false);
  return { communities, ignoredColumns };
}

const count = (n: number) => n.toLocaleString('en-US');

function tooManyRows(row: number): CommunityImportError {
  return new CommunityImportError(
    [{ path: `第 ${count(row)} 行`, message: `超出社区名单的上限 ${count(COMMUNITY_LIMITS.maxRows)} 行 / more than ${count(COMMUNITY_LIMITS.maxRows)} rows` }],
    false,
  );
}

/**
 * RFC 4180 csv (quotes, doubled quotes, CRLF), comma or tab separated, one pass over the text.
 * A row past COMMUNITY_LIMITS.maxRows or a field past maxColumns stops the reading with its row named.
 */
export function parseCsvRows(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.indexOf('\n') >>> 0);
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const { maxRows, maxColumns } = COMMUNITY_LIMITS;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const push = () => {
    if (row.length >= maxColumns) {
      throw new CommunityImportError(
        [
          {
            path: `第 ${count(rows.length + 1)} 行 ${columnLetter(maxColumns + 1)} 列`,
            message: `超出社区名单的上限 ${maxColumns} 列 / more than ${maxColumns} columns`,
          },
        ],
        false,
      );
    }
    row.push(field);
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) push();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      push();
      if (rows.length >= maxRows) throw tooManyRows(rows.length + 1);
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    push();
    if (rows.length >= maxRows) throw tooManyRows(rows.length + 1);
    rows.push(row);
  }
  return rows;
}

/** The text of a csv: UTF-8 (with or without BOM), UTF-16 or GBK (decodeText.ts); an unknown encoding is refused by name. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return decodeText(bytes).text;
  } catch (e) {
    if (e instanceof TextDecodeError) throw new CommunityImportError([{ path: '文件', message: e.message }], false);
    throw e;
  }
}

export function importCommunitiesCsv(bytes: Uint8Array | string): CommunityImportResult {
  const size = typeof bytes === 'string' ? bytes.length : bytes.byteLength;
  if (size > COMMUNITY_LIMITS.maxFileBytes) {
    const mb = (n: number) => `${Math.round(n / 1024 / 102.4) / 10} MB`;
    throw new CommunityImportError(
      [
        {
          path: '文件',
          message: `文件大小 ${mb(size)} 超过社区名单的上限 ${mb(COMMUNITY_LIMITS.maxFileBytes)} / file larger than ${mb(COMMUNITY_LIMITS.maxFileBytes)}`,
        },
      ],
      false,
    );
  }
  const rows = parseCsvRows(typeof bytes === 'string' ? bytes : decodeCsvBytes(bytes));
  if (rows.length === 0) throw new CommunityImportError([{ path: '第 1 行（表头）', message: '文件是空的 / the file is empty' }], false);
  return communitiesFromRows(rows[0]!, rows.slice(1), 2);
}

/**
 * The first worksheet of an xlsx (xlsxRows.ts, within COMMUNITY_LIMITS). Row numbers are the
 * sheet's own, so an error points at the row the user sees; rows before the first non-empty one
 * are skipped, and that one is the header.
 */
export async function importCommunitiesXlsx(bytes: Uint8Array): Promise<CommunityImportResult> {
  let rows: XlsxRow[];
  try {
    rows = readFirstSheetRows(bytes, COMMUNITY_LIMITS);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw new CommunityImportError([{ path: e.where || '文件', message: e.message }], false);
    throw e;
  }
  // rows missing from the XML are empty rows: the gaps keep row numbers the sheet's
  const list = headerAndBody(rows, (c) => c === null || cellText(c) === '');
  if (!list) throw new CommunityImportError([{ path: '第 1 行（表头）', message: '工作表是空的 / the sheet is empty' }], false);
  return communitiesFromRows(list.header.cells, list.body, list.header.number + 1);
}

/** By file name: .csv / .txt or .xlsx. */
export async function importCommunities(fileName: string, bytes: Uint8Array): Promise<CommunityImportResult> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return importCommunitiesXlsx(bytes);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return importCommunitiesCsv(bytes);
  throw new CommunityImportError([{ path: fileName, message: '只支持 .xlsx 或 .csv 文件 / only .xlsx or .csv files' }], false);
}
