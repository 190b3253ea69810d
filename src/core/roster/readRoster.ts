import { CommunityImportError, decodeCsvBytes, parseCsvRows } from '../excel/readers/communityImport';
import { type XlsxLimits, XlsxFormatError } from '../excel/readers/xlsxGuard';
import { type XlsxRow, headerAndBody, readFirstSheetRows } from '../excel/readers/xlsxRows';
import { RosterImportError, type RosterImportResult, rosterFromRows } from './importRows';
import { MAX_WORKERS } from './schema';

/**
 * A roster file → workers: csv (UTF-8 with or without BOM, UTF-16 or GBK, as Excel on a Chinese
 * Windows saves it) or the first sheet of an xlsx, read by the project's own readers
 * (src/core/excel/readers), then cell by cell by importRows.ts. Every failure is a
 * RosterImportError naming the row and column, or the file.
 */

const MiB = 1024 * 1024;

/** 200,000 workers × 19 columns: a 100,000-worker roster is about a 6 MB xlsx and a 15 MB csv. */
export const ROSTER_LIMITS: XlsxLimits = {
  what: '花名册',
  maxFileBytes: 64 * MiB,
  maxEntries: 1000,
  maxEntryBytes: 256 * MiB,
  maxTotalBytes: 384 * MiB,
  maxRatio: 200,
  maxSheets: 1000,
  maxRows: MAX_WORKERS + 1,
  maxColumns: 200,
  maxCells: 8_000_000,
  maxSharedStrings: 4_000_000,
};

const mb = (n: number) => `${Math.round(n / 1024 / 102.4) / 10} MB`;

function tooLarge(size: number): RosterImportError {
  return new RosterImportError(
    [{ path: '文件', message: `文件大小 ${mb(size)} 超过花名册的上限 ${mb(ROSTER_LIMITS.maxFileBytes)} / file larger than ${mb(ROSTER_LIMITS.maxFileBytes)}` }],
    false,
  );
}

/** The csv reader's refusals speak of a community list; here the file is a roster. */
function asRosterError(e: CommunityImportError): RosterImportError {
  return new RosterImportError(
    e.problems.map((p) => ({ path: p.path, message: p.message.replace('社区名单', '花名册') })),
    e.truncated,
  );
}

export function importRosterCsv(bytes: Uint8Array | string): RosterImportResult {
  const size = typeof bytes === 'string' ? bytes.length : bytes.byteLength;
  if (size > ROSTER_LIMITS.maxFileBytes) throw tooLarge(size);
  let rows: string[][];
  try {
    rows = parseCsvRows(typeof bytes === 'string' ? bytes : decodeCsvBytes(bytes));
  } catch (e) {
    if (e instanceof CommunityImportError) throw asRosterError(e);
    throw e;
  }
  if (rows.length === 0) throw new RosterImportError([{ path: '第 1 行（表头）', message: '文件是空的 / the file is empty' }], false);
  return rosterFromRows(rows[0]!, rows.slice(1), 2);
}

/** The first worksheet; row numbers are the sheet's own, the first non-empty row is the header. */
export function importRosterXlsx(bytes: Uint8Array): RosterImportResult {
  if (bytes.byteLength > ROSTER_LIMITS.maxFileBytes) throw tooLarge(bytes.byteLength);
  let rows: XlsxRow[];
  try {
    rows = readFirstSheetRows(bytes, ROSTER_LIMITS);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw new RosterImportError([{ path: e.where || '文件', message: e.message }], false);
    throw e;
  }
  const list = headerAndBody(rows, (c) => c === null || String(c).trim() === '');
  if (!list) throw new RosterImportError([{ path: '第 1 行（表头）', message: '工作表是空的 / the sheet is empty' }], false);
  return rosterFromRows(list.header.cells, list.body, list.header.number + 1);
}

/** By file name: .csv / .txt or .xlsx. */
export function importRoster(fileName: string, bytes: Uint8Array): RosterImportResult {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return importRosterXlsx(bytes);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return importRosterCsv(bytes);
  throw new RosterImportError([{ path: fileName, message: '只支持 .xlsx 或 .csv 文件 / only .xlsx or .csv files' }], false);
}
