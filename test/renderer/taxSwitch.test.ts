import { afterEach, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import type { ProjectBudgetRefs } from '../../src/core/budget/pipeline';
import { projectSchema } from '../../src/core/projects/schema';
import { draftFromProject, newKey, type ProjectDraft } from '../../renderer/pages/projects/draft';
import { taxFields, taxSwitchEffect } from '../../renderer/pages/projects/taxSwitch';
import { tempDbFile } from '../db/tempDb';
import { workedContributions, workedGuide, workedProject } from '../db/workedExample';

/**
 * The tax switch explains itself: the worked example of docs/design.md §Budget arithmetic priced
 * with either tax method on the same subtotal (workedExample.ts):
 *
 *   subtotal  = direct 663,024.00 + fee 53,041.92                      = 716,065.92
 *   价税合计   VAT 3 %, surcharge 12 %: round(716,065.92 × 1.03 ÷ (1 − 0.03 × 0.12))
 *            = round(737,547.8976 ÷ 0.9964) = round(740,212.6632…)    = 740,212.66
 *   按比例 6 % tax = round(716,065.92 × 0.06) = round(42,963.9552)       = 42,963.96
 *            total = 716,065.92 + 42,963.96                            = 759,029.88
 *   difference (simple − gross-up) = 759,029.88 − 740,212.66            = 18,817.22
 */
let store: PaybenchStore | null = null;
afterEach(() => store?.close());

function worked(): { refs: ProjectBudgetRefs; draft: ProjectDraft } {
  store = PaybenchStore.open(tempDbFile(), { seed: false });
  const guide = store.guides.create(workedGuide);
  const set = store.contributionSets.create(workedContributions);
  const refs = { guide: store.guides.get(guide.id), wages: store.referenceWages.list(), contributionSet: store.contributionSets.get(set.id) };
  return { refs, draft: draftFromProject(projectSchema.parse(workedProject(guide.id, set.id))) };
}

describe('taxSwitchEffect — the old and the new method priced on the same draft', () => {
  it('价税合计 (3 % + 12 %) → 按比例 6 %: 740,212.66 → 759,029.88, +18,817.22', () => {
    const { refs, draft } = worked();
    const before: ProjectDraft = { ...draft, taxPercent: '6' }; // the simple rate typed earlier, kept while gross-up
    const after: ProjectDraft = { ...before, taxMethod: 'simple' };
    const effect = taxSwitchEffect(before, after, refs);

    expect(effect.old).toEqual({ method: 'gross-up', rates: { vatPercent: '3', surchargePercent: '12' }, total: '740212.66' });
    expect(effect.new).toEqual({ method: 'simple', rates: { taxPercent: '6' }, total: '759029.88' });
    expect(effect.difference).toBe('18817.22');
  });

  it('back the other way the difference is the same amount, negative', () => {
    const { refs, draft } = worked();
    const simple: ProjectDraft = { ...draft, taxMethod: 'simple', taxPercent: '6' };
    const effect = taxSwitchEffect(simple, { ...simple, taxMethod: 'gross-up' }, refs);
    expect([effect.old.total, effect.new.total, effect.difference]).toEqual(['759029.88', '740212.66', '-18817.22']);
  });

  it('a simple rate never typed (empty) is 0 %: the total is the subtotal, 716,065.92', () => {
    const { refs, draft } = worked();
    const effect = taxSwitchEffect(draft, { ...draft, taxMethod: 'simple', taxPercent: '' }, refs);
    expect(effect.new).toEqual({ method: 'simple', rates: { taxPercent: '0' }, total: '716065.92' });
    expect(effect.difference).toBe('-24146.74'); // 716,065.92 − 740,212.66: the gross-up tax itself
  });

  it('a draft with a bad project field cannot be priced: no totals, no difference', () => {
    const { refs, draft } = worked();
    const bad: ProjectDraft = { ...draft, periodStart: '2026-13' };
    const effect = taxSwitchEffect(bad, { ...bad, taxMethod: 'simple' }, refs);
    expect([effect.old.total, effect.new.total, effect.difference]).toEqual([null, null, null]);
  });

  it('taxFields keeps the method and every rate box, for 撤销', () => {
    const { draft } = worked();
    const d: ProjectDraft = { ...draft, taxPercent: '6', staff: [{ ...draft.staff[0]!, key: newKey('s') }] };
    expect(taxFields(d)).toEqual({ taxMethod: 'gross-up', taxPercent: '6', vatPercent: '3', surchargePercent: '12' });
  });
});
