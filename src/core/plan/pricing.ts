import { computeStaffLine } from '../budget/staffCost';
import type { ContributionsInput, StaffLineInput } from '../budget/model';
import type { ContributionSet } from '../contributions/schema';
import { GuideCellError, guideLookup } from '../guides/inlineGuide';
import { type Decimal, ONE, ZERO, add, fromInteger, fromNumber, mul, parseDecimal, round } from '../money/decimal';
import { performanceMonthly } from '../pay/jilin';
import type { InlineGuide } from '../spec/budgetSpec';
import { ValidationError } from '../spec/fields';
import { type PostMix, allocatePosts } from './postMix';

/**
 * Prices a team of N posts with the budget core: the posts are split by the post mix, each line
 * becomes a staff line (docs/design.md §Budget arithmetic: gross, contributions, levies, labour; the
 * mix's performance part, when it has one, is the line's extra monthly item) computed by
 * computeStaffLine, and the team's cost is the sum of its lines. A team of N is priced once and
 * reused for every community with that quota (100,000 communities have a few dozen distinct N);
 * totals are kept in BigInt fen.
 */
export interface TeamCost {
  posts: number;
  counts: number[]; // people per mix line
  gross: bigint; // 应发工资 (fen)
  contributions: bigint; // 单位缴纳五险一金 (fen)
  levies: bigint; // 工会经费等 (fen)
  labour: bigint; // 人员经费 (fen)
}

export interface PricedMixLine {
  label: string;
  post: string;
  grade: string;
  step: number;
  qualification: string | undefined;
  guideMonthly: Decimal;
  /** 绩效奖金: round(guideMonthly × share ÷ (1 − share), 2) when the mix has a performance share, else 0 */
  performanceMonthly: Decimal;
  allowanceMonthly: Decimal;
  oneOffAllowance: Decimal;
}

export function contributionsInput(set: Pick<ContributionSet, 'name' | 'city' | 'floor' | 'ceiling' | 'items' | 'levies'>): ContributionsInput {
  return {
    name: set.name,
    city: set.city,
    floor: parseDecimal(set.floor),
    ceiling: parseDecimal(set.ceiling),
    items: set.items.map((i) => ({ name: i.name, rate: parseDecimal(i.rate), round: i.round })),
    levies: set.levies.map((l) => ({ name: l.name, rate: parseDecimal(l.rate) })),
  };
}

export interface GuideAdjustment {
  /** yearly adjustment of the guide's cells (0.03 = +3 %) applied `years` times, rounded to the fen each year */
  rate: Decimal;
  years: number;
  /** steps moved up (档次晋升), capped at the highest step the guide has for that post and grade */
  stepShift: number;
}

const NO_ADJUSTMENT: GuideAdjustment = { rate: ZERO, years: 0, stepShift: 0 };

/** The mix's lines with their guide amounts; a cell missing from the guide names the mix line. */
export function priceMixLines(mix: PostMix, guide: InlineGuide, adj: GuideAdjustment = NO_ADJUSTMENT): PricedMixLine[] {
  let lookup;
  try {
    lookup = guideLookup(guide);
  } catch (e) {
    if (e instanceof GuideCellError) throw new ValidationError([{ path: e.path, message: e.message }]);
    throw e;
  }
  const factor = add(ONE, adj.rate);
  const performance = mix.performanceShare === undefined ? null : parseDecimal(mix.performanceShare);
  const problems: { path: string; message: string }[] = [];
  const lines = mix.lines.map((l, i) => {
    let step = l.step;
    let grade = l.grade;
    if (adj.stepShift > 0) ({ grade, step } = promoted(guide, l.post, l.grade, l.step, adj.stepShift));
    let monthly = lookup.monthly(l.post, grade, step);
    if (monthly === null) {
      problems.push({
        path: `mix.lines[${i}]`,
        message: `指导价“${guide.name}”中没有 ${l.post}/${grade}/${step}档（${l.label}）/ no such cell in the pay guide`,
      });
      monthly = ZERO;
    }
    for (let y = 0; y < adj.years; y++) monthly = round(mul(monthly!, factor), 2);
    const allowance = lookup.allowance(l.qualification);
    return {
      label: l.label,
      post: l.post,
      grade,
      step,
      qualification: l.qualification,
      guideMonthly: monthly!,
      performanceMonthly: performance ? performanceMonthly(monthly!, performance) : ZERO,
      allowanceMonthly: allowance.monthly,
      oneOffAllowance: allowance.oneOff,
    };
  });
  if (problems.length) throw new ValidationError(problems);
  return lines;
}

/**
 * `shift` moves up the guide's ladder: the 档次 of the same grade where the guide has steps; where
 * it has one step per grade and grades are numbered levels ("7级", 三岗十八级) the level moves
 * instead. Never past the top the guide has for that post.
 */
export function promoted(guide: InlineGuide, post: string, grade: string, step: number, shift: number): { grade: string; step: number } {
  const steps = guide.rows.filter((r) => r.post === post && r.grade === grade).map((r) => r.step);
  if (steps.some((s) => s > step)) {
    let target = step + shift;
    while (target > step && !steps.includes(target)) target--;
    return { grade, step: target };
  }
  const level = /^(\d+)级$/.exec(grade);
  if (level) {
    const levels = new Set(guide.rows.filter((r) => r.post === post && r.step === step).map((r) => r.grade));
    let target = Number(level[1]) + shift;
    while (target > Number(level[1]) && !levels.has(`${target}级`)) target--;
    return { grade: `${target}级`, step };
  }
  return { grade, step };
}

export class TeamPricer {
  private readonly cache = new Map<number, TeamCost>();
  private readonly lineCache: Map<number, ReturnType<typeof computeStaffLine>>[];
  private readonly shares: (Decimal | null)[];
  private readonly months: Decimal;
  private readonly bonusMonths: Decimal;

  constructor(
    readonly mix: PostMix,
    readonly lines: readonly PricedMixLine[],
    readonly contributions: ContributionsInput,
    readonly includes: 'gross' | 'employerCost',
  ) {
    this.lineCache = lines.map(() => new Map());
    this.shares = mix.lines.map((l) => (l.share === undefined ? null : parseDecimal(l.share)));
    this.months = fromInteger(mix.months);
    this.bonusMonths = fromNumber(mix.bonusMonths);
  }

  /** the staff line of mix line i with `count` people, as the budget core sees it */
  staffLine(i: number, count: number): StaffLineInput {
    const l = this.lines[i]!;
    return {
      post: l.post,
      grade: l.grade,
      step: l.step,
      qualification: l.qualification,
      count: fromInteger(count),
      months: this.months,
      bonusMonths: this.bonusMonths,
      guideMonthly: l.guideMonthly,
      allowanceMonthly: l.allowanceMonthly,
      oneOffAllowance: l.oneOffAllowance,
      extrasMonthly: l.performanceMonthly,
      override: null,
      note: l.label,
    };
  }

  line(i: number, count: number): ReturnType<typeof computeStaffLine> {
    const cache = this.lineCache[i]!;
    let r = cache.get(count);
    if (r === undefined) {
      r = computeStaffLine(this.staffLine(i, count), this.contributions, this.includes);
      cache.set(count, r);
    }
    return r;
  }

  cost(posts: number): TeamCost {
    let c = this.cache.get(posts);
    if (c !== undefined) return c;
    const counts = allocatePosts(this.mix, posts, this.shares);
    let gross = 0n;
    let contributions = 0n;
    let levies = 0n;
    let labour = 0n;
    counts.forEach((n, i) => {
      if (n === 0) return;
      const r = this.line(i, n);
      gross += fen(r.gross);
      contributions += fen(r.contributions);
      levies += fen(r.leviesTotal);
      labour += fen(r.labour);
    });
    c = { posts, counts, gross, contributions, levies, labour };
    this.cache.set(posts, c);
    return c;
  }
}

/** an amount (already to the fen) as integer fen */
export function fen(d: Decimal): bigint {
  if (d.scale === 2) return d.units;
  if (d.scale < 2) return d.units * 10n ** BigInt(2 - d.scale);
  return round(d, 2).units;
}
