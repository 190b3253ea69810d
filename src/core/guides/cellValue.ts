import { type Decimal, divRound, fromInteger, mul, round } from '../money/decimal';

/**
 * A pay-guide cell is either fixed yuan per month, or a coefficient × a named reference wage
 * (e.g. 三岗十八级: last year's average monthly wage × level coefficient). The coefficient form is
 * resolved when a budget is computed, and rounded once to the fen: round(coefficient × wage), or
 * for an annual reference wage round(coefficient × wage ÷ 12).
 */
export interface ReferenceWage {
  name: string;
  amount: Decimal;
  per: 'month' | 'year';
}

const TWELVE = fromInteger(12);

export function coefficientMonthly(coefficient: Decimal, wage: ReferenceWage): Decimal {
  const product = mul(coefficient, wage.amount);
  return wage.per === 'year' ? divRound(product, TWELVE, 2) : round(product, 2);
}
