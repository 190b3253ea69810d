import { useCallback, useEffect, useRef, useState } from 'react';
import type { Project } from '../../../src/core/projects/schema';
import { showApiError } from '../../components/feedback';
import { isStaleSave } from '../../components/staleSave';

/**
 * Debounced autosave: a valid project is written to the store 800 ms after the last edit (and at
 * once by 保存 or before export); saves never overlap, and a change made during a save is saved
 * after it. An invalid draft is not written (the checks panel says why). Leaving the page with
 * unsaved changes asks first. A save refused because another window saved the project first
 * goes to `onConflict` (which offers to reload or keep a copy) and stops the autosave: saving again
 * on top would only be refused again.
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'invalid' | 'failed';

const DELAY_MS = 800;

/** `failedText` heads the notification of a failed save (the page's language). */
export function useAutosave(
  project: Project | null,
  hasProblems: boolean,
  save: (p: Project) => Promise<void>,
  failedText = '保存失败',
  onConflict?: (error: unknown, refused: Project) => void,
) {
  const failed = useRef(failedText);
  failed.current = failedText;
  const conflictHandler = useRef(onConflict);
  conflictHandler.current = onConflict;
  /** set once a save was refused as stale: nothing more is saved from this editor */
  const conflicted = useRef(false);
  const [state, setState] = useState<SaveState>('saved');
  const latest = useRef<Project | null>(null);
  const savedJson = useRef<string | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const first = useRef(true);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (running.current) await running.current;
    const p = latest.current;
    if (!p || conflicted.current) return false;
    const json = JSON.stringify(p);
    if (json === savedJson.current) {
      setState('saved');
      return true;
    }
    setState('saving');
    const work = save(p).then(
      () => {
        savedJson.current = json;
        setState(JSON.stringify(latest.current) === json ? 'saved' : 'dirty');
      },
      (e: unknown) => {
        setState('failed');
        if (isStaleSave(e) && conflictHandler.current) {
          conflicted.current = true;
          conflictHandler.current(e, p);
        } else showApiError(failed.current, e);
        throw e;
      },
    );
    running.current = work.finally(() => (running.current = null)).catch(() => {});
    try {
      await work;
      return true;
    } catch {
      return false;
    }
  }, [save]);

  useEffect(() => {
    latest.current = project;
    if (first.current) {
      // the project as loaded is what the store has
      first.current = false;
      savedJson.current = project ? JSON.stringify(project) : null;
      return;
    }
    if (!project) {
      setState(hasProblems ? 'invalid' : 'dirty');
      return;
    }
    // one serialisation per edit (a 200-line project is ~50 kB of JSON; cheap, but not free)
    if (JSON.stringify(project) === savedJson.current) {
      // edited back to what the store has (e.g. a typo corrected)
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!running.current) setState('saved');
      return;
    }
    if (conflicted.current) return; // stays 'failed' until the editor is reloaded
    setState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
  }, [project, hasProblems, flush]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (latest.current && JSON.stringify(latest.current) !== savedJson.current) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      // leaving the editor inside the app: write what is pending
      if (timer.current) void flush();
    };
  }, [flush]);

  return { state, flush };
}
