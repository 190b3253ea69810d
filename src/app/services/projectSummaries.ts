import type { PaybenchStore } from '../../../db/store';
import type { StoredContributionSet } from '../../core/contributions/schema';
import { monthStartDate, versionInForce } from '../../core/guides/versions';
import type { StoredPayGuide } from '../../core/guides/schema';
import { ZERO, add, parseDecimal, toPlainString } from '../../core/money/decimal';
import { priceProject } from '../../core/budget/pipeline';
import { checkedProject } from '../../core/projects/schema';
import { pinnedRefs } from './pinnedRefs';

/**
 * One line per stored project for the project list: who, when, which guide version, and what the
 * budget comes to — priced through the same chain as the editor and the CLI (docs/design.md §Data
 * flow), so the list's total is the editor's total to the fen. A project that cannot be priced (a
 * guide with no version in force at its start, a line the guide no longer has) keeps its place in
 * the list with the reason instead of a total: one broken project must not hide the others.
 */
export interface ProjectSummaryLine {
  id: number;
  name: string;
  purchaser: string;
  provider: string;
  /** first month, "2026-01" */
  periodStart: string;
  months: number;
  /** last month of service, "2026-12" */
  periodEnd: string;
  guideId: number;
  guideName: string;
  /** the guide version in force at the first month; null when there is none */
  versionLabel: string | null;
  /** 项目总经费 and 人员经费, 2 decimals; null when the project cannot be priced */
  total: string | null;
  labour: string | null;
  /** Σ count over the staff lines, as written (0.5 is a half-time post) */
  headcount: string;
  staffLines: number;
  costLines: number;
  /** checks of level error / warning (docs/design.md §Budget arithmetic, Checks); 0 when not priced */
  errors: number;
  warnings: number;
  /** why the project cannot be priced (the field path and message), else null */
  failure: string | null;
  sample: boolean;
  updatedAt: string;
  /** when it was marked 已提交 (priced with what it was submitted with, docs/design.md §History and locks); null when not submitted */
  submittedAt: string | null;
}

/** "2026-01" + 12 months → "2026-12": the last month the service runs. */
export function lastMonth(start: string, months: number): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + Math.max(months, 1) - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function projectSummaries(store: PaybenchStore): ProjectSummaryLine[] {
  // a list prices many projects on a few guides and sets: read each record once
  const guides = new Map<number, StoredPayGuide>();
  const sets = new Map<number, StoredContributionSet>();
  const wages = store.referenceWages.list();
  const guideOf = (id: number) => guides.get(id) ?? guides.set(id, store.guides.get(id)).get(id)!;
  const setOf = (id: number) => sets.get(id) ?? sets.set(id, store.contributionSets.get(id)).get(id)!;

  return store.projects.list().map((row) => {
    const project = store.projects.get(row.id);
    const headcount = toPlainString(project.staff.reduce((sum, s) => add(sum, parseDecimal(String(s.count))), ZERO));
    const base = {
      id: row.id,
      name: row.name,
      purchaser: row.purchaser,
      provider: row.provider,
      periodStart: row.periodStart,
      months: row.periodMonths,
      periodEnd: lastMonth(row.periodStart, row.periodMonths),
      guideId: row.guideId,
      guideName: row.guideName,
      versionLabel: null as string | null,
      headcount,
      staffLines: row.staffLines,
      costLines: row.costLines,
      sample: row.sample,
      updatedAt: row.updatedAt,
      submittedAt: row.submittedAt,
    };
    try {
      // a submitted project (已提交) is priced with what it was submitted with (docs/design.md §History and locks)
      const refs = pinnedRefs(store, project) ?? {
        guide: guideOf(row.guideId),
        wages,
        contributionSet: setOf(row.contributionSetId),
        laterContributionSets: project.laterContributionSetIds.map(setOf),
      };
      base.versionLabel = versionInForce(refs.guide.versions, monthStartDate(row.periodStart))?.label ?? null;
      // checked as the budget service checks it, so an old out-of-range project says why rather than pricing
      const { json } = priceProject(checkedProject(project), refs);
      return {
        ...base,
        total: json.total,
        labour: json.labour,
        errors: json.checks.filter((c) => c.level === 'error').length,
        warnings: json.checks.filter((c) => c.level === 'warning').length,
        failure: null,
      };
    } catch (e) {
      // a stored project that no longer prices (ValidationError with its field paths, a record gone)
      return { ...base, total: null, labour: null, errors: 0, warnings: 0, failure: e instanceof Error ? e.message : String(e) };
    }
  });
}
