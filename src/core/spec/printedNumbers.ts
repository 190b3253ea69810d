import { isDecimalText, parseDecimal, toFixed, toPlainString } from '../money/decimal';
import { LIMITS, decimalTextInRange } from './fields';

/**
 * Numbers as a Chinese document or spreadsheet prints them, read into exact text: full-width digits
 * and punctuation from an IME (６，５００．００), thousands separators, a leading ¥ and a trailing
 * 元 or 元/月, steps written 第二档 / 十二档 / 档次2, dates written 2026年1月1日. The guide importer, the
 * pasted grid and the version editor all read numbers here, so a number one of them accepts the
 * others accept too. Every parser answers the canonical text (or a Chinese reason), never a guess.
 */

/** Full-width forms U+FF01–U+FF5E (０-９ ， ． － ％ ／ ：, full-width letters…) to ASCII, the ideographic space to a space. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export interface PrintedNumberOptions {
  /** accept a leading minus, so that the caller can say "不能为负数" rather than "不是数字" */
  negative?: boolean;
}

/**
 * A printed number as plain decimal text ("6,500.00 元/月" → "6500.00"), or null. Separators count
 * only where they split groups of three (1,234,567.8; "12,34" is not a number), and a plus sign,
 * an exponent or another currency ("6500美元") is refused.
 */
export function printedDecimal(raw: string, options: PrintedNumberOptions = {}): string | null {
  let s = halfWidth(raw).replace(/\s+/g, '');
  s = s.replace(/^[¥￥]/, '').replace(/元(\/(月|年|人月|人年))?$/, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!isDecimalText(s) || s.startsWith('+')) return null;
  return s.startsWith('-') && !options.negative ? null : s;
}

export type Parsed = { ok: true; value: string } | { ok: false; message: string };

/** A cell's number as exact text: a spreadsheet number is taken by its shortest round-trip text. */
function cellNumberText(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const s = String(value);
    return /e/i.test(s) ? null : s;
  }
  if (typeof value === 'string') return printedDecimal(value, { negative: true });
  return null;
}

/** Beyond the schema's range (fields.ts LIMITS), said before any exact arithmetic sees the digits. */
const beyond = (s: string, max: string) => !s.startsWith('-') && !decimalTextInRange(s, { min: '0', max, places: 64 });

/** Yuan with at most 2 decimals, as "6500.00", up to 100 亿. */
export function parseAmount(value: unknown, raw: string): Parsed {
  const s = cellNumberText(value);
  if (s === null) return { ok: false, message: `金额“${raw}”不是数字` };
  if (beyond(s, LIMITS.money.max)) return { ok: false, message: `金额“${raw}”超过 100 亿元` };
  const d = parseDecimal(s);
  if (d.units < 0n) return { ok: false, message: `金额“${raw}”不能为负数` };
  if (d.scale > 2 && toPlainString(d).split('.')[1]!.length > 2) return { ok: false, message: `金额“${raw}”最多两位小数（到分）` };
  return { ok: true, value: toFixed(d, 2) };
}

/** A coefficient with at most 8 decimals, written with at least 2 ("0.70", "1.35", "1.3333") as guides print them. */
export function parseCoefficient(value: unknown, raw: string): Parsed {
  const s = cellNumberText(value);
  if (s === null) return { ok: false, message: `系数“${raw}”不是数字` };
  if (beyond(s, LIMITS.coefficient.max)) return { ok: false, message: `系数“${raw}”超过 ${LIMITS.coefficient.max}` };
  const d = parseDecimal(s);
  if (d.units < 0n) return { ok: false, message: `系数“${raw}”不能为负数` };
  const plain = toPlainString(d);
  if ((plain.split('.')[1] ?? '').length > 8) return { ok: false, message: `系数“${raw}”最多八位小数` };
  const places = (plain.split('.')[1] ?? '').length;
  return { ok: true, value: toFixed(d, Math.max(2, places)) };
}

const CHINESE_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十二 → 22; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null;
  if (text === '十') return 10;
  const tens = text.indexOf('十');
  if (tens < 0) return text.length === 1 ? CHINESE_NUMERALS[text]! : null;
  const high = tens === 0 ? 1 : (CHINESE_NUMERALS[text.slice(0, tens)] ?? NaN);
  const low = tens === text.length - 1 ? 0 : (CHINESE_NUMERALS[text.slice(tens + 1)] ?? NaN);
  const n = high * 10 + low;
  return Number.isNaN(n) ? null : n;
}

/**
 * A step (档次) as a positive integer: 2, "2", "２", "2档", "第2档", "第 2 档", "二档", "第十二档",
 * "档次2", "薪档3", "三级"; null for 0, fractions and words.
 */
export function parseStep(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const s = halfWidth(value).replace(/\s+/g, '');
  const m = /^(?:第|档次|薪档)?(\d+|[一二三四五六七八九十]+)(?:档|级)?$/.exec(s);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : chineseNumber(m[1]!);
  return n !== null && n > 0 && Number.isSafeInteger(n) ? n : null;
}

/** Dates as typed or stored: a spreadsheet date, 2026-01-01, 2026/1/1, 2026.1.1, 2026年1月1日. */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}-${String(value.getUTCDate()).padStart(2, '0')}`;
  }
  if (typeof value !== 'string') return null;
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(halfWidth(value));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
