import { useCallback, useEffect, useReducer, useRef } from 'react';

/**
 * Undo and redo for an editor's whole working copy (docs/design.md §Data flow, "Undo"): every edit
 * is a step, except that a run of keystrokes in one field is one step — edits with the same `group`
 * (a field of a line, "costs.c12.name") coalesce while no more than `COALESCE_MS` pass between them.
 * Adding, deleting and pasting lines are steps of their own (no group). The reducer is pure; the
 * time of each edit comes in the action. Any editor can hold its draft in it (useUndoable).
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** the group and time of the last edit, for coalescing */
  group: string | null;
  at: number;
}

export type HistoryAction<T> =
  { type: 'edit'; update: (present: T) => T; group?: string | null; at: number } | { type: 'undo' } | { type: 'redo' } | { type: 'reset'; present: T };

/** Keystrokes in one field closer together than this are one step. */
export const COALESCE_MS = 1000;
/** Steps kept; older ones are forgotten. */
export const HISTORY_LIMIT = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], group: null, at: 0 };
}

export function historyReducer<T>(h: History<T>, action: HistoryAction<T>): History<T> {
  switch (action.type) {
    case 'edit': {
      const next = action.update(h.present);
      if (Object.is(next, h.present)) return h;
      const group = action.group ?? null;
      const coalesce = group !== null && group === h.group && action.at - h.at <= COALESCE_MS && h.past.length > 0;
      const past = coalesce ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
      return { past, present: next, future: [], group, at: action.at };
    }
    case 'undo': {
      if (h.past.length === 0) return h;
      return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future], group: null, at: 0 };
    }
    case 'redo': {
      if (h.future.length === 0) return h;
      return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1), group: null, at: 0 };
    }
    case 'reset':
      return startHistory(action.present);
  }
}

export interface Undoable<T> {
  value: T;
  /** one edit; edits with the same group in quick succession are one step */
  edit(update: (present: T) => T, group?: string | null): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** a new working copy with no history (the record read again from the store) */
  reset(present: T): void;
}

/** An editor's working copy with its history. `edit`, `undo`, `redo` and `reset` keep one identity for the editor's life. */
export function useUndoable<T>(initial: T): Undoable<T> {
  const [h, dispatch] = useReducer(historyReducer<T>, initial, startHistory);
  const edit = useCallback((update: (present: T) => T, group?: string | null) => dispatch({ type: 'edit', update, group, at: Date.now() }), []);
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  const reset = useCallback((present: T) => dispatch({ type: 'reset', present }), []);
  return { value: h.present, edit, undo, redo, reset, canUndo: h.past.length > 0, canRedo: h.future.length > 0 };
}

/** Ctrl+Z / ⌘Z undoes; Ctrl+Y, Ctrl+Shift+Z / ⌘⇧Z redo. */
export function undoKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * Binds the undo keys while `root` is mounted. Decision: inside the editor the history owns Ctrl+Z
 * even in a focused box — a run of typing in that box is one step of the history, so Ctrl+Z takes
 * it back as the box's own undo would, and the next Ctrl+Z goes on to the edit before (another box,
 * a deleted line). A box's own undo would be a second history of the same text that the editor's
 * could not see. Keys pressed outside `root` (a dialog, another page's box) are left alone.
 */
export function useUndoKeys(root: React.RefObject<HTMLElement | null>, history: Pick<Undoable<unknown>, 'undo' | 'redo'>): void {
  const latest = useRef(history);
  latest.current = history;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = undoKey(e);
      const el = root.current;
      if (!which || !el) return;
      const target = e.target instanceof Node ? e.target : null;
      // on the page's body (nothing focused) or inside the editor; never in a dialog or popup over it
      if (target && target !== document.body && !el.contains(target)) return;
      e.preventDefault();
      latest.current[which]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);
}
