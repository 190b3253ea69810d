import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { api } from '../../api';
import { isStaleSave } from '../../components/staleSave';
import { type PlanAction, type PlanState, planSave } from './planState';

/**
 * Autosave of the open area plan, as the budget editor's: 800 ms after the last change (and at
 * once on leaving the page or closing the window) the plan is written with the revision it was
 * loaded at. The community list goes only when it changed (an import, a paste). Saves never
 * overlap; a change made during a save is saved after it. A save refused because another window
 * saved first goes to `onConflict` and stops the autosave until the plan is opened again.
 */
export type PlanSaveState = 'saved' | 'dirty' | 'saving' | 'failed';

const DELAY_MS = 800;

/** What a save writes, but the revision (a save moves it) and the name (plan.rename's). */
function saveKey(state: PlanState): string {
  const p = planSave(state, false);
  if (!p) return '';
  const { revision: _r, name: _n, ...rest } = p;
  return JSON.stringify({ ...rest, communitiesVersion: state.communitiesVersion });
}

export function usePlanAutosave(state: PlanState, dispatch: Dispatch<PlanAction>, onFailed: (error: unknown) => void, onConflict: (error: unknown) => void) {
  const latest = useRef(state);
  latest.current = state;
  const handlers = useRef({ onFailed, onConflict });
  handlers.current = { onFailed, onConflict };
  const openedId = useRef<number | null>(null);
  const savedKey = useRef('');
  const savedCommunities = useRef(0);
  const conflicted = useRef(false);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [saveState, setSaveState] = useState<PlanSaveState>('saved');

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (running.current) await running.current;
    const s = latest.current;
    const key = saveKey(s);
    if (s.planId === null || conflicted.current || key === savedKey.current) return;
    const version = s.communitiesVersion;
    const payload = planSave(s, version !== savedCommunities.current)!;
    setSaveState('saving');
    const work = api['plan.save'](payload).then(
      (stored) => {
        savedKey.current = key;
        savedCommunities.current = version;
        // the page may have opened another plan meanwhile: only the open one takes the new revision
        if (latest.current.planId === stored.id) dispatch({ type: 'saved', revision: stored.revision, name: stored.name });
        setSaveState(saveKey(latest.current) === key ? 'saved' : 'dirty');
      },
      (e: unknown) => {
        setSaveState('failed');
        if (isStaleSave(e)) {
          conflicted.current = true;
          handlers.current.onConflict(e);
        } else handlers.current.onFailed(e);
      },
    );
    running.current = work.finally(() => (running.current = null));
    await running.current;
  }, [dispatch]);

  const key = saveKey(state);
  useEffect(() => {
    if (state.planId !== openedId.current) {
      // a plan just opened (or created) is what the store has
      openedId.current = state.planId;
      savedKey.current = key;
      savedCommunities.current = state.communitiesVersion;
      conflicted.current = false;
      setSaveState('saved');
      return;
    }
    if (state.planId === null || key === savedKey.current || conflicted.current) return;
    setSaveState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
  }, [key, state.planId, state.communitiesVersion, flush]);

  const unsaved = useCallback(() => saveKey(latest.current) !== savedKey.current, []);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (unsaved() && !conflicted.current) {
        void flush();
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      // leaving the page inside the app: write what is pending
      if (unsaved()) void flush();
    };
  }, [flush, unsaved]);

  return { saveState, flush };
}
