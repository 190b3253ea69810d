import { afterEach, describe, expect, it } from 'vitest';
import {
  blankSet,
  contributionsReducer,
  formProblems,
  initialContributionsState,
  keepSet,
  keptSet,
  sortSets,
  type ContributionsAction,
  type ContributionsState,
  type StoredSet,
} from '../../renderer/pages/contributions/editorState';

/** The 社保公积金参数 page as a sequence of actions: open a set, edit it, leave, come back. */

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

const run = (...actions: ContributionsAction[]): ContributionsState => actions.reduce(contributionsReducer, initialContributionsState);

afterEach(() => keepSet({ dirty: false, draft: null, selected: null }));

describe('the contribution sets page state', () => {
  it('opens a stored set as its draft, rates in percent, nothing to save yet', () => {
    const s = run({ type: 'loaded', sets: [beijing] }, { type: 'open', target: beijing });
    expect(s.selected).toBe(7);
    expect(s.draft?.items.map((i) => i.ratePercent)).toEqual(['16', '12']);
    expect(s.dirty).toBe(false);
    // its save will name the revision it was opened at, so a save made meanwhile elsewhere is not overwritten
    expect(s.draft?.basedOn).toBe(3);
  });

  it('a new set is unsaved from the start: the five items of 五险一金 and the union fee', () => {
    const s = run({ type: 'open', target: 'new' });
    expect(s.selected).toBe('new');
    expect(s.dirty).toBe(true);
    expect(s.draft?.items.map((i) => i.name)).toEqual(['养老保险', '医疗保险（含生育）', '失业保险', '工伤保险', '住房公积金']);
    expect(blankSet(2026).effectiveFrom).toBe('2026-07-01');
  });

  it('an edit marks the draft unsaved; opening another set drops its problems', () => {
    const edited = run(
      { type: 'open', target: beijing },
      { type: 'change', patch: { floor: '40000' } },
      { type: 'problems', problems: { floor: '缴费基数下限不能高于上限' } },
    );
    expect([edited.draft?.floor, edited.dirty]).toEqual(['40000', true]);
    const reopened = contributionsReducer(edited, { type: 'open', target: beijing });
    expect([reopened.draft?.floor, reopened.dirty, reopened.problems]).toEqual(['5869.00', false, {}]);
  });

  it('an unsaved draft is kept when the user leaves, and restored on return', () => {
    const edited = run({ type: 'open', target: beijing }, { type: 'change', patch: { name: '北京 2022（改）' } });
    keepSet(edited);
    const kept = keptSet();
    expect(kept?.selected).toBe(7);
    const back = run({ type: 'loaded', sets: [beijing] }, { type: 'restore', kept: kept! });
    expect([back.selected, back.draft?.name, back.dirty]).toEqual([7, '北京 2022（改）', true]);
    keepSet(contributionsReducer(back, { type: 'open', target: beijing })); // saved or discarded: nothing kept
    expect(keptSet()).toBeUndefined();
  });

  it('the last set deleted: nothing open', () => {
    expect(run({ type: 'open', target: beijing }, { type: 'close' })).toMatchObject({ selected: null, draft: null, dirty: false });
  });

  it('the store names paths of the call ("set.items[1].rate"); the form’s are the set’s own', () => {
    expect(formProblems([{ path: 'set.items[1].rate', message: '费率过大 / rate too large' }], 'en')).toEqual({ 'items[1].rate': 'rate too large' });
  });

  it('lists by city, the newest first', () => {
    const older = { ...beijing, id: 8, effectiveFrom: '2021-07-01' };
    const shanghai = { ...beijing, id: 9, city: '上海' };
    expect(sortSets([older, shanghai, beijing]).map((s) => s.id)).toEqual([7, 8, 9]);
  });
});
