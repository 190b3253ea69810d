import { type Decimal, ZERO, add, compare, fromInteger, sub } from '../money/decimal';
import type { BudgetModel, StaffLineInput, TimelinePiece } from './model';
import { type StaffLineResult, type StaffSegment, computeStaffLine } from './staffCost';

/**
 * Multi-year pricing (docs/design.md §Budget arithmetic, "Segments", spec v2): a staff line runs from the period's
 * first month for its `months`; it is cut into segments at 1 January and wherever the guide version or the
 * contribution set in force changes. Each segment is priced as a line of §4 with its own months — gross,
 * contributions and levies each rounded per segment — bonus months go with the last segment and a one-off
 * allowance is paid once, in the first. The line's amounts are the sums of its segments.
 */

/** A month of the period with no guide version or no contribution set in force. */
export class MonthWithoutParameters extends Error {
  constructor(
    readonly what: 'guide' | 'contributions',
    /** "YYYY-MM" */
    readonly month: string,
  ) {
    super(`${month} 没有生效的${what === 'guide' ? '指导价版本' : '缴费参数'}`);
  }
}

export interface Timeline {
  pieces: TimelinePiece[];
  /** for each piece's `version` index: the index in the dates given (the versions used, in date order) */
  versions: number[];
  /** the same for contribution sets */
  sets: number[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The index of the latest date on or before `day` in ascending ISO dates; -1 when none is. */
function inForce(dates: readonly string[], day: string): number {
  let found = -1;
  for (let i = 0; i < dates.length && dates[i]! <= day; i++) found = i;
  return found;
}

/**
 * The period's months, from `periodStart` ("YYYY-MM") for `months` months, cut into pieces. `versionDates` and
 * `setDates` are the effective dates ("YYYY-MM-DD") in ascending order; the one in force in a month is the latest on
 * or before its first day. Throws MonthWithoutParameters naming the first month that has none.
 */
export function buildTimeline(periodStart: string, months: number, versionDates: readonly string[], setDates: readonly string[]): Timeline {
  const y0 = Number(periodStart.slice(0, 4));
  const m0 = Number(periodStart.slice(5, 7)) - 1;
  const pieces: TimelinePiece[] = [];
  const versions: number[] = [];
  const sets: number[] = [];
  let prevVersion = -1;
  let prevSet = -1;
  for (let k = 0; k < months; k++) {
    const year = y0 + Math.floor((m0 + k) / 12);
    const month = ((m0 + k) % 12) + 1;
    const start = `${year}-${pad2(month)}`;
    const day = `${start}-01`;
    const v = inForce(versionDates, day);
    if (v < 0) throw new MonthWithoutParameters('guide', start);
    const s = inForce(setDates, day);
    if (s < 0) throw new MonthWithoutParameters('contributions', start);
    if (k === 0 || month === 1 || v !== prevVersion || s !== prevSet) {
      if (pieces.length) pieces[pieces.length - 1]!.to = k;
      if (!versions.includes(v)) versions.push(v);
      if (!sets.includes(s)) sets.push(s);
      pieces.push({ from: k, to: months, start, year, version: versions.indexOf(v), set: sets.indexOf(s) });
    }
    prevVersion = v;
    prevSet = s;
  }
  return { pieces, versions, sets };
}

/** How many pieces a line of `months` months reaches (those that start before it ends). */
export function piecesReached(pieces: readonly TimelinePiece[], months: number): number {
  let n = 0;
  while (n < pieces.length && pieces[n]!.from < months) n++;
  return n;
}

/** One line of a spec v2 budget, priced segment by segment; the result's amounts are the sums of its segments. */
export function computeSegmentedLine(line: StaffLineInput, model: BudgetModel): StaffLineResult {
  const pieces = model.timeline!;
  const sets = model.contributionSets ?? [model.contributions];
  const segments: StaffSegment[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const from = fromInteger(piece.from);
    if (compare(from, line.months) >= 0) break;
    const to = fromInteger(piece.to);
    const months = sub(compare(to, line.months) < 0 ? to : line.months, from);
    const last = i + 1 === pieces.length || compare(to, line.months) >= 0;
    const prices = line.byVersion?.[piece.version] ?? line;
    const input: StaffLineInput = {
      ...line,
      months,
      bonusMonths: last ? line.bonusMonths : ZERO, // bonus months with the last segment
      guideMonthly: prices.guideMonthly,
      allowanceMonthly: prices.allowanceMonthly,
      oneOffAllowance: segments.length === 0 ? prices.oneOffAllowance : ZERO, // a one-off allowance once, in the first
      byVersion: undefined,
      key: undefined,
    };
    segments.push({ piece, months, line: computeStaffLine(input, sets[piece.set]!, model.guideIncludes) });
  }
  return combineSegments(line, segments);
}

function combineSegments(input: StaffLineInput, segments: StaffSegment[]): StaffLineResult {
  const first = segments[0]!.line;
  let monthlyGross: Decimal = ZERO;
  let oneOffGross: Decimal = ZERO;
  let gross: Decimal = ZERO;
  let contributions: Decimal = ZERO;
  let leviesTotal: Decimal = ZERO;
  let labour: Decimal = ZERO;
  const levyAmounts = first.levyAmounts.map(() => ZERO);
  for (const { line } of segments) {
    monthlyGross = add(monthlyGross, line.monthlyGross);
    oneOffGross = add(oneOffGross, line.oneOffGross);
    gross = add(gross, line.gross);
    contributions = add(contributions, line.contributions);
    leviesTotal = add(leviesTotal, line.leviesTotal);
    labour = add(labour, line.labour);
    line.levyAmounts.forEach((a, j) => (levyAmounts[j] = add(levyAmounts[j]!, a)));
  }
  return { ...first, input, monthlyGross, oneOffGross, gross, contributions, levyAmounts, leviesTotal, labour, segments };
}
