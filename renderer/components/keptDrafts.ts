import { useEffect } from 'react';

/**
 * Unsaved drafts a page keeps while the user goes elsewhere through the menu, so that coming back
 * finds the edits still there. They live as long as the window (a reload loses them, so a page with
 * any kept draft asks first: useAskBeforeUnload). Each page owns one store, keyed by what it edits.
 */
export interface KeptDrafts<K, D> {
  get(key: K): D | undefined;
  has(key: K): boolean;
  keep(key: K, draft: D): void;
  forget(key: K): void;
  /** how many drafts are kept */
  readonly size: number;
}

export function keptDrafts<K, D>(): KeptDrafts<K, D> {
  const drafts = new Map<K, D>();
  return {
    get: (key) => drafts.get(key),
    has: (key) => drafts.has(key),
    keep: (key, draft) => void drafts.set(key, draft),
    forget: (key) => void drafts.delete(key),
    get size() {
      return drafts.size;
    },
  };
}

/** While the calling component is mounted, a reload or close asks first if `drafts` holds any. */
export function useAskBeforeUnload(drafts: { readonly size: number }): void {
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (drafts.size === 0) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [drafts]);
}
