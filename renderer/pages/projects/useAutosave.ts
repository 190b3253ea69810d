import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectDraftRecord } from '../../../src/core/projects/draftRecord';
import type { Project } from '../../../src/core/projects/schema';
import { showApiError } from '../../components/feedback';
import { isStaleSave } from '../../components/staleSave';

/**
 * Debounced autosave: every edit is written to the store 800 ms after the last one (and at once by
 * 保存, before export and on leaving). A valid project is saved as the project; a draft with errors
 * is kept as the project's draft (草稿, the text exactly as typed) while the project keeps its last
 * valid content — so no edit is lost (docs/design.md §Data flow, "Drafts"). Saves never overlap,
 * and a change made during a save is saved after it. Closing or reloading the window with a change
 * not yet written asks first (beforeunload) and starts writing it. A save refused because another
 * window saved the project first goes to `onConflict` (which offers to reload or keep a copy) and
 * stops the autosave: saving again on top would only be refused again.
 */
export type SavePayload = { kind: 'project'; project: Project } | { kind: 'draft'; draft: ProjectDraftRecord; problems: number };

/** saved: the project as shown is stored; draft: the text is kept as a draft with errors (草稿·有错误) */
export type SaveState = 'saved' | 'draft' | 'dirty' | 'saving' | 'failed';

const DELAY_MS = 800;

const storedState = (p: SavePayload | null): SaveState => (p?.kind === 'draft' ? 'draft' : 'saved');

/** `failedText` heads the notification of a failed save (the page's language). */
export function useAutosave(
  payload: SavePayload | null,
  save: (p: SavePayload) => Promise<void>,
  failedText = '保存失败',
  onConflict?: (error: unknown, refused: SavePayload) => void,
) {
  const failed = useRef(failedText);
  failed.current = failedText;
  const conflictHandler = useRef(onConflict);
  conflictHandler.current = onConflict;
  /** set once a save was refused as stale: nothing more is saved from this editor */
  const conflicted = useRef(false);
  const [state, setState] = useState<SaveState>(() => storedState(payload));
  const latest = useRef<SavePayload | null>(null);
  const latestJson = useRef<string | null>(null);
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
    const json = latestJson.current;
    if (json === savedJson.current) {
      setState(storedState(p));
      return true;
    }
    setState('saving');
    const work = save(p).then(
      () => {
        savedJson.current = json;
        setState(latestJson.current === json ? storedState(p) : 'dirty');
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
    latest.current = payload;
    // one serialisation per edit (a 200-line project is ~50 kB of JSON; cheap, but not free)
    const json = payload ? JSON.stringify(payload) : null;
    latestJson.current = json;
    if (first.current) {
      // the project (or its kept draft) as loaded is what the store has
      first.current = false;
      savedJson.current = json;
      return;
    }
    if (!payload) return;
    if (json === savedJson.current) {
      // edited back to what the store has (e.g. a typo corrected)
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!running.current && !conflicted.current) setState(storedState(payload));
      return;
    }
    if (conflicted.current) return; // stays 'failed' until the editor is reloaded
    setState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
  }, [payload, flush]);

  /** a change not yet written (waiting, being written, or refused) */
  const unsaved = useCallback(() => latestJson.current !== savedJson.current, []);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (unsaved()) {
        if (!conflicted.current) void flush();
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      // leaving the editor inside the app: write what is pending
      if (timer.current) void flush();
    };
  }, [flush, unsaved]);

  return { state, flush, unsaved };
}
