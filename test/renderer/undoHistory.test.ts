import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, historyReducer, startHistory, undoKey, type History, type HistoryAction } from '../../renderer/components/undoHistory';

/**
 * The editor's undo history, worked by hand: a draft here is a small record of two boxes and a
 * list of lines, edited the way the budget editor edits (one update per keystroke, grouped by box).
 */
interface Doc {
  name: string;
  price: string;
  lines: string[];
}

const run = (h: History<Doc>, ...actions: HistoryAction<Doc>[]) => actions.reduce(historyReducer<Doc>, h);
const type = (field: 'name' | 'price', text: string, at: number): HistoryAction<Doc> => ({
  type: 'edit',
  update: (d) => ({ ...d, [field]: text }),
  group: field,
  at,
});
const start = startHistory<Doc>({ name: '', price: '0', lines: ['社区活动', '督导培训', '宣传'] });

describe('historyReducer', () => {
  it('typing "社区" in one box, key by key within a second, is one step: one Ctrl+Z empties the box', () => {
    const h = run(start, type('name', '社', 1000), type('name', '社区', 1300));
    expect(h.present.name).toBe('社区');
    expect(h.past).toHaveLength(1);
    expect(run(h, { type: 'undo' }).present.name).toBe('');
  });

  it('a pause longer than a second, or another box, starts a new step', () => {
    const h = run(start, type('name', '社', 1000), type('name', '社区', 1000 + COALESCE_MS + 1), type('price', '800', 3000));
    expect(h.past).toHaveLength(3);
    const once = run(h, { type: 'undo' });
    expect([once.present.name, once.present.price]).toEqual(['社区', '0']);
    const twice = run(once, { type: 'undo' });
    expect(twice.present.name).toBe('社');
  });

  it('deleting line 2 and undoing brings it back at its place; redo deletes it again', () => {
    const deleted = run(start, { type: 'edit', update: (d) => ({ ...d, lines: d.lines.filter((_, i) => i !== 1) }), at: 5000 });
    expect(deleted.present.lines).toEqual(['社区活动', '宣传']);
    const back = run(deleted, { type: 'undo' });
    expect(back.present.lines).toEqual(['社区活动', '督导培训', '宣传']);
    expect(run(back, { type: 'redo' }).present.lines).toEqual(['社区活动', '宣传']);
  });

  it('a new edit after an undo drops what could have been redone', () => {
    const h = run(start, type('price', '800', 1000), { type: 'undo' }, type('name', '宣传', 4000));
    expect(h.future).toEqual([]);
    expect(run(h, { type: 'redo' })).toBe(h);
  });

  it('an edit that changes nothing is no step, and undo with no past does nothing', () => {
    expect(run(start, { type: 'edit', update: (d) => d, at: 1 })).toBe(start);
    expect(run(start, { type: 'undo' })).toBe(start);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let h = start;
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) h = run(h, { type: 'edit', update: (d) => ({ ...d, price: String(i) }), at: i * 10_000 });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    // the oldest kept state is after 5 edits: price "5"
    expect(h.past[0]!.price).toBe('5');
  });
});

describe('undoKey', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
    undoKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it('Ctrl+Z undoes; Ctrl+Y and Ctrl+Shift+Z redo; ⌘ works as Ctrl; plain Z or Alt does nothing', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
  });
});
