import { type Decimal, ZERO, add, compare, mul, round, roundToYuan, sub } from '../money/decimal';
import type { ContributionsInput, StaffLineInput, TimelinePiece } from './model';

/**
 * One staff line's labour cost (人员经费), docs/design.md §Budget arithmetic:
 *   monthly       = guide + allowance + extras (or the agreed override)
 *   gross         = round(monthly × count × (months + bonusMonths)) [+ round(one-off allowance × count)]
 *   base          = clamp(monthly, floor, ceiling)            per person
 *   item_i        = round_i(base_i × rate_i)                  per person-month, to fen or to yuan
 *                   (base_i = clamp(monthly, item floor, item ceiling) when the item has its own limits, else base)
 *   contributions = round(Σ item_i × count × months)
 *   levies        = Σ round(gross × levyRate_j)               e.g. 工会经费 2 %
 *   labour        = gross + contributions + levies
 */
export interface StaffLineResult {
  input: StaffLineInput;
  /** what the guide says this person is owed per month: guide + allowance + extras */
  entitledMonthly: Decimal | null;
  monthly: Decimal;
  /** entitled − monthly when the agreed pay is below the guide */
  belowGuideBy: Decimal | null;
  monthlyGross: Decimal; // round(monthly × count × (months + bonusMonths))
  oneOffGross: Decimal; // round(one-off allowance × count)
  gross: Decimal;
  base: Decimal;
  baseClamp: 'floor' | 'ceiling' | null;
  /** item_i per person-month, in the order of the contribution set's items (names and rates are there) */
  itemsPerMonth: Decimal[];
  contributionsPerMonth: Decimal; // Σ item_i
  contributions: Decimal;
  /** each levy's amount, in the order of the contribution set's levies */
  levyAmounts: Decimal[];
  leviesTotal: Decimal;
  labour: Decimal;
  /** the guide's amounts already include employer contributions: none added on top */
  includesEmployerCost: boolean;
  /**
   * Spec v2: the line's segments (segments.ts), each priced as a line of its own; the amounts above are their sums
   * and the per-month figures (monthly, base, items) are the first segment's. Absent when the line is one piece.
   */
  segments?: StaffSegment[] | undefined;
}

/** One segment of a line: its stretch of months and its own §4 pricing. */
export interface StaffSegment {
  piece: TimelinePiece;
  /** months of the line in the piece (the last may be part of a month) */
  months: Decimal;
  line: StaffLineResult;
}

function clamp(monthly: Decimal, floor: Decimal, ceiling: Decimal): Decimal {
  return compare(monthly, floor) < 0 ? floor : compare(monthly, ceiling) > 0 ? ceiling : monthly;
}

export function entitledMonthly(line: StaffLineInput): Decimal | null {
  if (line.guideMonthly === null) return null;
  return add(add(line.guideMonthly, line.allowanceMonthly), line.extrasMonthly);
}

export function computeStaffLine(line: StaffLineInput, params: ContributionsInput, guideIncludes: 'gross' | 'employerCost'): StaffLineResult {
  const entitled = entitledMonthly(line);
  const monthly = line.override ?? entitled ?? ZERO;
  const belowGuideBy = line.override !== null && entitled !== null && compare(line.override, entitled) < 0 ? sub(entitled, line.override) : null;

  const monthlyGross = round(mul(mul(monthly, line.count), add(line.months, line.bonusMonths)), 2);
  const oneOffGross = round(mul(line.oneOffAllowance, line.count), 2);
  const gross = add(monthlyGross, oneOffGross);

  let base = monthly;
  let baseClamp: 'floor' | 'ceiling' | null = null;
  if (compare(monthly, params.floor) < 0) {
    base = params.floor;
    baseClamp = 'floor';
  } else if (compare(monthly, params.ceiling) > 0) {
    base = params.ceiling;
    baseClamp = 'ceiling';
  }

  const includesEmployerCost = guideIncludes === 'employerCost';
  const personMonths = mul(line.count, line.months);
  // Few objects per line on purpose: a 10,000-line budget must recompute in well under 50 ms.
  const itemsPerMonth: Decimal[] = new Array(params.items.length);
  let perMonthSum: Decimal = ZERO;
  for (let i = 0; i < params.items.length; i++) {
    const item = params.items[i]!;
    const itemBase = item.floor === undefined && item.ceiling === undefined ? base : clamp(monthly, item.floor ?? params.floor, item.ceiling ?? params.ceiling);
    const perMonth = includesEmployerCost ? ZERO : item.round === 'yuan' ? roundToYuan(mul(itemBase, item.rate)) : round(mul(itemBase, item.rate), 2);
    perMonthSum = add(perMonthSum, perMonth);
    itemsPerMonth[i] = perMonth;
  }
  const contributions = round(mul(perMonthSum, personMonths), 2);

  const levyAmounts: Decimal[] = new Array(params.levies.length);
  let leviesTotal: Decimal = ZERO;
  for (let j = 0; j < params.levies.length; j++) {
    const amount = includesEmployerCost ? ZERO : round(mul(gross, params.levies[j]!.rate), 2);
    leviesTotal = add(leviesTotal, amount);
    levyAmounts[j] = amount;
  }

  return {
    input: line,
    entitledMonthly: entitled,
    monthly,
    belowGuideBy,
    monthlyGross,
    oneOffGross,
    gross,
    base,
    baseClamp,
    itemsPerMonth,
    contributionsPerMonth: perMonthSum,
    contributions,
    levyAmounts,
    leviesTotal,
    labour: add(add(gross, contributions), leviesTotal),
    includesEmployerCost,
  };
}
