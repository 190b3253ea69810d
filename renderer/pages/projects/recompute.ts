import type { ProjectBudgetRefs } from '../../../src/core/budget/pipeline';
import type { Lang } from '../../i18n';
import type { ProjectDraft } from './draft';
import { priceDraft, type PricedDraft } from './provisional';

/**
 * The budget recomputed in the page on every edit, through the same core chain the budget service
 * runs for the CLI and the API (src/core/budget/pipeline.ts), on the guide, wages and contribution
 * set fetched once; a draft with bad lines is priced on its valid lines (provisional.ts). The time of each run is kept on window.__paybenchPerf for the e2e speed figures.
 */
/** a submitted project's are its pinned records (docs/design.md §History and locks), not those in force */
export type BudgetRefs = ProjectBudgetRefs;

/** The project when valid, and the budget — provisional (暂估) on the valid lines when some are bad (provisional.ts). */
export type Recomputed = PricedDraft;

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

export function recompute(draft: ProjectDraft, refs: BudgetRefs | null, lang: Lang = 'zh'): Recomputed {
  const started = performance.now();
  try {
    return priceDraft(draft, refs, lang);
  } finally {
    const log = perfLog().recomputeMs;
    log.push(performance.now() - started);
    if (log.length > 1000) log.splice(0, log.length - 1000);
  }
}
