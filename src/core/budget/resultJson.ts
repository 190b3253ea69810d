import { type Decimal, ZERO, add, mul, round, toFixed, toPlainString } from '../money/decimal';
import type { BudgetResult } from './compute';
import type { Check } from './checks';

/**
 * The JSON shape of a computed budget (docs/design.md §Budget spec, `paybench budget --json`, the API's answer):
 * amounts as strings with 2 decimals, shares with 4, rates and quantities as written.
 */
const m = (d: Decimal) => toFixed(d, 2);
const q = (d: Decimal) => toPlainString(d);
/** a unit price as written, 2 to 4 decimals: "800.00", "0.6173" */
const price = (d: Decimal) => toFixed(d, Math.min(4, Math.max(2, d.scale)));

/** One segment of a staff line (spec v2): its first month, months and amounts. */
export interface StaffSegmentJson {
  /** "YYYY-MM" */
  start: string;
  year: number;
  months: string;
  bonusMonths: string;
  /** the guide version's label and the contribution set's date in force */
  guideVersion: string | null;
  contributionsFrom: string | null;
  monthly: string;
  gross: string;
  base: string;
  contributions: string;
  leviesTotal: string;
  labour: string;
}

export interface StaffLineJson {
  kind: 'staff';
  index: number;
  post: string;
  grade: string;
  step: number;
  qualification: string | null;
  count: string;
  months: string;
  bonusMonths: string;
  guideMonthly: string | null;
  allowanceMonthly: string;
  oneOffAllowance: string;
  extrasMonthly: string;
  entitledMonthly: string | null;
  monthly: string;
  belowGuideBy: string | null;
  gross: string;
  base: string;
  baseClamp: 'floor' | 'ceiling' | null;
  items: { name: string; rate: string; round: 'fen' | 'yuan'; perMonth: string; total: string }[];
  contributionsPerMonth: string;
  contributions: string;
  levies: { name: string; rate: string; amount: string }[];
  leviesTotal: string;
  labour: string;
  /** 非社工岗: staff, not a social-work post */
  nonSocialWork: boolean;
  /** spec v2: the line's segments (absent for a spec v1 budget) */
  segments?: StaffSegmentJson[];
}

export interface CostLineJson {
  kind: 'cost';
  index: number;
  category: string;
  name: string;
  unitPrice: string;
  quantity: string;
  times: string;
  amount: string;
}

export interface BudgetJson {
  name: string;
  total: string;
  subtotal: string;
  tax: string;
  managementFee: string;
  direct: string;
  labour: string;
  gross: string;
  contributions: string;
  levies: string;
  otherCosts: string;
  headcount: string;
  /** people on social-work lines (head count less 非社工岗) */
  socialWorkPosts: string;
  /** labour by calendar year, summing exactly to `labour`; null for a spec v1 budget crossing a year-end */
  years: Record<string, string> | null;
  labourShare: string;
  managementShare: string;
  lines: (StaffLineJson | CostLineJson)[];
  purchaseByPost: {
    pricePerPostYear: string;
    posts: string;
    amount: string;
    labour: string;
    difference: string;
    labourPerPostYear: string;
  } | null;
  checks: Check[];
}

export function budgetToJson(r: BudgetResult): BudgetJson {
  const t = r.totals;
  const params = r.model.contributions;
  const staff: StaffLineJson[] = r.staff.map((l, index) => ({
    kind: 'staff',
    index,
    post: l.input.post,
    grade: l.input.grade,
    step: l.input.step,
    qualification: l.input.qualification ?? null,
    count: q(l.input.count),
    months: q(l.input.months),
    bonusMonths: q(l.input.bonusMonths),
    guideMonthly: l.input.guideMonthly === null ? null : m(l.input.guideMonthly),
    allowanceMonthly: m(l.input.allowanceMonthly),
    oneOffAllowance: m(l.input.oneOffAllowance),
    extrasMonthly: m(l.input.extrasMonthly),
    entitledMonthly: l.entitledMonthly === null ? null : m(l.entitledMonthly),
    monthly: m(l.monthly),
    belowGuideBy: l.belowGuideBy === null ? null : m(l.belowGuideBy),
    gross: m(l.gross),
    base: m(l.base),
    baseClamp: l.baseClamp,
    items: params.items.map((it, i) => {
      const perMonth = l.itemsPerMonth[i]!;
      // the item's share of the line, for reading only: contributions are rounded once over Σ item_i (per segment)
      const parts = l.segments ? l.segments.map((seg) => seg.line) : [l];
      const total = parts.reduce((acc, p) => add(acc, round(mul(mul(p.itemsPerMonth[i]!, p.input.count), p.input.months), 2)), ZERO);
      return { name: it.name, rate: q(it.rate), round: it.round, perMonth: m(perMonth), total: m(total) };
    }),
    contributionsPerMonth: m(l.contributionsPerMonth),
    contributions: m(l.contributions),
    levies: params.levies.map((lv, j) => ({ name: lv.name, rate: q(lv.rate), amount: m(l.levyAmounts[j]!) })),
    leviesTotal: m(l.leviesTotal),
    labour: m(l.labour),
    nonSocialWork: l.input.nonSocialWork === true,
    ...(l.segments
      ? {
          segments: l.segments.map((seg): StaffSegmentJson => ({
            start: seg.piece.start,
            year: seg.piece.year,
            months: q(seg.months),
            bonusMonths: q(seg.line.input.bonusMonths),
            guideVersion: r.model.guideVersions?.[seg.piece.version]?.label ?? null,
            contributionsFrom: r.model.contributionSets?.[seg.piece.set]?.effective ?? null,
            monthly: m(seg.line.monthly),
            gross: m(seg.line.gross),
            base: m(seg.line.base),
            contributions: m(seg.line.contributions),
            leviesTotal: m(seg.line.leviesTotal),
            labour: m(seg.line.labour),
          })),
        }
      : {}),
  }));
  const costs: CostLineJson[] = r.costs.map((c, index) => ({
    kind: 'cost',
    index,
    category: c.input.category,
    name: c.input.name,
    unitPrice: price(c.input.unitPrice),
    quantity: q(c.input.quantity),
    times: q(c.input.times),
    amount: m(c.amount),
  }));
  const p = r.purchaseByPost;
  return {
    name: r.model.name,
    total: m(t.total),
    subtotal: m(t.subtotal),
    tax: m(t.tax),
    managementFee: m(t.managementFee),
    direct: m(t.direct),
    labour: m(t.labour),
    gross: m(t.gross),
    contributions: m(t.contributions),
    levies: m(t.levies),
    otherCosts: m(t.otherCosts),
    headcount: q(t.headcount),
    socialWorkPosts: q(t.socialWorkPosts),
    years: r.years ? Object.fromEntries(r.years.map((y) => [String(y.year), m(y.labour)])) : null,
    labourShare: toFixed(r.labourShare, 4),
    managementShare: toFixed(r.managementShare, 4),
    lines: [...staff, ...costs],
    purchaseByPost: p
      ? {
          pricePerPostYear: m(p.pricePerPostYear),
          posts: q(p.posts),
          amount: m(p.amount),
          labour: m(p.labour),
          difference: m(p.difference),
          labourPerPostYear: m(p.labourPerPostYear),
        }
      : null,
    checks: r.checks,
  };
}
