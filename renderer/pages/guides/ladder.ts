import { coefficientMonthly, type ReferenceWage } from '../../../src/core/guides/cellValue';
import type { GuideCell, GuideVersion, StoredReferenceWage } from '../../../src/core/guides/schema';
import { referenceWageInForce } from '../../../src/core/guides/versions';
import { type Decimal, divRound, fromInteger, parseDecimal, toNumber } from '../../../src/core/money/decimal';
import { type GradeOrder, type ProfessionalGrade, orderGrades } from '../../../src/core/roster/levelMap';

/**
 * What a cell pays per month, the way a budget will price it (src/core/projects/toSpec.ts): a yearly
 * amount is divided by 12 once and rounded to the fen; a coefficient is multiplied by the version's
 * reference wage in force on the version's effective date. Used for the grid's 月额 column and the
 * pay-ladder chart; the chart alone converts to a float, for drawing.
 */

const TWELVE = fromInteger(12);

export function wageForVersion(
  version: Pick<GuideVersion, 'referenceWage' | 'effectiveFrom'>,
  wages: readonly StoredReferenceWage[],
): StoredReferenceWage | null {
  if (!version.referenceWage) return null;
  return referenceWageInForce(wages, version.referenceWage, version.effectiveFrom);
}

export function cellMonthly(cell: Pick<GuideCell, 'amount' | 'coefficient'>, unit: GuideVersion['unit'], wage: ReferenceWage | null): Decimal | null {
  if (cell.amount !== undefined && cell.amount !== '') {
    const amount = parseDecimal(cell.amount);
    return unit === 'year' ? divRound(amount, TWELVE, 2) : amount;
  }
  if (cell.coefficient !== undefined && cell.coefficient !== '' && wage) return coefficientMonthly(parseDecimal(cell.coefficient), wage);
  return null;
}

export interface LadderData {
  posts: string[];
  /** how the grades were laid out, and the grades no 专技 map places (orderGrades) */
  order: Pick<GradeOrder, 'by' | 'unmapped' | 'mapIndex'>;
  /** one point per grade·step, with each post's monthly pay (null where the post has no such cell) */
  points: Array<{ label: string } & Record<string, number | string | null>>;
}

/**
 * The pay ladder: grade·step along the axis, lowest post first, one series per post. Grades are laid
 * out by the 专技 level map when a map places every grade (助理社会工作师二级, 一级, then 社会工作师
 * 三级 … 一级: a larger 专技 number is the lower post), else by their level number when each is a
 * plain number (三岗十八级: 1级 … 18级 across the three posts' overlapping bands), otherwise in the
 * order the grid first lists them (员级, 初级, 中级, 高级) — never alphabetically.
 */
export function ladderData(
  cells: readonly Pick<GuideCell, 'post' | 'grade' | 'step' | 'amount' | 'coefficient'>[],
  unit: GuideVersion['unit'],
  wage: ReferenceWage | null,
  levelMaps: readonly (readonly ProfessionalGrade[])[] = [],
): LadderData {
  const posts: string[] = [];
  const grades: string[] = [];
  const stepsOf = new Map<string, Set<number>>();
  for (const c of cells) {
    if (!posts.includes(c.post)) posts.push(c.post);
    if (!grades.includes(c.grade)) grades.push(c.grade);
    const steps = stepsOf.get(c.grade) ?? new Set<number>();
    steps.add(c.step);
    stepsOf.set(c.grade, steps);
  }
  const order = orderGrades(grades, levelMaps);
  const byKey = new Map(cells.map((c) => [`${c.post}\u0000${c.grade}\u0000${c.step}`, c]));
  const anyMultiStep = [...stepsOf.values()].some((s) => s.size > 1 || !s.has(1));
  const points: LadderData['points'] = [];
  for (const grade of order.grades) {
    for (const step of [...stepsOf.get(grade)!].sort((a, b) => a - b)) {
      const point: LadderData['points'][number] = { label: anyMultiStep ? `${grade}·${step}档` : grade };
      for (const post of posts) {
        const cell = byKey.get(`${post}\u0000${grade}\u0000${step}`);
        const monthly = cell ? cellMonthly(cell, unit, wage) : null;
        point[post] = monthly === null ? null : toNumber(monthly);
      }
      points.push(point);
    }
  }
  return { posts, order: { by: order.by, unmapped: order.unmapped, mapIndex: order.mapIndex }, points };
}
