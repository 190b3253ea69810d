import type { Decimal } from '../money/decimal';

/**
 * Whole numbers rounded up, exactly: the posts a share requires (⌈0.70 × 5.5⌉ = 4) and the calendar months a line
 * of 10.5 months touches. Non-negative decimals only (counts, months, shares of them).
 */
const pow10 = (n: number) => 10n ** BigInt(n);

/** ⌈a⌉ for a ≥ 0 */
export function ceilWhole(a: Decimal): bigint {
  const unit = pow10(a.scale);
  const q = a.units / unit;
  return q * unit === a.units ? q : q + 1n;
}

/** ⌈a ÷ b⌉ for a ≥ 0, b > 0, without rounding the quotient first */
export function ceilDiv(a: Decimal, b: Decimal): bigint {
  // a ÷ b = (a.units × 10^b.scale) ÷ (b.units × 10^a.scale)
  const n = a.units * pow10(b.scale);
  const d = b.units * pow10(a.scale);
  const q = n / d;
  return q * d === n ? q : q + 1n;
}
