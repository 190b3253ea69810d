import { afterEach, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import type { ProjectBudgetRefs } from '../../src/core/budget/pipeline';
import { projectSchema } from '../../src/core/projects/schema';
import { draftFromProject, newKey, projectFromDraft, recordFromDraft, type ProjectDraft, type StaffDraft } from '../../renderer/pages/projects/draft';
import { priceDraft } from '../../renderer/pages/projects/provisional';
import { tempDbFile } from '../db/tempDb';
import { workedContributions, workedGuide, workedProject } from '../db/workedExample';

/**
 * A 非社工岗 line in the editor: the worked example (workedExample.ts) with a half-time 财务 at an
 * agreed 5,000.00 a month for 12 months, no guide cell. By hand, for that line:
 *
 *   gross         = 5,000.00 × 0.5 × 12                          = 30,000.00
 *   base          = clamp(5,000.00, 4,500, 28,000)                = 5,000.00
 *   养老 + 公积金   = round(5,000.00 × 0.16) + round_yuan(5,000.00 × 0.05) = 800.00 + 250.00 = 1,050.00
 *   contributions = 1,050.00 × 0.5 × 12                            = 6,300.00
 *   levies        = round(30,000.00 × 0.02)                        = 600.00
 *   labour        = 30,000.00 + 6,300.00 + 600.00                  = 36,900.00
 *
 * so the budget's labour is 643,824.00 + 36,900.00 = 680,724.00; head count 6.5, social-work posts 6.
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

const finance = (monthly: string): StaffDraft => ({
  key: newKey('s'),
  post: '财务',
  grade: '会计',
  step: 1,
  qualification: '',
  count: '0.5',
  months: '12',
  bonusMonths: '0',
  monthly,
  note: '',
  extras: [],
  nonSocialWork: true,
});

describe('a 非社工岗 line in the editor’s draft', () => {
  it('is priced on its agreed monthly pay with no guide cell, counted as staff but not as a social-work post', () => {
    const { refs, draft } = worked();
    const priced = priceDraft({ ...draft, staff: [...draft.staff, finance('5000.00')] }, refs);
    expect(priced.problems).toEqual([]);
    const b = priced.budget!;
    const line = b.lines.find((l) => l.kind === 'staff' && l.index === 1);
    expect(line && line.kind === 'staff' && [line.guideMonthly, line.labour, line.nonSocialWork]).toEqual([null, '36900.00', true]);
    expect(b.labour).toBe('680724.00'); // 643,824.00 + 36,900.00
    expect([b.headcount, b.socialWorkPosts]).toEqual(['6.5', '6']);
  });

  it('without its agreed monthly pay the line is refused, naming the 约定月薪 box', () => {
    const { refs, draft } = worked();
    const priced = priceDraft({ ...draft, staff: [...draft.staff, finance('')] }, refs);
    expect(priced.problems.map((p) => p.path)).toEqual(['staff[1].monthly']);
    expect(priced.provisional).toBe(true);
  });

  it('keeps the flag from a stored project back into the draft and out to the project', () => {
    const { draft } = worked();
    const checked = projectFromDraft({ ...draft, staff: [...draft.staff, finance('5000.00')] });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.project.staff[1]!.nonSocialWork).toBe(true);
    const again = draftFromProject(checked.project);
    expect(again.staff.map((s) => s.nonSocialWork === true)).toEqual([false, true]);
    // a kept draft never carries a field its record does not take (the flag, until the record has it)
    expect(Object.keys(recordFromDraft(again).staff[0]!)).not.toContain('nonSocialWork');
  });
});
