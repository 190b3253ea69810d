import { type Decimal, ZERO, add, parseDecimal } from '../money/decimal';
import type { InlineGuide } from '../spec/budgetSpec';
import { coefficientMonthly, type ReferenceWage } from './cellValue';
import { DistinctCells, cellKey } from './distinctCells';

/**
 * Lookup of a pay guide's cells (post × grade × step → yuan per month) and its certificate
 * allowances, with coefficient cells resolved against the guide's reference wage.
 */
export interface GuideLookup {
  monthly(post: string, grade: string, step: number): Decimal | null;
  allowance(qualification: string | undefined): { monthly: Decimal; oneOff: Decimal };
  includes: 'gross' | 'employerCost';
}

export class GuideCellError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export function guideLookup(guide: InlineGuide): GuideLookup {
  const wage: ReferenceWage | undefined = guide.referenceWage
    ? { name: guide.referenceWage.name, amount: parseDecimal(guide.referenceWage.amount), per: guide.referenceWage.per }
    : undefined;
  const cells = new Map<string, Decimal>();
  const distinct = new DistinctCells<number>();
  guide.rows.forEach((row, i) => {
    let value: Decimal;
    if (row.monthly !== undefined) value = parseDecimal(row.monthly);
    else {
      if (!wage) {
        throw new GuideCellError(
          `payGuide.rows[${i}].coefficient`,
          '系数单元格需要指导价给出参考工资 referenceWage / a coefficient needs payGuide.referenceWage',
        );
      }
      value = coefficientMonthly(parseDecimal(row.coefficient!), wage);
    }
    if (distinct.earlier(row, i) !== undefined) {
      throw new GuideCellError(`payGuide.rows[${i}]`, `岗位/等级/档次重复：${row.post}/${row.grade}/${row.step} / duplicate cell`);
    }
    cells.set(cellKey(row.post, row.grade, row.step), value);
  });
  const monthlyAllowance = new Map<string, Decimal>();
  const oneOffAllowance = new Map<string, Decimal>();
  for (const a of guide.allowances) {
    const target = a.kind === 'oneOff' ? oneOffAllowance : monthlyAllowance;
    target.set(a.qualification, add(target.get(a.qualification) ?? ZERO, parseDecimal(a.monthly)));
  }
  return {
    includes: guide.includes,
    monthly: (post, grade, step) => cells.get(cellKey(post, grade, step)) ?? null,
    allowance: (q) =>
      q === undefined ? { monthly: ZERO, oneOff: ZERO } : { monthly: monthlyAllowance.get(q) ?? ZERO, oneOff: oneOffAllowance.get(q) ?? ZERO },
  };
}
