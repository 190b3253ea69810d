/**
 * Text files as users hand them over: a spec written in Notepad (UTF-8 with a byte-order mark, or
 * "Unicode", which is UTF-16 LE), a list saved by Excel or WPS on a Chinese Windows as "CSV" (GBK,
 * whose superset GB18030 is what TextDecoder offers), or plain UTF-8 from any editor. The encoding is
 * taken from the byte-order mark, else detected; bytes that are valid in none of these are refused
 * with the encoding named, never decoded into mojibake (docs/design.md §Data flow: every input is
 * validated where it crosses a boundary).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** the file began with a byte-order mark (removed from `text`) */
  bom: boolean;
}

export class TextDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextDecodeError';
  }
}

const LABEL: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gb18030: 'GBK/GB18030' };

function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the mark, when there is one, has been sliced off by the caller
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Formats that are not text, recognised by their first bytes, so the message can say what the file is. */
const BINARY_SIGNATURES: readonly { prefix: readonly number[]; zh: string; en: string }[] = [
  { prefix: [0x50, 0x4b, 0x03, 0x04], zh: 'ZIP 压缩包（如 .xlsx 工作簿）', en: 'a ZIP archive (such as an .xlsx workbook)' },
  { prefix: [0xd0, 0xcf, 0x11, 0xe0], zh: '旧版 Office 文件（如 .xls）', en: 'an old Office file (such as .xls)' },
  { prefix: [0x25, 0x50, 0x44, 0x46], zh: 'PDF 文件', en: 'a PDF file' },
];

/**
 * UTF-16 without a mark, told by where the zero bytes fall: ASCII in UTF-16 LE is "x\0", in BE "\0x".
 * Text in UTF-8 or GBK has no zero bytes at all.
 */
function utf16WithoutMark(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // A stray zero byte in a short file is no sign of UTF-16: ask for a few and for a third of the pairs.
  // The other side may hold a few zeros too: CJK characters such as U+4E00 have a zero low byte.
  if (oddZeros >= 2 && oddZeros > pairs * 0.3 && evenZeros * 4 < oddZeros) return 'utf-16le';
  if (evenZeros >= 2 && evenZeros > pairs * 0.3 && oddZeros * 4 < evenZeros) return 'utf-16be';
  return null;
}

/** Offset of the first byte that is not valid UTF-8, for the message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    if (len > 1 && strictDecode('utf-8', bytes.subarray(i, i + len)) === null) return i;
    i += len;
  }
  return -1;
}

/**
 * A GBK reading is believed only when what it gives reads as Chinese text: CJK ideographs,
 * Chinese and full-width punctuation. Bytes of another legacy encoding (Latin-1, Shift-JIS…)
 * mostly decode to other characters — rare GB18030 four-byte forms, private use — and are refused.
 */
function looksChinese(text: string): boolean {
  let other = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    total++;
    const chinese =
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // extension A
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation: “ ” — …
      c === 0x00b7 ||
      c === 0x00d7 ||
      c === 0x00f7 ||
      (c >= 0x2160 && c <= 0x2179) || // Roman numerals Ⅰ Ⅱ
      (c >= 0x2460 && c <= 0x24ff) || // ① ②
      (c >= 0x2190 && c <= 0x22ff) || // arrows, ≥ ≤
      (c >= 0x2500 && c <= 0x25ff) || // box drawing, ■ □
      (c >= 0x0391 && c <= 0x03c9) || // Greek, as GBK carries it
      (c >= 0x0410 && c <= 0x0451) || // Cyrillic, as GBK carries it
      (c >= 0x00e0 && c <= 0x01dc) || // pinyin with tone marks (ā á ǎ à ü)
      c === 0x2103 ||
      c === 0x00b0 || // ℃ °
      (c >= 0x3200 && c <= 0x33ff); // ㈠ ㎡
    if (!chinese) other++;
  }
  return total === 0 || other / total < 0.05;
}

/**
 * Decodes a text file. Order: byte-order mark (UTF-8, UTF-16 LE/BE), UTF-16 without a mark,
 * valid UTF-8, then GBK/GB18030 when it reads as Chinese. Throws TextDecodeError naming the
 * encoding tried and the first bad byte; a UTF-32 mark or a binary file is refused by name.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new TextDecodeError('文件是 UTF-32 编码，不支持；请另存为 UTF-8 / UTF-32 is not supported; save the file as UTF-8');
  }
  const marks: readonly [readonly number[], TextEncodingName][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [mark, encoding] of marks) {
    if (!startsWith(bytes, mark)) continue;
    const body = bytes.subarray(mark.length);
    const text = strictDecode(encoding, body);
    if (text === null) {
      const where = encoding === 'utf-8' ? `，第 ${firstInvalidUtf8(body) + mark.length + 1} 个字节起无效` : '';
      throw new TextDecodeError(
        `文件以 ${LABEL[encoding]} 字节序标记开头，但内容不是有效的 ${LABEL[encoding]}${where} / the file starts with a ${LABEL[encoding]} byte-order mark but is not valid ${LABEL[encoding]}`,
      );
    }
    return { text, encoding, bom: true };
  }
  for (const { prefix, zh, en } of BINARY_SIGNATURES) {
    if (startsWith(bytes, prefix)) throw new TextDecodeError(`这不是文本文件，而是${zh} / not a text file but ${en}`);
  }
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) {
    const text = strictDecode(utf16, bytes);
    if (text !== null) return { text, encoding: utf16, bom: false };
  }
  const zero = bytes.indexOf(0);
  if (zero >= 0) {
    throw new TextDecodeError(`这不是文本文件：第 ${zero + 1} 个字节是 0（空字符）/ not a text file: byte ${zero + 1} is NUL`);
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  const gbk = strictDecode('gb18030', bytes);
  if (gbk !== null && looksChinese(gbk)) return { text: gbk, encoding: 'gb18030', bom: false };
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
  throw new TextDecodeError(
    `无法识别文件编码：不是 UTF-8（第 ${bad + 1} 个字节 0x${hex} 无效），也不是 GBK/GB18030 或 UTF-16；请另存为 UTF-8 / unknown encoding: not UTF-8 (byte ${bad + 1} is 0x${hex}), GBK/GB18030 or UTF-16; save the file as UTF-8`,
  );
}
