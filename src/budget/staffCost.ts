import {
  type Decimal,
  ZERO,
  add,
  compare,
  mul,
  round,
  roundToYuan,
  sub,
} from '../money/decimal';
import type { ContributionsInput, StaffLineInput } from './model';

/**
 * One staff line's labour cost (人员经费), DESIGN §4:
 *   monthly       = guide + allowance + extras (or the agreed override)
 *   gross         = round(monthly × count × (months + bonusMonths)) [+ round(one-off allowance × count)]
 *   base          = clamp(monthly, floor, ceiling)            per person
 *   item_i        = round_i(base × rate_i)                    per person-month, to fen or to yuan
 *   contributions = round(Σ item_i × count × months)
 *   levies        = Σ round(gross × levyRate_j)               e.g. 工会经费 2 %
 *   labour        = gross + contributions + levies
 */
export interface ContributionItemResult {
  name: string;
  rate: Decimal;
  round: 'fen' | 'yuan';
  perMonth: Decimal; // per person-month
  total: Decimal; // round(perMonth × count × months), shown for information
}

export interface LevyResult {
  name: string;
  rate: Decimal;
  amount: Decimal;
}

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
  items: ContributionItemResult[];
  contributionsPerMonth: Decimal; // Σ item_i
  contributions: Decimal;
  levies: LevyResult[];
  leviesTotal: Decimal;
  labour: Decimal;
  /** the guide's amounts already include employer contributions: none added on top */
  includesEmployerCost: boolean;
}

export function entitledMonthly(line: StaffLineInput): Decimal | null {
  if (line.guideMonthly === null) return null;
  return add(add(line.guideMonthly, line.allowanceMonthly), line.extrasMonthly);
}

export function computeStaffLine(
  line: StaffLineInput,
  params: ContributionsInput,
  guideIncludes: 'gross' | 'employerCost',
): StaffLineResult {
  const entitled = entitledMonthly(line);
  const monthly = line.override ?? entitled ?? ZERO;
  const belowGuideBy =
    line.override !== null && entitled !== null && compare(line.override, entitled) < 0 ? sub(entitled, line.override) : null;

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
  const items: ContributionItemResult[] = [];
  let perMonthSum: Decimal = ZERO;
  for (const item of params.items) {
    const raw = mul(base, item.rate);
    const perMonth = includesEmployerCost ? ZERO : item.round === 'yuan' ? roundToYuan(raw) : round(raw, 2);
    perMonthSum = add(perMonthSum, perMonth);
    items.push({ name: item.name, rate: item.rate, round: item.round, perMonth, total: round(mul(perMonth, personMonths), 2) });
  }
  const contributions = round(mul(perMonthSum, personMonths), 2);

  const levies: LevyResult[] = [];
  let leviesTotal: Decimal = ZERO;
  for (const levy of params.levies) {
    const amount = includesEmployerCost ? ZERO : round(mul(gross, levy.rate), 2);
    leviesTotal = add(leviesTotal, amount);
    levies.push({ name: levy.name, rate: levy.rate, amount });
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
    items,
    contributionsPerMonth: perMonthSum,
    contributions,
    levies,
    leviesTotal,
    labour: add(add(gross, contributions), leviesTotal),
    includesEmployerCost,
  };
}
