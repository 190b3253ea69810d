import { type Decimal, ONE, add, divRound, mul, round, sub } from '../money/decimal';
import type { TaxInput } from './model';

/**
 * Tax on the service price (税费), docs/design.md §Budget arithmetic.
 * gross-up: the purchaser pays a total from which VAT (价内, total × vat/(1+vat)) and its
 *   surcharges (城建税, 教育费附加, 地方教育附加 on the VAT) leave exactly the subtotal:
 *     total = round(subtotal / (1 − vat/(1+vat) × (1+surcharge)))
 *   Computed exactly as subtotal × (1+vat) / (1 − vat × surcharge), the same number in closed form.
 * simple: tax = round(subtotal × rate).
 */
export interface TaxResult {
  tax: Decimal;
  total: Decimal;
}

export function computeTax(subtotal: Decimal, tax: TaxInput): TaxResult {
  if (tax.method === 'simple') {
    const amount = round(mul(subtotal, tax.rate), 2);
    return { tax: amount, total: add(subtotal, amount) };
  }
  const numerator = mul(subtotal, add(ONE, tax.vat));
  const denominator = sub(ONE, mul(tax.vat, tax.surcharge));
  const total = divRound(numerator, denominator, 2);
  return { tax: sub(total, subtotal), total };
}
