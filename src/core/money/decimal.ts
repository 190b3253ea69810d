/**
 * Exact decimal numbers on BigInt: value = units / 10^scale.
 *
 * Money never touches binary floating point. Amounts are yuan with 2 places (分); rates and
 * quantities keep the places they were written with, so a product is exact until the policy
 * says to round. Rounding is 四舍五入 half away from zero, which is what spreadsheet ROUND(x, n)
 * does, so a workbook recalculated by Excel/WPS/LibreOffice gives the same fen.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 40; i++, p *= 10n) POW10.push(p);
function pow10(n: number): bigint {
  return n <= 40 ? POW10[n]! : 10n ** BigInt(n);
}

export const ZERO: Decimal = Object.freeze({ units: 0n, scale: 0 });
export const ONE: Decimal = Object.freeze({ units: 1n, scale: 0 });

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses "6500", "6500.00", "-0.5", "0.0026". Throws on anything else (no exponents, no separators). */
export function parseDecimal(text: string): Decimal {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) throw new RangeError(`不是十进制数：“${text.length > 40 ? text.slice(0, 40) + '…' : text}” / not a decimal number`);
  const frac = m[3] ?? '';
  const units = BigInt(m[2]! + frac);
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
}

export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text.trim());
}

/**
 * A JSON number such as a head count (0.5) or months (12) as an exact decimal. The shortest
 * round-trip text of the double is taken as what the user wrote, so 0.1 stays 0.1, and an
 * exponent form is read exactly: 1e-30 is 10^-30, never 0, and 1e21 is 10^21. (The spec's
 * ranges refuse both long before this; docs/design.md §Budget spec.)
 */
export function fromNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`不是有限的数：${n} / not a finite number`);
  if (Number.isSafeInteger(n)) return { units: BigInt(n), scale: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(String(n));
  if (!m) return parseDecimal(String(n));
  const frac = m[3] ?? '';
  const units = BigInt(m[2]! + frac) * (m[1] === '-' ? -1n : 1n);
  const scale = frac.length - Number(m[4]);
  return scale >= 0 ? { units, scale } : { units: units * pow10(-scale), scale: 0 };
}

export function fromInteger(n: number | bigint): Decimal {
  return { units: BigInt(n), scale: 0 };
}

/** yuan as integer fen (2 places) */
export function fromFen(fen: bigint): Decimal {
  return { units: fen, scale: 2 };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  if (a.scale > b.scale) return [a.units, b.units * pow10(a.scale - b.scale), a.scale];
  return [a.units * pow10(b.scale - a.scale), b.units, b.scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  const [x, y, s] = align(a, b);
  return { units: x + y, scale: s };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: a.units - b.units, scale: a.scale };
  const [x, y, s] = align(a, b);
  return { units: x - y, scale: s };
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function neg(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale };
}

export function sum(values: Iterable<Decimal>): Decimal {
  let acc: Decimal = ZERO;
  for (const v of values) acc = add(acc, v);
  return acc;
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const lt = (a: Decimal, b: Decimal) => compare(a, b) < 0;
export const gt = (a: Decimal, b: Decimal) => compare(a, b) > 0;
export const eq = (a: Decimal, b: Decimal) => compare(a, b) === 0;
export const isZero = (a: Decimal) => a.units === 0n;
export const isNegative = (a: Decimal) => a.units < 0n;

export function max(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) >= 0 ? a : b;
}
export function min(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) <= 0 ? a : b;
}

/** Integer quotient n/d rounded half away from zero (四舍五入). */
function divRoundUnits(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('除数为 0 / division by zero');
  let q = n / d;
  const r = n % d;
  if (r !== 0n) {
    const twiceR = r < 0n ? -2n * r : 2n * r;
    const absD = d < 0n ? -d : d;
    if (twiceR >= absD) q += n < 0n !== d < 0n ? -1n : 1n;
  }
  return q;
}

/** 四舍五入 half away from zero to `places` decimals, like spreadsheet ROUND(x, places). */
export function round(a: Decimal, places = 2): Decimal {
  if (a.scale <= places) return a.scale === places ? a : { units: a.units * pow10(places - a.scale), scale: places };
  return { units: divRoundUnits(a.units, pow10(a.scale - places)), scale: places };
}

/** Rounds to whole yuan (or other places) but keeps 2 places for money columns. */
export function roundToYuan(a: Decimal): Decimal {
  return withScale(round(a, 0), 2);
}

/** Exact a / b rounded half away from zero to `places` decimals. */
export function divRound(a: Decimal, b: Decimal, places = 2): Decimal {
  // a/b = (a.u / 10^a.s) / (b.u / 10^b.s); times 10^places
  let n = a.units;
  let d = b.units;
  const shift = b.scale + places - a.scale;
  if (shift >= 0) n *= pow10(shift);
  else d *= pow10(-shift);
  return { units: divRoundUnits(n, d), scale: places };
}

/** Re-expresses a value at a larger scale (exact); smaller scales round. */
export function withScale(a: Decimal, scale: number): Decimal {
  if (a.scale === scale) return a;
  if (a.scale < scale) return { units: a.units * pow10(scale - a.scale), scale };
  return round(a, scale);
}

/** Fixed text with exactly `places` decimals ("1234.50"); rounds half away from zero if needed. */
export function toFixed(a: Decimal, places = 2): string {
  const r = withScale(a, places);
  const negative = r.units < 0n;
  const digits = (negative ? -r.units : r.units).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = places > 0 ? '.' + digits.slice(digits.length - places) : '';
  return (negative ? '-' : '') + int + frac;
}

/** Shortest exact text ("0.16", "12", "0.5"). */
export function toPlainString(a: Decimal): string {
  if (a.scale === 0) return a.units.toString();
  let s = toFixed(a, a.scale);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** 1,234,567.89 — for messages; never used to compute. */
export function formatMoney(a: Decimal, places = 2): string {
  const s = toFixed(a, places);
  const [int, frac] = s.split('.');
  const negative = int!.startsWith('-');
  const body = (negative ? int!.slice(1) : int!).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + body + (frac !== undefined ? '.' + frac : '');
}

/** Percentage text from a ratio: 0.60 → "60.00%". */
export function formatPercent(ratio: Decimal, places = 2): string {
  return toFixed(round(mul(ratio, fromInteger(100)), places), places) + '%';
}

/**
 * The nearest double, for a spreadsheet cell's cached value only. A 2-place amount converts to
 * the double that prints back as the same text, so Excel shows the exact fen.
 */
export function toNumber(a: Decimal): number {
  return Number(toPlainString(a));
}
