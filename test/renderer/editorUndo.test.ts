import { describe, expect, it } from 'vitest';
import { contributionEditGroup, contributionsReducer, initialContributionsState, type StoredSet } from '../../renderer/pages/contributions/editorState';
import { guideVersionSchema } from '../../src/core/guides/schema';
import { draftFromVersion, versionEditGroup } from '../../renderer/pages/guides/versionDraft';

/**
 * Undo and redo in the guide version editor and the contributions editor: which edits are one
 * step (a run of typing in one box) and which are steps of their own (rows added or removed), and
 * the contributions page walking back and forth through its history.
 */
const beijing: StoredSet = {
  id: 7,
  city: '北京',
  name: '北京市 2022 年度社保公积金参数',
  effectiveFrom: '2022-07-01',
  floor: '5869.00',
  ceiling: '31884.00',
  items: [
    { name: '养老保险', rate: '0.16', round: 'fen' },
    { name: '住房公积金', rate: '0.12', round: 'yuan' },
  ],
  levies: [{ name: '工会经费', rate: '0.02' }],
  source: '',
  sample: true,
  revision: 3,
};

describe('the contributions editor’s history', () => {
  const opened = contributionsReducer(contributionsReducer(initialContributionsState, { type: 'loaded', sets: [beijing] }), { type: 'open', target: beijing });

  it('typing 4, 0, 0, 0, 0 into the floor within a second is one step: one undo restores 5869.00, and it is saved again', () => {
    let s = opened;
    for (const [i, floor] of ['4', '40', '400', '4000', '40000'].entries()) {
      s = contributionsReducer(s, { type: 'change', patch: { floor }, group: 'set.floor', at: 1000 + i * 200 });
    }
    expect([s.draft?.floor, s.dirty, s.steps.past.length]).toEqual(['40000', true, 1]);
    const undone = contributionsReducer(s, { type: 'undo' });
    expect([undone.draft?.floor, undone.dirty]).toEqual(['5869.00', false]); // the stored set again: nothing to save
    const redone = contributionsReducer(undone, { type: 'redo' });
    expect([redone.draft?.floor, redone.dirty]).toEqual(['40000', true]);
  });

  it('放弃修改 is a step too: undo brings the edits back', () => {
    const edited = contributionsReducer(opened, { type: 'change', patch: { ceiling: '30000.00' }, group: 'set.ceiling', at: 1 });
    const discarded = contributionsReducer(edited, { type: 'discard', target: beijing });
    expect([discarded.draft?.ceiling, discarded.dirty]).toEqual(['31884.00', false]);
    const back = contributionsReducer(discarded, { type: 'undo' });
    expect([back.draft?.ceiling, back.dirty]).toEqual(['30000.00', true]);
  });

  it('opening another set starts a fresh history', () => {
    const edited = contributionsReducer(opened, { type: 'change', patch: { city: '北京市' }, at: 1 });
    const other = contributionsReducer(edited, { type: 'open', target: { ...beijing, id: 8, city: '上海' } });
    expect([other.steps.past.length, contributionsReducer(other, { type: 'undo' }).draft?.city]).toEqual([0, '上海']);
  });

  it('edit groups: a field; one item row; a row added or removed is its own step', () => {
    const d = opened.draft!;
    expect(contributionEditGroup(d, { floor: '1' })).toBe('set.floor');
    expect(contributionEditGroup(d, { items: [d.items[0]!, { ...d.items[1]!, ratePercent: '10' }] })).toBe('set.items[1]');
    expect(contributionEditGroup(d, { items: [d.items[0]!] })).toBeNull();
    expect(contributionEditGroup(d, { levies: [...d.levies, { name: '残保金', ratePercent: '1.5' }] })).toBeNull();
  });
});

describe('the guide version editor’s edit groups', () => {
  const d = draftFromVersion(
    guideVersionSchema.parse({
      label: '2026 版',
      effectiveFrom: '2026-01-01',
      includes: 'gross',
      unit: 'month',
      cells: [
        { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
        { post: '一线社工', grade: '助理社工师', step: 1, amount: '5800.00' },
      ],
      allowances: [],
    }),
  );

  it('typing in one cell is that cell’s step; another cell is another step; adding a cell is a step of its own', () => {
    const [a, b] = d.cells;
    expect(versionEditGroup(d, { cells: [{ ...a!, value: '6600.00' }, b!] })).toBe(`version.cells.${a!.key}`);
    expect(versionEditGroup(d, { cells: [a!, { ...b!, value: '5900.00' }] })).toBe(`version.cells.${b!.key}`);
    expect(versionEditGroup(d, { cells: [a!, b!, { ...b!, key: 'new' }] })).toBeNull();
    expect(versionEditGroup(d, { label: '2026 版（修订）' })).toBe('version.label');
  });
});
