import { useRef } from 'react';

/**
 * Identity that follows content: derived per-row data is rebuilt on every keystroke, but memoised
 * tables and rows compare by identity, so an equal list (or equal element) is handed back as the
 * previous object. That is what lets a keystroke in one line skip the other table and its rows.
 */
export function useStableList<T>(next: T[], same: (a: T, b: T) => boolean): T[] {
  const prev = useRef<T[]>(next);
  const old = prev.current;
  if (old === next) return next;
  let changed = old.length !== next.length;
  const merged = next.map((item, i) => {
    if (i < old.length && same(old[i] as T, item)) return old[i] as T;
    changed = true;
    return item;
  });
  if (changed) prev.current = merged;
  return prev.current;
}

export function useStableSet<T>(next: Set<T>): Set<T> {
  const prev = useRef(next);
  const old = prev.current;
  if (old !== next && (old.size !== next.size || [...next].some((x) => !old.has(x)))) prev.current = next;
  return prev.current;
}
