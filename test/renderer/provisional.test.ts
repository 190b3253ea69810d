import { afterEach, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import type { ProjectBudgetRefs } from '../../src/core/budget/pipeline';
import { projectSchema } from '../../src/core/projects/schema';
import { draftFromProject, newKey, type ProjectDraft } from '../../renderer/pages/projects/draft';
import { priceDraft } from '../../renderer/pages/projects/provisional';
import { tempDbFile } from '../db/tempDb';
import { WORKED, workedContributions, workedGuide, workedProject } from '../db/workedExample';

/**
 * Errors stay local: a budget with one bad line is priced on its other lines and marked 暂估
 * (provisional), the bad line named. The worked example of docs/design.md §Budget arithmetic is
 * the two valid lines, so the provisional totals are its figures, worked by hand in workedExample.ts:
 *
 *   staff  6 × 社工师 at 6,800.00, 12 + 1 months          labour 643,824.00
 *   cost   社区活动 800.00 × 24                           19,200.00
 *   cost   (no name) 500.00 × 3 — bad, left out          —
 *   direct 663,024.00 · fee 8 % 53,041.92 · gross-up VAT 3 %, surcharge 12 % → total 740,212.66
 */
let store: PaybenchStore | null = null;
afterEach(() => store?.close());

function workedRefs(): { refs: ProjectBudgetRefs; draft: ProjectDraft } {
  store = PaybenchStore.open(tempDbFile(), { seed: false });
  const guide = store.guides.create(workedGuide);
  const set = store.contributionSets.create(workedContributions);
  const refs = { guide: store.guides.get(guide.id), wages: store.referenceWages.list(), contributionSet: store.contributionSets.get(set.id) };
  return { refs, draft: draftFromProject(projectSchema.parse(workedProject(guide.id, set.id))) };
}

const nameless = () => ({ key: newKey('c'), category: '活动费', name: '', unitPrice: '500.00', quantity: '3', times: '1', note: '' });

describe('priceDraft — the budget of the valid lines, marked provisional', () => {
  it('three lines, the first cost line without a name: the totals are those of the other two', () => {
    const { refs, draft } = workedRefs();
    const withBad: ProjectDraft = { ...draft, costs: [nameless(), ...draft.costs] };
    const priced = priceDraft(withBad, refs);

    expect(priced.project).toBeNull(); // nothing valid to save as the project: it is kept as a draft
    expect(priced.provisional).toBe(true);
    expect(priced.excludedLines).toEqual([{ list: 'costs', index: 0, place: '其他费用第 1 行' }]);
    expect(priced.problems.map((p) => p.path)).toEqual(['costs[0].name']);
    expect(priced.problems[0]!.message).toMatch(/^其他费用第 1 行「名称」：/);

    const b = priced.budget!;
    expect(b.labour).toBe('643824.00');
    expect(b.otherCosts).toBe('19200.00'); // 800.00 × 24, the nameless 500.00 × 3 = 1,500.00 left out
    expect(b.direct).toBe('663024.00'); // 643,824.00 + 19,200.00
    expect(b.managementFee).toBe('53041.92'); // round(663,024.00 × 0.08)
    expect(b.total).toBe(WORKED.total); // 740,212.66
    // the valid cost line keeps its place in the table: second row, 19,200.00
    expect(b.lines.filter((l) => l.kind === 'cost').map((l) => [l.index, l.kind === 'cost' && l.amount])).toEqual([[1, '19200.00']]);
  });

  it('a staff line the guide cannot price (督导 is not in it, no agreed pay) is left out the same way', () => {
    const { refs, draft } = workedRefs();
    const supervisor = { ...draft.staff[0]!, key: newKey('s'), post: '督导', grade: '督导一级', qualification: '' };
    const priced = priceDraft({ ...draft, staff: [supervisor, ...draft.staff] }, refs);

    expect(priced.project).not.toBeNull(); // the schema takes it: the project is saved, and the line is flagged
    expect(priced.excludedLines).toEqual([{ list: 'staff', index: 0, place: '人员经费第 1 行' }]);
    expect(priced.problems.map((p) => p.path)).toEqual(['staff[0]']);
    const b = priced.budget!;
    expect([b.labour, b.total]).toEqual([WORKED.labour, WORKED.total]);
    // the 社工师 line is the draft's second row, and so are the checks that speak of it
    expect(b.lines.filter((l) => l.kind === 'staff').map((l) => l.index)).toEqual([1]);
  });

  it('every line valid: the whole budget, not provisional', () => {
    const { refs, draft } = workedRefs();
    const priced = priceDraft(draft, refs);
    expect(priced.provisional).toBe(false);
    expect(priced.excludedLines).toEqual([]);
    expect(priced.budget!.total).toBe('740212.66');
  });

  it('a bad project field (the start month) leaves nothing to price: no budget, the field named', () => {
    const { refs, draft } = workedRefs();
    const priced = priceDraft({ ...draft, periodStart: '2026-13' }, refs);
    expect(priced.budget).toBeNull();
    expect(priced.provisional).toBe(false);
    expect(priced.problems[0]!.message).toMatch(/^起始月份：/);
  });
});
