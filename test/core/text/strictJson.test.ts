import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, StrictJsonError, parseStrictJson } from '../../../src/core/text/strictJson';

/** JSON as a spec file must be read: what JSON.parse reads, plus duplicate keys and runaway nesting refused. */
function refusal(text: string): { path: string; message: string } {
  try {
    parseStrictJson(text);
  } catch (e) {
    if (e instanceof StrictJsonError) return { path: e.path, message: e.message };
    throw e;
  }
  throw new Error('expected a StrictJsonError');
}

describe('reads what JSON.parse reads, the same way', () => {
  it.each([
    '{"version":1,"name":"某项目","staff":[{"count":0.5,"months":12}],"ok":true,"none":null}',
    '[1, -0.5, 2e3, 1E-2, "a\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00"]',
    ' \n\t {} ',
    '"just text"',
    '12345678901234567890',
    '{"a":{"b":{"c":[[],[{}]]}}}',
  ])('%s', (text) => {
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
  });

  it('a byte-order mark left at the start is skipped', () => {
    expect(parseStrictJson('\ufeff{"a":1}')).toEqual({ a: 1 });
  });

  it('"__proto__" is an own key, as JSON.parse makes it, and changes no prototype', () => {
    const value = parseStrictJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('refuses, naming where', () => {
  it('a key given twice in one object: its path, the key, both places', () => {
    expect(refusal('{"staff":[{"count":6,\n  "months":12,\n  "count":60}]}')).toEqual({
      path: 'staff[0].count',
      message: '键“count”在同一对象中出现两次（第 1 行第 12 列 与 第 3 行第 3 列），请只保留一个 / duplicate key "count"',
    });
    // the same key in two different objects is no duplicate
    expect(parseStrictJson('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it(`nesting deeper than ${MAX_DEPTH} levels, under the field where it starts`, () => {
    const ok = '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH);
    expect(() => parseStrictJson(ok)).not.toThrow();
    const deep = `{"extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    expect(refusal(deep)).toEqual({
      path: 'extra.a.a…',
      message: expect.stringMatching(/^嵌套超过 64 层（第 1 行第 \d+ 列）\/ nested deeper than 64 levels$/),
    });
  });

  it.each([
    ['', '文件是空的，不是 JSON / the file is empty, not JSON'],
    ['{ "version": 1,', '不是有效的 JSON：第 1 行第 16 列，文件意外结束 / invalid JSON at line 1, column 16: unexpected end of file'],
    ['{"a":1,}', '不是有效的 JSON：第 1 行第 8 列，意外的字符“}” / invalid JSON at line 1, column 8: unexpected character "}"'],
    ["{'a':1}", '不是有效的 JSON：第 1 行第 2 列，意外的字符“\'” / invalid JSON at line 1, column 2: unexpected character "\'"'],
    ['{"a":NaN}', '不是有效的 JSON：第 1 行第 6 列，意外的字符“N” / invalid JSON at line 1, column 6: unexpected character "N"'],
    ['{"a":012}', '不是有效的 JSON：第 1 行第 7 列，意外的字符“1” / invalid JSON at line 1, column 7: unexpected character "1"'],
    ['{"a":1} // note', '不是有效的 JSON：第 1 行第 9 列，意外的字符“/” / invalid JSON at line 1, column 9: unexpected character "/"'],
    [
      '{"a":"x\ny"}',
      '不是有效的 JSON：第 1 行第 8 列，字符串中不能有未转义的控制字符（如换行） / invalid JSON at line 1, column 8: unescaped control character in a string',
    ],
    ['{"a":"\\x41"}', '不是有效的 JSON：第 1 行第 7 列，无效的转义字符 / invalid JSON at line 1, column 7: invalid escape'],
    ['{"a":"open', '不是有效的 JSON：第 1 行第 6 列，字符串没有结束的引号 / invalid JSON at line 1, column 6: unterminated string'],
  ])('%j', (text, message) => {
    expect(refusal(text)).toEqual({ path: '(root)', message });
  });
});
