import { coefficientMonthly, type ReferenceWage } from '../../../src/core/guides/cellValue';
import type { GuideCell, GuideVersion, StoredReferenceWage } from '../../../src/core/guides/schema';
import { referenceWageInForce } from '../../../src/core/guides/versions';
import { type Decimal, divRound, fromInteger, parseDecimal, toNumber } from '../../../src/core/money/decimal';

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

const CHINESE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The level number in a grade label: "7级" → 7, "十八级" → 18, "二十" → 20; null where there is none. */
export function gradeNumber(grade: string): number | null {
  const arabic = /\d+/.exec(grade);
  if (arabic) return Number(arabic[0]);
  const run = /[一二两三四五六七八九十]+/.exec(grade)?.[0];
  if (!run) return null;
  const ten = run.indexOf('十');
  if (ten < 0) return run.length === 1 ? CHINESE_DIGIT[run]! : null;
  const tens = ten === 0 ? 1 : CHINESE_DIGIT[run.slice(0, ten)];
  const units = run.slice(ten + 1);
  const unitValue = units === '' ? 0 : CHINESE_DIGIT[units];
  if (tens === undefined || unitValue === undefined || ten > 1 || units.length > 1) return null;
  return tens * 10 + unitValue;
}

export interface LadderData {
  posts: string[];
  /** one point per grade·step, with each post's monthly pay (null where the post has no such cell) */
  points: Array<{ label: string } & Record<string, number | string | null>>;
}

/**
 * The pay ladder: grade·step along the axis, one series per post. Grades are laid out by their
 * level number when every grade has one (三岗十八级: 1级 … 18级 across the three posts' overlapping
 * bands), otherwise in the order the grid first lists them (员级, 初级, 中级, 高级).
 */
export function ladderData(
  cells: readonly Pick<GuideCell, 'post' | 'grade' | 'step' | 'amount' | 'coefficient'>[],
  unit: GuideVersion['unit'],
  wage: ReferenceWage | null,
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
  const numbers = grades.map(gradeNumber);
  if (numbers.every((n) => n !== null)) {
    const order = new Map(grades.map((g, i) => [g, numbers[i]!]));
    grades.sort((a, b) => order.get(a)! - order.get(b)!);
  }
  const byKey = new Map(cells.map((c) => [`${c.post}\u0000${c.grade}\u0000${c.step}`, c]));
  const anyMultiStep = [...stepsOf.values()].some((s) => s.size > 1 || !s.has(1));
  const points: LadderData['points'] = [];
  for (const grade of grades) {
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
  return { posts, points };
}
