import { afterEach, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import type { ProjectBudgetRefs } from '../../src/core/budget/pipeline';
import { toFixed } from '../../src/core/money/decimal';
import { projectSchema } from '../../src/core/projects/schema';
import { draftFromProject, type ProjectDraft } from '../../renderer/pages/projects/draft';
import { ceilingOf, fitDraft, withFittedCounts, withFittedRate } from '../../renderer/pages/projects/fitDraft';
import { tempDbFile } from '../db/tempDb';
import { workedContributions, workedGuide, workedProject } from '../db/workedExample';

/**
 * 倒算 in the editor on the worked example (workedExample.ts): one line of 社工师 at 6,800.00 a
 * month, 12 + 1 months, one cost line 19,200.00, fee 8 %, VAT 3 % grossed up with 12 % surcharges.
 * One person costs, by hand:
 *
 *   gross 6,800.00 × 13 = 88,400.00 · contributions (1,088.00 + 340.00) × 12 = 17,136.00
 *   levies 88,400.00 × 2 % = 1,768.00                     → labour 107,304.00 a person (53,652.00 a half)
 *
 * Ceiling 600,000.00:
 *   5 people:   direct 536,520.00 + 19,200.00 = 555,720.00; fee 44,457.60; subtotal 600,177.60
 *               total round(618,182.928 ÷ 0.9964) = 620,416.43                > ceiling
 *   4.5 people: direct 482,868.00 + 19,200.00 = 502,068.00; fee 40,165.44; subtotal 542,233.44
 *               total round(558,500.4432 ÷ 0.9964) = round(560,518.309…) = 560,518.31 ≤ ceiling
 *   remainder   600,000.00 − 560,518.31 = 39,481.69
 *   fee 15.60 %: round(502,068.00 × 0.156) = 78,322.61; subtotal 580,390.61;
 *               total round(597,802.3283 ÷ 0.9964) = 599,962.19 ≤ ceiling
 *   fee 15.61 %: round(502,068.00 × 0.1561) = 78,372.81; subtotal 580,440.81;
 *               total round(597,854.0343 ÷ 0.9964) = 600,014.09 > ceiling  → highest rate 15.60 %
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

describe('fitDraft — the draft solved for the purchaser’s ceiling', () => {
  it('one line: 6 people do not fit 600,000.00; 4.5 do, leaving 39,481.69; the fee may rise to 15.60 %', () => {
    const { refs, draft } = worked();
    const answer = fitDraft(draft, refs, '600,000.00', { kind: 'line', line: 0 });
    if (!answer.ok) throw new Error(answer.message);
    const fit = answer.fit;
    expect(toFixed(fit.count!, 1)).toBe('4.5');
    expect(toFixed(fit.budget.result.totals.total, 2)).toBe('560518.31');
    expect(toFixed(fit.remainder, 2)).toBe('39481.69');
    expect(toFixed(fit.maxManagementRate, 4)).toBe('0.1560');
  });

  it('the whole mix: k = 0.83 is the largest scale that keeps ⌊2 × 6 × k⌋ ÷ 2 = 4.5 people', () => {
    // k = 0.84 gives ⌊10.08⌋ ÷ 2 = 5 people, 620,416.43 — over the ceiling
    const { refs, draft } = worked();
    const answer = fitDraft(draft, refs, '600000', { kind: 'mix' });
    if (!answer.ok) throw new Error(answer.message);
    expect(toFixed(answer.fit.scale!, 2)).toBe('0.83');
    expect(answer.fit.counts.map((c) => toFixed(c, 1))).toEqual(['4.5']);
    expect(toFixed(answer.fit.remainder, 2)).toBe('39481.69');
  });

  it('applying puts the counts (and, if asked, the rate in percent) into the draft’s boxes', () => {
    const { refs, draft } = worked();
    const answer = fitDraft(draft, refs, '600000', { kind: 'line', line: 0 });
    if (!answer.ok) throw new Error(answer.message);
    const counted = withFittedCounts(draft, answer.fit);
    expect(counted.staff.map((s) => s.count)).toEqual(['4.5']);
    expect(counted.managementPercent).toBe('8'); // counts only: the fee stays 8 %
    expect(withFittedRate(counted, answer.fit).managementPercent).toBe('15.6');
    expect(counted.staff[0]!.key).toBe(draft.staff[0]!.key); // the same row, edited
  });

  it('a draft with a bad line is not fitted: it needs a valid draft', () => {
    const { refs, draft } = worked();
    const bad: ProjectDraft = { ...draft, costs: [{ ...draft.costs[0]!, name: '' }] };
    expect(fitDraft(bad, refs, '600000', { kind: 'mix' })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('a ceiling below half a person is the solver’s refusal, with the least total named', () => {
    // 0.5 person: direct 53,652.00 + 19,200.00 = 72,852.00; fee 5,828.16; subtotal 78,680.16;
    // total round(78,680.16 × 1.03 ÷ 0.9964) = round(81,040.5648 ÷ 0.9964) = round(81,333.3649…) = 81,333.36
    const { refs, draft } = worked();
    const answer = fitDraft(draft, refs, '50000', { kind: 'line', line: 0 });
    expect(answer).toMatchObject({ ok: false, reason: 'refused' });
    expect(!answer.ok && answer.message).toContain('81333.36');
  });

  it('ceilings as typed: commas and spaces dropped; no negatives, no third decimal, no text', () => {
    expect(ceilingOf('1,200,000.00')).toBe('1200000.00');
    expect(ceilingOf(' 600000 ')).toBe('600000');
    expect(ceilingOf('-1')).toBeNull();
    expect(ceilingOf('10.123')).toBeNull();
    expect(ceilingOf('六十万')).toBeNull();
  });
});
