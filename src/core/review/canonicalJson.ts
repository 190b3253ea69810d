import { createHash } from 'node:crypto';

/**
 * The canonical JSON of a bid package's spec (docs/design.md §Excel workbooks, "Bid package"): object keys sorted
 * by UTF-16 code unit, no whitespace outside strings, strings and numbers as JSON.stringify writes them, `undefined`
 * members left out. Three characters are escaped beyond JSON.stringify so the text survives a spreadsheet unchanged:
 * U+FFFE and U+FFFF (which XML cannot hold) and the `_` of a `_xHHHH_` sequence (which xlsx readers decode as an
 * escaped character) are written `\ufffe`, `\uffff`, `\u005f`. The SHA-256 is over this text's UTF-8 bytes.
 */
export function canonicalJson(value: unknown): string {
  return write(value).replace(/[\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function write(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : write(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k])}`).join(',')}}`;
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
