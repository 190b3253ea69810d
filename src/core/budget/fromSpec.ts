import { type Decimal, ZERO, add, fromNumber, parseDecimal, toPlainString } from '../money/decimal';
import { GuideCellError, type GuideLookup, guideLookup } from '../guides/inlineGuide';
import type { BudgetSpec, DatedContributions, InlineContributions, InlineGuide, VersionedGuide } from '../spec/budgetSpec';
import { ValidationError } from '../spec/fields';
import type { BudgetModel, ContributionsInput, GuidePrices, StaffLineInput, TimelinePiece } from './model';
import { MonthWithoutParameters, type Timeline, buildTimeline, piecesReached } from './segments';

/** A spec whose payGuide is inline or versioned (a `ref` is resolved by the store first). */
export type ResolvedBudgetSpec = BudgetSpec & { payGuide: InlineGuide | VersionedGuide };

export function isResolved(spec: BudgetSpec): spec is ResolvedBudgetSpec {
  return !('ref' in spec.payGuide);
}

/**
 * Turns a validated spec into the exact model the arithmetic runs on. A staff line whose
 * post/grade/step is not in the guide is an error unless it carries an agreed monthly amount.
 * A spec that skipped validation (built in code) and holds a number the exact arithmetic cannot
 * read is refused as a field problem naming the line, never as an engine error.
 */
export function budgetModelFromSpec(spec: BudgetSpec): BudgetModel {
  try {
    return modelFromSpec(spec);
  } catch (e) {
    if (e instanceof UnreadableNumber) throw new ValidationError([{ path: e.path, message: e.message }]);
    throw e;
  }
}

class UnreadableNumber extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs `read`; an engine error in it is reported at `path`. */
function at<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof RangeError) throw new UnreadableNumber(path, e.message);
    throw e;
  }
}

function modelFromSpec(spec: BudgetSpec): BudgetModel {
  if (!isResolved(spec)) {
    throw new ValidationError([
      { path: 'payGuide.ref', message: `指导价“${(spec.payGuide as { ref: string }).ref}”需要从数据库解析 / must be resolved from the database` },
    ]);
  }
  const guideVersions = versionsOf(spec.payGuide);
  const contributionSets = setsOf(spec.contributions);
  // spec v2 prices in segments (segments.ts); spec v1 prices every line in one piece under the first version and set
  let timeline: Timeline | null = null;
  if (spec.version === 2) {
    const horizon = spec.staff.reduce((most, s) => Math.max(most, Math.ceil(s.months)), spec.period.months);
    try {
      timeline = buildTimeline(
        spec.period.start,
        horizon,
        guideVersions.map((v) => v.effective),
        contributionSets.map((c) => c.effective),
      );
    } catch (e) {
      if (!(e instanceof MonthWithoutParameters)) throw e;
      const guideMissing = e.what === 'guide';
      const earliest = guideMissing ? guideVersions[0]!.effective : contributionSets[0]!.effective;
      throw new ValidationError([
        {
          path: guideMissing ? 'payGuide' : 'contributions',
          message: `${e.month} 没有生效的${guideMissing ? '指导价版本' : '缴费参数'}（最早的自 ${earliest} 起）/ no ${guideMissing ? 'guide version' : 'contribution set'} in force in ${e.month}`,
        },
      ]);
    }
  }
  const usedVersions = timeline ? timeline.versions.map((i) => guideVersions[i]!) : [guideVersions[0]!];
  const usedSets = timeline ? timeline.sets.map((i) => contributionSets[i]!) : [contributionSets[0]!];
  const pieces: TimelinePiece[] | null = timeline ? timeline.pieces : null;
  const lookups: GuideLookup[] = usedVersions.map((v) => {
    try {
      return at(v.path, () => guideLookup(v.guide));
    } catch (e) {
      if (e instanceof GuideCellError) throw new ValidationError([{ path: e.path.replace(/^payGuide/, v.path), message: e.message }]);
      throw e;
    }
  });
  const lookup = lookups[0]!;
  // Decimals are immutable, so equal texts share one parsed value; a big budget repeats a few texts.
  const parsed = new Map<string, Decimal>();
  const dec = (text: string) => {
    let v = parsed.get(text);
    if (v === undefined) parsed.set(text, (v = parseDecimal(text)));
    return v;
  };
  const num = (n: number) => dec(String(n).includes('e') ? toPlainString(fromNumber(n)) : String(n));
  const problems: { path: string; message: string }[] = [];
  const staff: StaffLineInput[] = spec.staff.map((s, i) => at(`staff[${i}]`, () => staffLine(s, i)));
  if (problems.length) throw new ValidationError(problems);

  /** A line's cell and allowances under one version; a non-social-work line has none (it is priced on its agreed pay). */
  function prices(l: GuideLookup, s: BudgetSpec['staff'][number]): GuidePrices {
    if (s.nonSocialWork) return { guideMonthly: null, allowanceMonthly: ZERO, oneOffAllowance: ZERO };
    const allowance = l.allowance(s.qualification);
    return { guideMonthly: l.monthly(s.post, s.grade, s.step), allowanceMonthly: allowance.monthly, oneOffAllowance: allowance.oneOff };
  }

  function staffLine(s: BudgetSpec['staff'][number], i: number): StaffLineInput {
    const byVersion = lookups.length > 1 ? lookups.map((l) => prices(l, s)) : undefined;
    const first = byVersion ? byVersion[0]! : prices(lookup, s);
    if (!s.nonSocialWork && s.monthly === undefined) {
      // every version the line reaches must have its cell
      const missing = !byVersion || !pieces ? (first.guideMonthly === null ? 0 : -1) : firstMissingVersion(byVersion, pieces, s.months);
      if (missing >= 0) {
        problems.push({
          path: `staff[${i}]`,
          message: `指导价“${usedVersions[missing]!.guide.name}”中没有 ${s.post}/${s.grade}/${s.step}档，请改选或填写约定月薪 monthly / no such cell in the pay guide`,
        });
      }
    }
    const { guideMonthly } = first;
    const allowance = { monthly: first.allowanceMonthly, oneOff: first.oneOffAllowance };
    return {
      post: s.post,
      grade: s.grade,
      step: s.step,
      qualification: s.qualification,
      count: num(s.count),
      months: num(s.months),
      bonusMonths: num(s.bonusMonths),
      guideMonthly,
      allowanceMonthly: allowance.monthly,
      oneOffAllowance: allowance.oneOff,
      extrasMonthly: s.extras.reduce((acc, e) => add(acc, dec(e.monthly)), ZERO),
      override: s.monthly === undefined ? null : dec(s.monthly),
      note: s.note,
      nonSocialWork: s.nonSocialWork,
      byVersion,
      key: `${s.post}\u0001${s.grade}\u0001${s.step}\u0001${s.qualification ?? ''}\u0001${s.count}\u0001${s.months}\u0001${s.bonusMonths}\u0001${s.monthly ?? ''}\u0001${s.extras.map((e) => e.monthly).join(',')}\u0001${s.nonSocialWork ? 1 : 0}`,
    };
  }

  const sets = usedSets.map((c) => at(c.path, () => contributionsInput(c.set)));
  return {
    name: spec.name,
    guideIncludes: lookup.includes,
    periodMonths: spec.period.months,
    periodStart: spec.period.start,
    timeline: pieces ?? undefined,
    guideVersions: timeline ? usedVersions.map((v) => ({ label: v.label, effective: v.effective })) : undefined,
    contributionSets: timeline ? sets : undefined,
    staff,
    costs: spec.costs.map((k, i) =>
      at(`costs[${i}]`, () => ({
        category: k.category,
        name: k.name,
        unitPrice: parseDecimal(k.unitPrice),
        quantity: fromNumber(k.quantity),
        times: fromNumber(k.times),
        note: k.note,
      })),
    ),
    contributions: sets[0]!,
    managementRate: at('managementFee.rate', () => parseDecimal(spec.managementFee.rate)),
    tax: at('tax', () =>
      spec.tax.method === 'simple'
        ? { method: 'simple', rate: parseDecimal(spec.tax.rate) }
        : { method: 'gross-up', vat: parseDecimal(spec.tax.vat), surcharge: parseDecimal(spec.tax.surcharge) },
    ),
    rules: at('rules', () => ({
      minLabourShare: spec.rules.minLabourShare === undefined ? undefined : parseDecimal(spec.rules.minLabourShare),
      maxManagementShare: spec.rules.maxManagementShare === undefined ? undefined : parseDecimal(spec.rules.maxManagementShare),
      payReference: spec.rules.payReference ? { name: spec.rules.payReference.name, monthly: parseDecimal(spec.rules.payReference.monthly) } : undefined,
      posts: spec.rules.posts ? { min: fromNumber(spec.rules.posts.min), max: fromNumber(spec.rules.posts.max), label: spec.rules.posts.label } : undefined,
      minSocialWorkPostShare: spec.rules.minSocialWorkPostShare === undefined ? undefined : parseDecimal(spec.rules.minSocialWorkPostShare),
    })),
    purchaseByPost: spec.purchaseByPost
      ? at('purchaseByPost', () => ({
          pricePerPostYear: parseDecimal(spec.purchaseByPost!.pricePerPostYear),
          posts: spec.purchaseByPost!.posts === undefined ? undefined : fromNumber(spec.purchaseByPost!.posts),
        }))
      : undefined,
  };
}

/** The first version a line of `months` months reaches that has no cell for it; -1 when every one has. */
function firstMissingVersion(byVersion: readonly GuidePrices[], pieces: readonly TimelinePiece[], months: number): number {
  const reached = piecesReached(pieces, months);
  for (let k = 0; k < reached; k++) if (byVersion[pieces[k]!.version]!.guideMonthly === null) return pieces[k]!.version;
  return -1;
}

/** A guide version as the arithmetic reads it: an inline guide, its label and date, and where it sits in the spec. */
interface SpecVersion {
  label: string;
  /** "YYYY-MM-DD"; an unversioned guide holds from the beginning */
  effective: string;
  path: string;
  guide: InlineGuide;
}

const ALWAYS = '0000-01-01';

/** The guide's versions in date order (spec v2), or the one inline guide. */
function versionsOf(guide: InlineGuide | VersionedGuide): SpecVersion[] {
  if (!('versions' in guide)) return [{ label: guide.name, effective: ALWAYS, path: 'payGuide', guide }];
  return guide.versions
    .map((v, i): SpecVersion => ({
      label: v.label,
      effective: v.effective,
      path: `payGuide.versions[${i}]`,
      guide: {
        name: `${guide.name}（${v.label}）`,
        issuer: guide.issuer,
        documentNo: v.documentNo,
        effectiveFrom: v.effective,
        includes: guide.includes,
        source: v.source ?? guide.source,
        referenceWage: v.referenceWage ?? guide.referenceWage,
        rows: v.rows,
        allowances: v.allowances,
      },
    }))
    .sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
}

interface SpecSet {
  effective: string;
  path: string;
  set: InlineContributions | DatedContributions;
}

/** The contribution sets in date order (spec v2 list), or the one set. */
function setsOf(contributions: InlineContributions | DatedContributions[]): SpecSet[] {
  if (!Array.isArray(contributions)) return [{ effective: ALWAYS, path: 'contributions', set: contributions }];
  return contributions
    .map((set, i) => ({ effective: set.effective, path: `contributions[${i}]`, set }))
    .sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
}

function contributionsInput(c: InlineContributions | DatedContributions): ContributionsInput {
  return {
    name: c.name,
    city: c.city,
    floor: parseDecimal(c.floor),
    ceiling: parseDecimal(c.ceiling),
    items: c.items.map((it) => ({
      name: it.name,
      rate: parseDecimal(it.rate),
      round: it.round,
      floor: it.floor === undefined ? undefined : parseDecimal(it.floor),
      ceiling: it.ceiling === undefined ? undefined : parseDecimal(it.ceiling),
    })),
    levies: c.levies.map((l) => ({ name: l.name, rate: parseDecimal(l.rate) })),
    effective: 'effective' in c ? c.effective : undefined,
  };
}

/**
 * The guide versions a priced budget used, as inline guides in the model's order (`model.guideVersions`; for spec v1
 * or a guide without versions, the one guide): what the workbook's 薪酬指导价 lists.
 */
export function guidesUsed(spec: ResolvedBudgetSpec, model: BudgetModel): InlineGuide[] {
  const all = versionsOf(spec.payGuide);
  if (!model.guideVersions) return [all[0]!.guide];
  return model.guideVersions.map((used) => (all.find((v) => v.effective === used.effective) ?? all[0]!).guide);
}
