import { type FitOutcome, type FitVary, fitTotal } from '../../../src/core/budget/fitTotal';
import type { ProjectBudgetRefs } from '../../../src/core/budget/pipeline';
import { isDecimalText, parseDecimal, toPlainString } from '../../../src/core/money/decimal';
import { ratioToPercent } from '../../../src/core/money/percent';
import { projectToSpec } from '../../../src/core/projects/toSpec';
import { ValidationError } from '../../../src/core/spec/fields';
import { schemaMessage, type Lang } from '../../i18n';
import type { ProjectDraft } from './draft';
import { priceDraft } from './provisional';

/**
 * 倒算 in the editor (docs/design.md §Budget arithmetic → Solving for a cap): the current draft, when
 * it is a whole valid project, solved for the purchaser's ceiling by the core's fitTotal on the
 * draft's own spec (projectToSpec, as every price of the project) — no store, no round trip. The
 * answer is applied to the draft as one edit: the fitted counts, or the highest management fee rate.
 */
export type FitAnswer =
  | { ok: true; fit: FitOutcome }
  /** `invalid`: the draft has errors (the solver needs every line); `ceiling`: the ceiling is no amount; `refused`: the solver's own message */
  | { ok: false; reason: 'invalid' | 'ceiling' | 'refused'; message: string };

/** A ceiling as people type it: "1,200,000" or "1200000.00" (commas and spaces dropped), ≥ 0, at most 2 decimals. */
export function ceilingOf(text: string): string | null {
  const t = text.replace(/[,，\s]/g, '');
  return isDecimalText(t) && !t.startsWith('-') && !/\.\d{3,}$/.test(t) ? t : null;
}

export function fitDraft(draft: ProjectDraft, refs: ProjectBudgetRefs | null, ceilingText: string, vary: FitVary, lang: Lang = 'zh'): FitAnswer {
  const ceiling = ceilingOf(ceilingText);
  if (ceiling === null) return { ok: false, reason: 'ceiling', message: '' };
  const priced = priceDraft(draft, refs, lang);
  if (!priced.project || !refs || priced.provisional || !priced.budget) return { ok: false, reason: 'invalid', message: '' };
  try {
    const spec = projectToSpec(priced.project, refs.guide, refs.wages, refs.contributionSet);
    return { ok: true, fit: fitTotal(spec, parseDecimal(ceiling), vary) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, reason: 'refused', message: e.problems.map((p) => schemaMessage(p.message, lang)).join('；') };
    return { ok: false, reason: 'refused', message: e instanceof Error ? e.message : String(e) };
  }
}

/** The fitted counts in the draft's staff lines (as count text: "2.5", "3"); every other field as it was. */
export function withFittedCounts(draft: ProjectDraft, fit: FitOutcome): ProjectDraft {
  return { ...draft, staff: draft.staff.map((s, i) => (fit.counts[i] ? { ...s, count: toPlainString(fit.counts[i]) } : s)) };
}

/** The highest management fee rate that fits, in the draft's percent box ("0.0987" → "9.87"). */
export function withFittedRate(draft: ProjectDraft, fit: FitOutcome): ProjectDraft {
  return { ...draft, managementPercent: ratioToPercent(toPlainString(fit.maxManagementRate)) };
}
