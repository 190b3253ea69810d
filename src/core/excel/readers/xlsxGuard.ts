import zlib from 'node:zlib';
import { columnLetter } from '../cells';

/**
 * The one gate every imported xlsx passes before any of it is parsed (docs/design.md §Excel
 * workbooks: guides and community lists are read from files users pick). An xlsx is a zip of XML,
 * and a few kilobytes of it can claim a cell in column ZZZZZZ, a row numbered 1,048,576,000 or a
 * part that inflates to gigabytes; a reader that believed them would allocate until the process
 * died. So the zip is checked first (entry count, declared and actual inflated sizes, compression
 * ratio), and every sheet is read under a budget (its declared dimension, each row and column it
 * references, the cells kept, the shared strings) that refuses the file at the first reference
 * beyond a limit, naming the sheet, the cell and the limit, before anything is kept for it.
 */

export class XlsxFormatError extends Error {
  constructor(
    message: string,
    /** 'Sheet!B7', a sheet, or '' for the file as a whole */
    readonly where = '',
  ) {
    super(message);
    this.name = 'XlsxFormatError';
  }
}

/** Not an xlsx at all: not a zip, or a zip without its directory (a truncated download). */
export class NotXlsxError extends XlsxFormatError {
  constructor(message: string) {
    super(message);
    this.name = 'NotXlsxError';
  }
}

/** A file within the format but beyond what an import accepts. */
export class XlsxLimitError extends XlsxFormatError {
  constructor(message: string, where = '') {
    super(message, where);
    this.name = 'XlsxLimitError';
  }
}

export interface XlsxLimits {
  /** what the file is, in messages: 指导价工作簿, 社区名单 */
  what: string;
  maxFileBytes: number;
  maxEntries: number;
  /** inflated bytes of one part, and of all parts together (as the zip declares them) */
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** inflated ÷ compressed, for parts over 1 MiB */
  maxRatio: number;
  maxSheets: number;
  maxRows: number;
  maxColumns: number;
  /** cells kept: per row, up to its last non-empty column; summed over the sheets read */
  maxCells: number;
  maxSharedStrings: number;
}

const MiB = 1024 * 1024;

/**
 * Limits. Generous for real files, far below what exhausts a worker's 512 MB heap: Excel's own
 * grid is 1,048,576 rows × 16,384 columns; these tables need a few columns and, for a guide,
 * at most a few thousand rows (a 三岗十八级 guide with 18 steps is 54 rows).
 */
export const GUIDE_LIMITS: XlsxLimits = {
  what: '指导价工作簿',
  maxFileBytes: 20 * MiB,
  maxEntries: 1000,
  maxEntryBytes: 64 * MiB,
  maxTotalBytes: 256 * MiB,
  maxRatio: 200,
  maxSheets: 100,
  maxRows: 20_000,
  maxColumns: 200,
  maxCells: 1_000_000,
  maxSharedStrings: 1_000_000,
};

/** A community list: every community of a province fits (a 200,000-row list of 9 columns is an 11 MB file, a 73 MB sheet). */
export const COMMUNITY_LIMITS: XlsxLimits = {
  what: '社区名单',
  maxFileBytes: 20 * MiB,
  maxEntries: 1000,
  maxEntryBytes: 192 * MiB,
  maxTotalBytes: 256 * MiB,
  maxRatio: 200,
  maxSheets: 1000,
  maxRows: 200_000,
  maxColumns: 200,
  maxCells: 4_000_000,
  maxSharedStrings: 2_000_000,
};

/** Excel's grid */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

const count = (n: number) => n.toLocaleString('en-US');
/** a reference as written, cut short: a crafted one may be megabytes long */
const short = (ref: string) => (ref.length > 24 ? `${ref.slice(0, 20)}…` : ref);
const mb = (n: number) => `${Math.round((n / MiB) * 10) / 10} MB`;

// ─── the zip ────────────────────────────────────────────────────────────────────────────────

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** An xlsx whose zip passed the checks; parts are inflated on request, each at most once. */
export class XlsxPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly lowerNames = new Map<string, string>();

  constructor(
    private readonly buf: Buffer,
    readonly limits: XlsxLimits,
    list: ZipEntry[],
  ) {
    for (const e of list) {
      this.entries.set(e.name, e);
      this.lowerNames.set(e.name.toLowerCase(), e.name);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name) || this.lowerNames.has(name.toLowerCase());
  }

  /** A part's bytes, inflated within its declared size; null when the zip has no such part. */
  read(name: string): Buffer | null {
    const e = this.entries.get(name) ?? this.entries.get(this.lowerNames.get(name.toLowerCase()) ?? '');
    if (!e) return null;
    const { buf } = this;
    const p = e.localOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new XlsxFormatError(`xlsx 文件中 ${e.name} 已损坏 / corrupt zip entry`);
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    if (start + e.compressedSize > buf.length) throw new XlsxFormatError(`xlsx 文件中 ${e.name} 不完整（文件被截断）/ truncated zip entry`);
    const data = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new XlsxFormatError(`xlsx 文件中 ${e.name} 的大小与目录不符 / size mismatch`);
      return data;
    }
    try {
      // never more than the directory declared (and the checks allowed): a part that inflates further is refused
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new XlsxLimitError(
          `xlsx 文件中 ${e.name} 解压后超过目录声明的 ${count(e.size)} 字节，疑似压缩炸弹，已拒绝 / entry inflates beyond its declared size`,
        );
      }
      throw new XlsxFormatError(`xlsx 文件中 ${e.name} 无法解压（文件已损坏）/ corrupt zip entry`);
    }
  }

  /** A part as text (UTF-8), or null. */
  readText(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : b.toString('utf8');
  }
}

/** Opens the zip and checks it against the limits; no part is inflated yet. */
export function openXlsx(bytes: Uint8Array, limits: XlsxLimits): XlsxPackage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length > limits.maxFileBytes) {
    throw new XlsxLimitError(
      `文件大小 ${count(buf.length)} 字节，超过${limits.what}的上限 ${mb(limits.maxFileBytes)}（${count(limits.maxFileBytes)} 字节）/ file larger than ${mb(limits.maxFileBytes)}`,
    );
  }
  if (buf.length >= 8 && buf.readUInt32LE(0) === 0xe011cfd0 && buf.readUInt32LE(4) === 0xe11ab1a1) {
    throw new XlsxFormatError('这是旧版 .xls 或设有打开密码的工作簿，无法读取：请在 Excel 或 WPS 中另存为 .xlsx（不设密码）/ an .xls or encrypted workbook');
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw new NotXlsxError('不是有效的 xlsx 文件 / not an xlsx file');
  // End of central directory: the last signature within the final 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotXlsxError('不是有效的 xlsx 文件（找不到 zip 目录）/ not an xlsx file');
  const total = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || dirOffset === 0xffffffff) throw new XlsxFormatError('不支持 ZIP64 格式的 xlsx 文件 / ZIP64 is not supported');
  if (total > limits.maxEntries) {
    throw new XlsxLimitError(`xlsx 文件包含 ${count(total)} 个部件，超过${limits.what}的上限 ${count(limits.maxEntries)} / too many zip entries`);
  }
  if (dirOffset + dirSize > eocd) throw new XlsxFormatError('xlsx 文件的 zip 目录已损坏 / corrupt zip directory');
  const list: ZipEntry[] = [];
  let declared = 0;
  let p = dirOffset;
  for (let k = 0; k < total; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw new XlsxFormatError('xlsx 文件的 zip 目录已损坏 / corrupt zip directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > eocd) throw new XlsxFormatError('xlsx 文件的 zip 目录已损坏 / corrupt zip directory');
    // some Windows tools write the folders with backslashes
    const name = buf
      .toString('utf8', p + 46, p + 46 + nameLen)
      .replace(/\\/g, '/')
      .replace(/^\//, '');
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue; // a folder
    if (flags & 1) throw new XlsxFormatError(`xlsx 文件中 ${name} 已加密，无法读取 / encrypted zip entry`);
    if (method !== 0 && method !== 8) throw new XlsxFormatError(`xlsx 文件中 ${name} 使用了不支持的压缩方式 ${method} / unsupported compression`);
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new XlsxFormatError('不支持 ZIP64 格式的 xlsx 文件 / ZIP64 is not supported');
    if (size > limits.maxEntryBytes) {
      throw new XlsxLimitError(`xlsx 文件中 ${name} 解压后有 ${mb(size)}，超过${limits.what}单个部件的上限 ${mb(limits.maxEntryBytes)} / entry too large`);
    }
    if (size > MiB && size > compressedSize * limits.maxRatio) {
      const ratio = compressedSize === 0 ? '∞' : String(Math.round(size / compressedSize));
      throw new XlsxLimitError(
        `xlsx 文件中 ${name} 的压缩比为 ${ratio}:1（${mb(size)}），超过上限 ${limits.maxRatio}:1，疑似压缩炸弹，已拒绝 / compression ratio beyond ${limits.maxRatio}:1`,
      );
    }
    declared += size;
    if (declared > limits.maxTotalBytes) {
      throw new XlsxLimitError(`xlsx 文件解压后超过 ${mb(limits.maxTotalBytes)}，超过${limits.what}的上限 / inflated size beyond ${mb(limits.maxTotalBytes)}`);
    }
    list.push({ name, method, flags, compressedSize, size, localOffset });
  }
  return new XlsxPackage(buf, limits, list);
}

// ─── cell references ────────────────────────────────────────────────────────────────────────

export interface CellRef {
  row: number;
  col: number;
}

/** 'B7' → { row: 7, col: 2 }; '$B$7' too; a bare column ('B') or row ('7') gives 0 for the other. Null when malformed or outside Excel's grid. */
export function parseCellRef(ref: string): CellRef | null {
  const m = /^\$?([A-Za-z]{0,4})\$?(\d{0,8})$/.exec(ref.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = m[2] === '' ? 0 : Number(m[2]);
  if (col > EXCEL_MAX_COLUMNS || row > EXCEL_MAX_ROWS || (m[2] !== '' && row === 0)) return null;
  return { row, col };
}

/** The column of a cell reference's letters, however many ('ZZZZZZ1' → 321,272,406), for the message that refuses it. */
export function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

// ─── a sheet's budget ───────────────────────────────────────────────────────────────────────

/**
 * Checks one workbook's sheets reference by reference, while they are read: called for the
 * declared dimension, each row, each cell and each merge before anything is kept for it.
 */
export class SheetBudget {
  private cells = 0;
  private sheets = 0;

  constructor(readonly limits: XlsxLimits) {}

  sheet(name: string): void {
    if (++this.sheets > this.limits.maxSheets) {
      throw new XlsxLimitError(`工作簿有超过 ${count(this.limits.maxSheets)} 个工作表，超过${this.limits.what}的上限 / too many sheets`, name);
    }
  }

  private beyond(sheet: string, written: string, row: number, col: number): void {
    const { limits } = this;
    if (col <= limits.maxColumns && row <= limits.maxRows) return;
    const ref = short(written);
    const where = `${sheet}!${ref}`;
    if (col > limits.maxColumns) {
      throw new XlsxLimitError(
        `工作表“${sheet}”引用了单元格 ${ref}（第 ${count(col)} 列），超出${limits.what}的上限 ${count(limits.maxColumns)} 列（${columnLetter(limits.maxColumns)} 列）/ column beyond the limit of ${count(limits.maxColumns)}`,
        where,
      );
    }
    if (row > limits.maxRows) {
      throw new XlsxLimitError(
        `工作表“${sheet}”引用了第 ${count(row)} 行（${ref}），超出${limits.what}的上限 ${count(limits.maxRows)} 行 / row beyond the limit of ${count(limits.maxRows)}`,
        where,
      );
    }
  }

  /** `<dimension ref="A1:F30">`: the range the sheet says it uses. */
  dimension(sheet: string, ref: string): void {
    for (const part of ref.split(':')) {
      const c = parseCellRef(part);
      if (!c) {
        const col = columnOfRef(part);
        if (col > EXCEL_MAX_COLUMNS) this.beyond(sheet, part, 0, col);
        throw new XlsxFormatError(`工作表“${sheet}”的范围 ${short(ref)} 无效 / invalid dimension`, sheet);
      }
      this.beyond(sheet, part, c.row, c.col);
    }
  }

  /** A `<row r>`: its number, given or counted on from the row before. */
  row(sheet: string, n: number, previous: number, written: string): void {
    if (!Number.isInteger(n) || n < 1 || n > EXCEL_MAX_ROWS) {
      if (Number.isInteger(n) && n > EXCEL_MAX_ROWS) this.beyond(sheet, `A${n}`, n, 1);
      throw new XlsxFormatError(`工作表“${sheet}”有无效的行号“${short(written)}”/ invalid row number`, sheet);
    }
    this.beyond(sheet, `A${n}`, n, 1);
    if (n <= previous)
      throw new XlsxFormatError(`工作表“${sheet}”的第 ${n} 行出现在第 ${previous} 行之后，行的顺序已损坏 / rows out of order`, `${sheet}!A${n}`);
  }

  /** A `<c r>`: its column. `ref` is as written, or made from the row and column when absent. */
  cell(sheet: string, ref: string, row: number, col: number): void {
    if (col < 1) throw new XlsxFormatError(`工作表“${sheet}”有无效的单元格引用“${short(ref)}”/ invalid cell reference`, `${sheet}!${short(ref)}`);
    this.beyond(sheet, ref, row, col);
  }

  /** `n` more cells kept (a row grew to a further column). */
  keep(sheet: string, written: string, n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells) {
      const ref = short(written);
      throw new XlsxLimitError(
        `工作簿在单元格 ${sheet}!${ref} 处已超过 ${count(this.limits.maxCells)} 个单元格，超过${this.limits.what}的上限 / more than ${count(this.limits.maxCells)} cells`,
        `${sheet}!${ref}`,
      );
    }
  }

  /** `<mergeCell ref="A1:E1">`: within the limits, and its cells counted as kept (each shows the first cell's value). */
  merge(sheet: string, ref: string): { top: number; left: number; bottom: number; right: number } {
    const [a, b] = ref.split(':');
    const from = a ? parseCellRef(a) : null;
    const to = b ? parseCellRef(b) : from;
    if (!from || !to || from.row < 1 || to.row < 1 || from.col < 1 || to.col < 1) {
      const col = Math.max(columnOfRef(a ?? ''), columnOfRef(b ?? ''));
      if (col > EXCEL_MAX_COLUMNS) this.beyond(sheet, ref, 0, col);
      throw new XlsxFormatError(`工作表“${sheet}”的合并单元格 ${short(ref)} 无效 / invalid merged range`, sheet);
    }
    const top = Math.min(from.row, to.row);
    const bottom = Math.max(from.row, to.row);
    const left = Math.min(from.col, to.col);
    const right = Math.max(from.col, to.col);
    this.beyond(sheet, ref, bottom, right);
    this.keep(sheet, ref, (bottom - top + 1) * (right - left + 1));
    return { top, left, bottom, right };
  }

  sharedStrings(n: number): void {
    if (n > this.limits.maxSharedStrings) {
      throw new XlsxLimitError(
        `工作簿的共享字符串超过 ${count(this.limits.maxSharedStrings)} 条，超过${this.limits.what}的上限 / more than ${count(this.limits.maxSharedStrings)} shared strings`,
      );
    }
  }
}
