import { useEffect, useRef } from 'react';
import { navigate } from './useHashRoute';

/**
 * Leaving a page inside the app (the menu, 返回列表) asks the page first (docs/design.md §Data flow,
 * "Drafts"): a page with work that is not safely stored registers a guard, which may save, ask the
 * user, and answer whether to go. Closing or reloading the window is asked by the browser's
 * `beforeunload` (and, in the desktop app, a native dialog: electron/main.ts `will-prevent-unload`).
 */
export type LeaveGuard = () => Promise<boolean> | boolean;

const guards = new Set<{ current: LeaveGuard }>();

/** While the calling component is mounted, in-app navigation asks `guard` first. */
export function useLeaveGuard(guard: LeaveGuard): void {
  const ref = useRef(guard);
  ref.current = guard;
  useEffect(() => {
    guards.add(ref);
    return () => void guards.delete(ref);
  }, []);
}

/** Whether every mounted page agrees to be left (each asked in turn; the first "stay" stops). */
export async function mayLeave(): Promise<boolean> {
  for (const g of [...guards]) if (!(await g.current())) return false;
  return true;
}

/** Goes to #/parts… once every mounted page agrees. */
export async function leaveTo(...parts: (string | number)[]): Promise<boolean> {
  if (!(await mayLeave())) return false;
  navigate(...parts);
  return true;
}
