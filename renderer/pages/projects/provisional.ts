import { priceProject, type ProjectBudgetRefs } from '../../../src/core/budget/pipeline';
import type { BudgetJson } from '../../../src/core/budget/resultJson';
import type { Check } from '../../../src/core/budget/checks';
import { CHECK_TEXT_ZH } from '../../../src/core/budget/checkText';
import type { Project } from '../../../src/core/projects/schema';
import { ValidationError, type FieldProblem } from '../../../src/core/spec/fields';
import type { Lang } from '../../i18n';
import { checkDraft, describePath, describeProblem, type ProjectDraft } from './draft';

/**
 * Errors stay local (docs/design.md §Data flow, "Drafts"): a draft with bad lines is priced on its
 * valid lines only, through the same core chain as a whole project (priceProject), and the budget is
 * marked provisional (暂估) with the lines left out. A line the schema refuses is left out; so is a
 * line the pricing refuses (a post/grade/step the guide does not have and no agreed pay). The
 * budget's line indexes, and the staff rows its checks name, are the draft's own, so the editor
 * shows each valid line's amount on its row. Only a bad project field (period, rates …) leaves no
 * budget at all: there is nothing to price the lines with.
 */
export type LineList = 'staff' | 'costs';

export interface ExcludedLine {
  list: LineList;
  /** 0-based, in the draft */
  index: number;
  /** "其他费用第 3 行" / "Other costs, line 3" */
  place: string;
}

export interface PricedDraft {
  /** the whole project when every part of the draft is valid (what is saved), else null */
  project: Project | null;
  budget: BudgetJson | null;
  /** the budget leaves out the lines in `excludedLines` */
  provisional: boolean;
  excludedLines: ExcludedLine[];
  problems: FieldProblem[];
}

const LINE_PATH = /^(staff|costs)\[(\d+)\]/;

export function priceDraft(draft: ProjectDraft, refs: ProjectBudgetRefs | null, lang: Lang = 'zh'): PricedDraft {
  const parts = checkDraft(draft, lang);
  const problems = [...parts.problems];
  const project = problems.length === 0 && parts.head ? { ...parts.head, staff: parts.staff.map((s) => s!), costs: parts.costs.map((c) => c!) } : null;
  const excluded = { staff: new Set<number>(), costs: new Set<number>() };
  parts.staff.forEach((s, i) => s === null && excluded.staff.add(i));
  parts.costs.forEach((c, i) => c === null && excluded.costs.add(i));
  const answer = (budget: BudgetJson | null): PricedDraft => {
    const excludedLines = budget === null ? [] : excludedList(excluded, lang);
    return { project, budget, provisional: excludedLines.length > 0, excludedLines, problems };
  };
  if (!parts.head || !refs) return answer(null);

  // a pricing refusal names its lines all at once (fromSpec gathers them): one more try without them
  for (let attempt = 0; attempt < 2; attempt++) {
    const staffAt = parts.staff.flatMap((_, i) => (excluded.staff.has(i) ? [] : [i]));
    const costsAt = parts.costs.flatMap((_, i) => (excluded.costs.has(i) ? [] : [i]));
    const priced: Project = { ...parts.head, staff: staffAt.map((i) => parts.staff[i]!), costs: costsAt.map((i) => parts.costs[i]!) };
    try {
      return answer(inDraftIndexes(priceProject(priced, refs).json, staffAt, costsAt));
    } catch (e) {
      if (!(e instanceof ValidationError)) {
        problems.push({ path: '', message: e instanceof Error ? e.message : String(e) });
        return answer(null);
      }
      const at = { staff: staffAt, costs: costsAt };
      const mapped = e.problems.map((p) => {
        const m = LINE_PATH.exec(p.path);
        if (!m) return { path: p.path, message: describeProblem(p.path, p.message, lang), line: null };
        const list = m[1] as LineList;
        const index = at[list][Number(m[2])]!;
        const path = `${list}[${index}]${p.path.slice(m[0].length)}`;
        return { path, message: describeProblem(path, p.message, lang), line: { list, index } };
      });
      problems.push(...mapped.map(({ path, message }) => ({ path, message })));
      if (mapped.some((p) => p.line === null)) return answer(null);
      for (const p of mapped) excluded[p.line!.list].add(p.line!.index);
    }
  }
  return answer(null);
}

function excludedList(excluded: Record<LineList, Set<number>>, lang: Lang): ExcludedLine[] {
  return (['staff', 'costs'] as const).flatMap((list) =>
    [...excluded[list]].sort((a, b) => a - b).map((index) => ({ list, index, place: describePath(`${list}[${index}]`, lang) })),
  );
}

/** The budget of the valid lines with each line, and each check's staff row, at its place in the draft. */
function inDraftIndexes(json: BudgetJson, staffAt: number[], costsAt: number[]): BudgetJson {
  const allStaff = staffAt.every((d, i) => d === i);
  const allCosts = costsAt.every((d, i) => d === i);
  if (allStaff && allCosts) return json;
  return {
    ...json,
    lines: json.lines.map((l) => ({ ...l, index: (l.kind === 'staff' ? staffAt : costsAt)[l.index]! })),
    checks: json.checks.map((c) => (c.line === undefined ? c : staffCheckAt(c, staffAt[c.line]!))),
  };
}

function staffCheckAt(c: Check, index: number): Check {
  const params = { ...(c.params as { row: number }), row: index + 1 } as typeof c.params;
  // the Chinese sentence is rebuilt from the moved row (the page renders from code and params)
  const text = CHECK_TEXT_ZH[c.code] as ((p: typeof params) => string) | undefined;
  return { ...c, line: index, params, message: text ? text(params) : c.message } as Check;
}
