import { priceProject } from '../../../src/core/budget/pipeline';
import type { BudgetJson } from '../../../src/core/budget/resultJson';
import type { StoredContributionSet } from '../../../src/core/contributions/schema';
import type { StoredPayGuide, StoredReferenceWage } from '../../../src/core/guides/schema';
import { ValidationError, type FieldProblem } from '../../../src/core/spec/fields';
import type { Project } from '../../../src/core/projects/schema';
import type { Lang } from '../../i18n';
import { describeProblem, projectFromDraft, type ProjectDraft } from './draft';

/**
 * The budget recomputed in the page on every edit, through the same core chain the budget service
 * runs for the CLI and the API (src/core/budget/pipeline.ts), on the guide, wages and contribution
 * set fetched once. The time of each run is kept on window.__paybenchPerf for the e2e speed figures.
 */
export interface BudgetRefs {
  guide: StoredPayGuide;
  wages: StoredReferenceWage[];
  contributionSet: StoredContributionSet;
}

export interface Recomputed {
  project: Project | null;
  budget: BudgetJson | null;
  problems: FieldProblem[];
}

export interface PerfLog {
  recomputeMs: number[];
}

declare global {
  interface Window {
    __paybenchPerf?: PerfLog;
  }
}

function perfLog(): PerfLog {
  return (window.__paybenchPerf ??= { recomputeMs: [] });
}

export function computeProject(project: Project, refs: BudgetRefs): BudgetJson {
  return priceProject(project, refs).json;
}

export function recompute(draft: ProjectDraft, refs: BudgetRefs | null, lang: Lang = 'zh'): Recomputed {
  const started = performance.now();
  try {
    const checked = projectFromDraft(draft, lang);
    if (!checked.ok) return { project: null, budget: null, problems: checked.problems };
    if (!refs) return { project: checked.project, budget: null, problems: [] };
    try {
      return { project: checked.project, budget: computeProject(checked.project, refs), problems: [] };
    } catch (e) {
      if (e instanceof ValidationError) {
        return {
          project: checked.project,
          budget: null,
          problems: e.problems.map((p) => ({ path: p.path, message: describeProblem(p.path, p.message, lang) })),
        };
      }
      return { project: checked.project, budget: null, problems: [{ path: '', message: e instanceof Error ? e.message : String(e) }] };
    }
  } finally {
    const log = perfLog().recomputeMs;
    log.push(performance.now() - started);
    if (log.length > 1000) log.splice(0, log.length - 1000);
  }
}
