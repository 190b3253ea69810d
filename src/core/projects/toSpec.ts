import { divRound, fromInteger, parseDecimal, toFixed } from '../money/decimal';
import type { StoredContributionSet } from '../contributions/schema';
import type { GuideVersion, PayGuide, ReferenceWageRecord } from '../guides/schema';
import { monthStartDate, referenceWageInForce, versionInForce } from '../guides/versions';
import type { BudgetSpec, InlineGuide } from '../spec/budgetSpec';
import { ValidationError } from '../spec/fields';
import type { Project } from './schema';

const TWELVE = fromInteger(12);

/**
 * A stored guide version as the spec's inline guide: yearly amounts become monthly
 * (round(amount ÷ 12) to the fen — the guide's own yuan/year figure divided once), and the
 * named reference wage in force on the date is attached for coefficient cells.
 */
export function inlineGuideFromVersion(
  guide: Pick<PayGuide, 'name' | 'issuer'>,
  version: GuideVersion,
  wages: readonly ReferenceWageRecord[],
  date: string,
): InlineGuide {
  const monthly = (amount: string) => (version.unit === 'year' ? toFixed(divRound(parseDecimal(amount), TWELVE, 2), 2) : amount);
  let referenceWage: InlineGuide['referenceWage'];
  if (version.referenceWage) {
    const w = referenceWageInForce(wages, version.referenceWage, date);
    if (!w) {
      throw new ValidationError([
        { path: 'payGuide.referenceWage', message: `找不到 ${date} 时有效的参考工资“${version.referenceWage}” / reference wage not found` },
      ]);
    }
    referenceWage = { name: w.name, amount: w.amount, per: w.per };
  }
  return {
    name: `${guide.name}（${version.label}）`,
    issuer: guide.issuer || undefined,
    documentNo: version.documentNo || undefined,
    effectiveFrom: version.effectiveFrom,
    includes: version.includes,
    source: version.source || undefined,
    referenceWage,
    rows: version.cells.map((c) =>
      c.amount !== undefined
        ? { post: c.post, grade: c.grade, step: c.step, monthly: monthly(c.amount) }
        : { post: c.post, grade: c.grade, step: c.step, coefficient: c.coefficient! },
    ),
    allowances: version.allowances.map((a) => ({
      qualification: a.qualification,
      monthly: a.kind === 'monthly' ? monthly(a.amount) : a.amount,
      kind: a.kind,
    })),
  };
}

/** A stored project with its guide (version in force at the period start) and contribution set, as spec v1. */
export function projectToSpec(project: Project, guide: PayGuide, wages: readonly ReferenceWageRecord[], contributions: StoredContributionSet): BudgetSpec {
  const date = monthStartDate(project.periodStart);
  const version = versionInForce(guide.versions, date);
  if (!version) {
    throw new ValidationError([{ path: 'guideId', message: `指导价“${guide.name}”在 ${date} 没有生效的版本 / no version in force` }]);
  }
  return {
    version: 1,
    name: project.name,
    purchaser: project.purchaser || undefined,
    provider: project.provider || undefined,
    period: { start: project.periodStart, months: project.periodMonths },
    payGuide: inlineGuideFromVersion(guide, version, wages, date),
    contributions: {
      name: contributions.name,
      city: contributions.city,
      floor: contributions.floor,
      ceiling: contributions.ceiling,
      items: contributions.items,
      levies: contributions.levies,
    },
    staff: project.staff,
    costs: project.costs,
    managementFee: { rate: project.managementRate },
    tax: project.tax,
    rules: project.rules,
    purchaseByPost: project.purchaseByPost ?? undefined,
    notes: project.notes || undefined,
  };
}
