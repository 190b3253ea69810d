import zlib from 'node:zlib';

/**
 * Hand-made xlsx files for the corpus: a zip writer that can lie (declared sizes, methods, flags,
 * entry counts) and the few XML parts a workbook needs, written as text so that a case can break
 * exactly one thing — an unclosed <row>, a cell in column ZZZZZZ, a shared-string index past the end.
 */
export interface ZipEntryInput {
  name: string;
  data: string | Uint8Array;
  /** 8 deflate (default), 0 stored, anything else written as given */
  method?: number;
  /** what the central directory claims, when it should lie */
  declaredSize?: number;
  flags?: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipOptions {
  /** the entry count written in the end-of-directory record (ZIP64 says 0xFFFF) */
  eocdCount?: number;
}

export function zip(entries: ZipEntryInput[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const method = e.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(raw);
    const size = e.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.eocdCount ?? entries.length, 8);
  end.writeUInt16LE(options.eocdCount ?? entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function colLetters(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

/** A cell as the tests write it: text (inline), a number, or raw XML for the whole <c> element. */
export type CraftCell = string | number | null | { xml: string } | { date: number } | { shared: number };

const DATE_STYLE = 1;

/** <sheetData> rows with r attributes; text as inline strings, { date } as a number in a date style, { shared } as a t="s" index. */
export function sheetDataXml(rows: CraftCell[][], firstRow = 1): string {
  return `<sheetData>${rowsXml(rows, firstRow)}</sheetData>`;
}

/** The <row> elements alone, numbered from `firstRow`. */
export function rowsXml(rows: CraftCell[][], firstRow = 1): string {
  const out: string[] = [];
  rows.forEach((cells, i) => {
    const r = firstRow + i;
    const cs = cells
      .map((v, j) => {
        const ref = `${colLetters(j + 1)}${r}`;
        if (v === null) return '';
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
        if ('xml' in v) return v.xml;
        if ('date' in v) return `<c r="${ref}" s="${DATE_STYLE}"><v>${v.date}</v></c>`;
        return `<c r="${ref}" t="s"><v>${v.shared}</v></c>`;
      })
      .join('');
    out.push(`<row r="${r}">${cs}</row>`);
  });
  return out.join('');
}

export function worksheetXml(inner: string, before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${before}${inner}</worksheet>`;
}

export const STYLES_XML = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function sharedStringsXml(strings: string[], declaredCount = strings.length): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${declaredCount}" uniqueCount="${declaredCount}">${strings
    .map((s) => `<si><t>${esc(s)}</t></si>`)
    .join('')}</sst>`;
}

export interface CraftSheet {
  name: string;
  /** the whole worksheet XML */
  xml: string;
  /** a chart sheet: no cells */
  chart?: boolean;
}

export interface CraftWorkbook {
  sheets: CraftSheet[];
  sharedStrings?: string;
  styles?: string;
  /** more zip entries, or replacements (same name wins) */
  extra?: ZipEntryInput[];
  /** leave these parts out */
  omit?: string[];
  date1904?: boolean;
}

/** The zip entries of a workbook: content types, workbook, its relationships, sheets, styles, shared strings. */
export function workbookEntries(wb: CraftWorkbook): ZipEntryInput[] {
  const rels = wb.sheets.map(
    (s, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${s.chart ? 'chartsheet' : 'worksheet'}" Target="${s.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml"/>`,
  );
  const n = wb.sheets.length;
  rels.push(`<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
  if (wb.sharedStrings !== undefined)
    rels.push(
      `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
    );
  const entries: ZipEntryInput[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${
        wb.date1904 ? '<workbookPr date1904="1"/>' : ''
      }<sheets>${wb.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    { name: 'xl/styles.xml', data: wb.styles ?? STYLES_XML },
    ...wb.sheets.map((s, i) => ({ name: `xl/${s.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml`, data: s.xml })),
  ];
  if (wb.sharedStrings !== undefined) entries.push({ name: 'xl/sharedStrings.xml', data: wb.sharedStrings });
  const replaced = new Map(entries.map((e) => [e.name, e]));
  for (const e of wb.extra ?? []) replaced.set(e.name, e);
  return [...replaced.values()].filter((e) => !(wb.omit ?? []).includes(e.name));
}

export function craftXlsx(wb: CraftWorkbook): Buffer {
  return zip(workbookEntries(wb));
}

/** One sheet of rows, as an xlsx. */
export function sheetXlsx(name: string, rows: CraftCell[][], extra: Partial<CraftWorkbook> = {}): Buffer {
  return craftXlsx({ sheets: [{ name, xml: worksheetXml(sheetDataXml(rows)) }], ...extra });
}

let gbkTable: Map<string, number[]> | null = null;

/** Text as GBK bytes (what Excel's "CSV" on a Chinese Windows writes): Node decodes GBK but has no encoder, so the table is built by decoding every two-byte code once. */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        try {
          const ch = decoder.decode(Uint8Array.of(hi, lo));
          if (!gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
        } catch {
          // not a GBK code
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/** Text as UTF-16 (LE or BE), with or without the byte-order mark. */
export function encodeUtf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (order === 'le') return le;
  const be = Buffer.from(le);
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
  return be;
}
