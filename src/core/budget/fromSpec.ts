import { type Decimal, ZERO, add, fromNumber, parseDecimal, toPlainString } from '../money/decimal';
import { GuideCellError, type GuideLookup, guideLookup } from '../guides/inlineGuide';
import type { BudgetSpec, InlineGuide } from '../spec/budgetSpec';
import { ValidationError } from '../spec/fields';
import type { BudgetModel, StaffLineInput } from './model';

/** A spec whose payGuide is inline (a `ref` is resolved by the store first). */
export type ResolvedBudgetSpec = BudgetSpec & { payGuide: InlineGuide };

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
  const guide = spec.payGuide;
  let lookup: GuideLookup;
  try {
    lookup = at('payGuide', () => guideLookup(guide));
  } catch (e) {
    if (e instanceof GuideCellError) throw new ValidationError([{ path: e.path, message: e.message }]);
    throw e;
  }
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

  function staffLine(s: BudgetSpec['staff'][number], i: number): StaffLineInput {
    const guideMonthly = lookup.monthly(s.post, s.grade, s.step);
    if (guideMonthly === null && s.monthly === undefined) {
      problems.push({
        path: `staff[${i}]`,
        message: `指导价“${guide.name}”中没有 ${s.post}/${s.grade}/${s.step}档，请改选或填写约定月薪 monthly / no such cell in the pay guide`,
      });
    }
    const allowance = lookup.allowance(s.qualification);
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
      key: `${s.post}\u0001${s.grade}\u0001${s.step}\u0001${s.qualification ?? ''}\u0001${s.count}\u0001${s.months}\u0001${s.bonusMonths}\u0001${s.monthly ?? ''}\u0001${s.extras.map((e) => e.monthly).join(',')}`,
    };
  }

  const c = spec.contributions;
  return {
    name: spec.name,
    guideIncludes: lookup.includes,
    periodMonths: spec.period.months,
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
    contributions: at('contributions', () => ({
      name: c.name,
      city: c.city,
      floor: parseDecimal(c.floor),
      ceiling: parseDecimal(c.ceiling),
      items: c.items.map((it) => ({ name: it.name, rate: parseDecimal(it.rate), round: it.round })),
      levies: c.levies.map((l) => ({ name: l.name, rate: parseDecimal(l.rate) })),
    })),
    managementRate: at('managementFee.rate', () => parseDecimal(spec.managementFee.rate)),
    tax: at('tax', () =>
      spec.tax.method === 'simple'
        ? { method: 'simple', rate: parseDecimal(spec.tax.rate) }
        : { method: 'gross-up', vat: parseDecimal(spec.tax.vat), surcharge: parseDecimal(spec.tax.surcharge) },
    ),
    rules: at('rules', () => ({
      minLabourShare: spec.rules.minLabourShare === undefined ? undefined : parseDecimal(spec.rules.minLabourShare),
      maxManagementShare: spec.rules.maxManagementShare === undefined ? undefined : parseDecimal(spec.rules.maxManagementShare),
      posts: spec.rules.posts ? { min: fromNumber(spec.rules.posts.min), max: fromNumber(spec.rules.posts.max), label: spec.rules.posts.label } : undefined,
    })),
    purchaseByPost: spec.purchaseByPost
      ? at('purchaseByPost', () => ({
          pricePerPostYear: parseDecimal(spec.purchaseByPost!.pricePerPostYear),
          posts: spec.purchaseByPost!.posts === undefined ? undefined : fromNumber(spec.purchaseByPost!.posts),
        }))
      : undefined,
  };
}
