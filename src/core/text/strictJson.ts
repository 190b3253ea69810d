/**
 * JSON as a spec file must be read: RFC 8259, plus three refusals JSON.parse does not make.
 *  - A key given twice in one object is an error naming the key's path: JSON.parse keeps the last,
 *    so a budget whose "count" is written twice would be priced on whichever came last, silently.
 *  - Nesting deeper than MAX_DEPTH levels is an error (a spec is 5 levels deep), before any stack runs out.
 *  - Problems name the line and column, as an editor shows them.
 * Numbers are read as JSON.parse reads them (the schema then judges their range by their text);
 * "__proto__" is an own key, as with JSON.parse. A leading byte-order mark is skipped.
 */
export const MAX_DEPTH = 64;

export class StrictJsonError extends Error {
  constructor(
    /** where: "(root)" for the file as a whole, else the path of the key, like "staff[0].count" */
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'StrictJsonError';
  }
}

function formatJsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : (out ? '.' : '') + key;
  return out || '(root)';
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseStrictJson(source: string): unknown {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let i = 0;
  const path: (string | number)[] = [];

  function lineColumn(at: number): string {
    let line = 1;
    let lineStart = 0;
    for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    return `第 ${line} 行第 ${at - lineStart + 1} 列`;
  }
  function lineColumnEn(at: number): string {
    const zh = /第 (\d+) 行第 (\d+) 列/.exec(lineColumn(at))!;
    return `line ${zh[1]}, column ${zh[2]}`;
  }

  function fail(at: number, zh: string, en: string): never {
    throw new StrictJsonError('(root)', `不是有效的 JSON：${lineColumn(at)}，${zh} / invalid JSON at ${lineColumnEn(at)}: ${en}`);
  }

  function unexpected(): never {
    if (i >= text.length) fail(i, '文件意外结束', 'unexpected end of file');
    const ch = text[i]!;
    const shown = ch.charCodeAt(0) < 0x20 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch;
    fail(i, `意外的字符“${shown}”`, `unexpected character "${shown}"`);
  }

  function skipSpace(): void {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  }

  function parseString(): string {
    // text[i] is the opening quote
    const start = ++i;
    let out = '';
    let chunk = start;
    for (;;) {
      if (i >= text.length) fail(start - 1, '字符串没有结束的引号', 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) fail(i, '字符串中不能有未转义的控制字符（如换行）', 'unescaped control character in a string');
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(i, '无效的 \\u 转义', 'invalid \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else fail(i, '无效的转义字符', 'invalid escape');
        chunk = i;
        continue;
      }
      i++;
    }
  }

  function parseValue(depth: number): unknown {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) {
        // named by the field it starts under; the 64 indices below it would only hide that
        const where = path.length > 3 ? `${formatJsonPath(path.slice(0, 3))}…` : formatJsonPath(path);
        throw new StrictJsonError(where, `嵌套超过 ${MAX_DEPTH} 层（${lineColumn(i)}）/ nested deeper than ${MAX_DEPTH} levels`);
      }
      return c === '{' ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (c === '"') return parseString();
    if (c === 't' && text.startsWith('true', i)) return ((i += 4), true);
    if (c === 'f' && text.startsWith('false', i)) return ((i += 5), false);
    if (c === 'n' && text.startsWith('null', i)) return ((i += 4), null);
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length;
      return Number(m[0]);
    }
    return unexpected();
  }

  function parseObject(depth: number): Record<string, unknown> {
    i++; // {
    const obj: Record<string, unknown> = {};
    const seenAt = new Map<string, number>();
    skipSpace();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') unexpected();
      const keyAt = i;
      const key = parseString();
      skipSpace();
      if (text[i] !== ':') unexpected();
      i++;
      path.push(key);
      const earlier = seenAt.get(key);
      if (earlier !== undefined) {
        throw new StrictJsonError(
          formatJsonPath(path),
          `键“${key}”在同一对象中出现两次（${lineColumn(earlier)} 与 ${lineColumn(keyAt)}），请只保留一个 / duplicate key "${key}"`,
        );
      }
      seenAt.set(key, keyAt);
      const value = parseValue(depth);
      path.pop();
      // an own property even for "__proto__", as JSON.parse makes it
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return obj;
      }
      unexpected();
    }
  }

  function parseArray(depth: number): unknown[] {
    i++; // [
    const arr: unknown[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      path.push(arr.length);
      arr.push(parseValue(depth));
      path.pop();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return arr;
      }
      unexpected();
    }
  }

  if (text.trim() === '') throw new StrictJsonError('(root)', '文件是空的，不是 JSON / the file is empty, not JSON');
  const value = parseValue(0);
  skipSpace();
  if (i < text.length) unexpected();
  return value;
}
