import { describe, expect, it } from 'vitest';
import { TextDecodeError, decodeText } from '../../../src/core/text/decodeText';

/**
 * How a text file handed over by a user is read: by its byte-order mark, else detected among
 * UTF-8, UTF-16 and GBK/GB18030 (what Excel and WPS save on a Chinese Windows), else refused with
 * the encoding named — never turned into mojibake.
 */
const TEXT = '{"name":"某街道家庭综合服务中心","rate":"0.16"}';

function gbk(text: string): Uint8Array {
  // GBK bytes of the few characters used here, from the GB 2312 table (社 = C9E7, 工 = B9A4 …)
  const table: Record<string, number[]> = { 社: [0xc9, 0xe7], 工: [0xb9, 0xa4], 岗: [0xb8, 0xda], 位: [0xce, 0xbb], '，': [0xa3, 0xac] };
  const out: number[] = [];
  for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  return Uint8Array.from(out);
}

function refusal(bytes: Uint8Array): string {
  try {
    decodeText(bytes);
  } catch (e) {
    if (e instanceof TextDecodeError) return e.message;
    throw e;
  }
  throw new Error('expected a TextDecodeError');
}

describe('the byte-order mark decides', () => {
  it('UTF-8 with a mark (Notepad’s “UTF-8 with BOM”): the mark is removed', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({ text: TEXT, encoding: 'utf-8', bom: true });
  });

  it('UTF-16 LE (Notepad’s “Unicode”) and UTF-16 BE', () => {
    const le = Buffer.from('\ufeff' + TEXT, 'utf16le');
    expect(decodeText(le)).toEqual({ text: TEXT, encoding: 'utf-16le', bom: true });
    const be = Buffer.from(le).swap16();
    expect(decodeText(be)).toEqual({ text: TEXT, encoding: 'utf-16be', bom: true });
  });

  it('a mark whose body is not that encoding is refused, naming both', () => {
    expect(refusal(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0x7d]))).toBe(
      '文件以 UTF-8 字节序标记开头，但内容不是有效的 UTF-8，第 5 个字节起无效 / the file starts with a UTF-8 byte-order mark but is not valid UTF-8',
    );
    // 0xD800 is half of a surrogate pair with no other half
    expect(refusal(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8, 0x7d, 0x00]))).toMatch(/^文件以 UTF-16 LE 字节序标记开头，但内容不是有效的 UTF-16 LE/);
  });

  it('UTF-32 is refused by name', () => {
    expect(refusal(Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x7b, 0, 0, 0]))).toMatch(/^文件是 UTF-32 编码，不支持/);
  });
});

describe('without a mark the encoding is detected', () => {
  it('valid UTF-8 is UTF-8', () => {
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', bom: false });
  });

  it('GBK, as Excel saves “CSV” on a Chinese Windows: 社工岗位 (C9E7 B9A4 B8DA CEBB) reads as 社工岗位, not mojibake', () => {
    const bytes = gbk('岗位,社工，社工');
    expect(decodeText(bytes)).toEqual({ text: '岗位,社工，社工', encoding: 'gb18030', bom: false });
  });

  it('UTF-16 LE without a mark is told by its zero bytes', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf16le'))).toEqual({ text: TEXT, encoding: 'utf-16le', bom: false });
  });

  it('Latin-1 “Café” (0xE9 then a quote) is neither UTF-8 nor GBK: refused with the byte named', () => {
    const bytes = Uint8Array.from([...Buffer.from('{"n":"Caf'), 0xe9, ...Buffer.from('"}')]);
    expect(refusal(bytes)).toBe(
      '无法识别文件编码：不是 UTF-8（第 10 个字节 0xE9 无效），也不是 GBK/GB18030 或 UTF-16；请另存为 UTF-8 / unknown encoding: not UTF-8 (byte 10 is 0xE9), GBK/GB18030 or UTF-16; save the file as UTF-8',
    );
  });

  it('bytes that are valid GBK but read as no Chinese text (private-use characters) are refused', () => {
    // 0xAAA1 … lies in GBK's user-defined area, mapped to U+E000…
    expect(refusal(Uint8Array.from([0xaa, 0xa1, 0xaa, 0xa2, 0xaa, 0xa3]))).toMatch(/^无法识别文件编码/);
  });

  it('a workbook, a PDF or any file with a zero byte is not text, and the message says what it is', () => {
    expect(refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe(
      '这不是文本文件，而是ZIP 压缩包（如 .xlsx 工作簿） / not a text file but a ZIP archive (such as an .xlsx workbook)',
    );
    expect(refusal(Buffer.from('%PDF-1.7'))).toMatch(/^这不是文本文件，而是PDF 文件/);
    expect(refusal(Uint8Array.from([0x7b, 0x22, 0x61, 0x00, 0x22, 0x7d]))).toBe('这不是文本文件：第 4 个字节是 0（空字符）/ not a text file: byte 4 is NUL');
  });

  it('an empty file is empty text (the JSON reader then says it is empty)', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});
