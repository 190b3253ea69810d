import { divRound, fromInteger, parseDecimal, toFixed } from '../money/decimal';
import type { StoredContributionSet } from '../contributions/schema';
import type { GuideVersion, PayGuide, ReferenceWageRecord } from '../guides/schema';
import { monthStartDate, referenceWageInForce, versionInForce } from '../guides/versions';
import type { BudgetSpec, GuideVersionSpec, InlineGuide, VersionedGuide } from '../spec/budgetSpec';
import { ValidationError } from '../spec/fields';
import { contributionsForPeriod, laterSetProblems } from './contributionResets';
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

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The months of a period as "YYYY-MM". */
function periodMonthsList(start: string, months: number): string[] {
  const y0 = Number(start.slice(0, 4));
  const m0 = Number(start.slice(5, 7)) - 1;
  return Array.from({ length: months }, (_, k) => `${y0 + Math.floor((m0 + k) / 12)}-${pad2(((m0 + k) % 12) + 1)}`);
}

/**
 * The stored guide over a period (docs/design.md §Budget spec, "Spec v2"): the version in force in every month (a
 * month's version is the one in force on its 1st). One version for the whole period gives the inline guide of spec
 * v1, as before; several give a guide with `versions` for spec v2, each dated where its run of months begins
 * (its own effective date when that is later than the previous one's), its reference wage the one in force then.
 * A month with no version in force is an error at `path` naming the month.
 */
export function guideForPeriod(
  guide: Pick<PayGuide, 'name' | 'issuer' | 'versions'>,
  wages: readonly ReferenceWageRecord[],
  period: { start: string; months: number },
  path: string,
): { version: 1; guide: InlineGuide } | { version: 2; guide: VersionedGuide } {
  const runs: { version: GuideVersion; month: string }[] = [];
  const months = periodMonthsList(period.start, period.months);
  for (const month of months) {
    const v = versionInForce(guide.versions, monthStartDate(month));
    if (!v) throw new ValidationError([{ path, message: `指导价“${guide.name}”在 ${month} 没有生效的版本 / no version in force in ${month}` }]);
    if (runs.length === 0 || runs[runs.length - 1]!.version !== v) runs.push({ version: v, month });
  }
  // a period across 1 January is priced by calendar year (分年度, docs/design.md §Budget arithmetic "Segments") even under one version
  const oneYear = months.length === 0 || months[0]!.slice(0, 4) === months[months.length - 1]!.slice(0, 4);
  if (runs.length === 1 && oneYear) return { version: 1, guide: inlineGuideFromVersion(guide, runs[0]!.version, wages, monthStartDate(period.start)) };
  const versions: GuideVersionSpec[] = [];
  for (const run of runs) {
    const date = monthStartDate(run.month);
    const inline = inlineGuideFromVersion(guide, run.version, wages, date);
    const previous = versions[versions.length - 1]?.effective;
    const own = run.version.effectiveFrom;
    versions.push({
      label: run.version.label,
      effective: previous === undefined || own > previous ? own : date,
      documentNo: inline.documentNo,
      source: inline.source,
      referenceWage: inline.referenceWage,
      rows: inline.rows,
      allowances: inline.allowances,
    });
  }
  return {
    version: 2,
    guide: { name: guide.name, issuer: guide.issuer || undefined, includes: runs[0]!.version.includes, source: undefined, versions },
  };
}

/**
 * A stored project with its guide and contribution sets as a spec: v1 with the version in force at the period start
 * when one version holds the whole period within one calendar year and one set the whole period, else v2 with every
 * version in force during it (guideForPeriod) and, when the project has later sets (期间内调整), the dated list of
 * sets (contributionsForPeriod) — priced in segments split at 1 January and wherever the version or the set changes.
 * `laterSets[i]` is the set of `project.laterContributionSetIds[i]`.
 */
export function projectToSpec(
  project: Project,
  guide: PayGuide,
  wages: readonly ReferenceWageRecord[],
  contributions: StoredContributionSet,
  laterSets: readonly StoredContributionSet[] = [],
): BudgetSpec {
  const horizon = project.staff.reduce((most, s) => Math.max(most, Math.ceil(s.months)), project.periodMonths);
  const priced = guideForPeriod(guide, wages, { start: project.periodStart, months: horizon }, 'guideId');
  if (laterSets.length !== project.laterContributionSetIds.length) {
    throw new ValidationError([
      {
        path: 'laterContributionSetIds',
        message: `期间内调整的缴费参数缺失（应有 ${project.laterContributionSetIds.length} 组）/ later contribution sets missing`,
      },
    ]);
  }
  const problems = laterSetProblems({ start: project.periodStart, months: project.periodMonths }, contributions, laterSets);
  if (problems.length) throw new ValidationError(problems);
  const sets = contributionsForPeriod(project.periodStart, contributions, laterSets);
  const common = {
    name: project.name,
    purchaser: project.purchaser || undefined,
    provider: project.provider || undefined,
    period: { start: project.periodStart, months: project.periodMonths },
    staff: project.staff,
    costs: project.costs,
    managementFee: { rate: project.managementRate },
    tax: project.tax,
    rules: project.rules,
    purchaseByPost: project.purchaseByPost ?? undefined,
    notes: project.notes || undefined,
  };
  if (sets.dated) return { ...common, version: 2, payGuide: priced.guide, contributions: sets.contributions };
  return priced.version === 1
    ? { ...common, version: 1, payGuide: priced.guide, contributions: sets.contributions }
    : { ...common, version: 2, payGuide: priced.guide, contributions: sets.contributions };
}
