import type { Worker } from '../../../src/core/roster/schema';
import type { ApiOutput } from '../../api';

/**
 * Undo of the roster grid (docs/design.md §People: roster and statistics, "Undo"): a worker's edit
 * is saved at once, so the grid's history (renderer/components/undoHistory.ts) holds the log of
 * edits saved from this page; undoing one saves the worker back as it was before, redoing saves it
 * again as edited — each against the revision the store holds now, like any save.
 *
 * 身份证号 reaches the page masked only. An edit that left it alone, or added one where there was
 * none, is undone whole. **Decision:** an edit that replaced or cleared a stored number cannot
 * bring the old number back (the page never had it): the undo keeps the number stored now and says
 * so, rather than store the masked text as a number.
 */
export type ShownWorker = ApiOutput<'roster.list'>['workers'][number];

export interface SavedEdit {
  id: number;
  before: ShownWorker;
  after: ShownWorker;
}

/** A worker as the API takes it, from one as the grid shows it. */
export function workerOf(w: ShownWorker): Worker {
  const { id: _id, seq: _seq, revision: _r, hasIdNumber: _h, ...worker } = w;
  return worker;
}

/**
 * What to save to put a worker back to `target` when `current` is what the store holds now;
 * `idKept` when the 身份证号 of `target` cannot be restored (see above) and the current one is kept.
 */
export function restoring(target: ShownWorker, current: ShownWorker): { worker: Worker; idKept: boolean } {
  const worker = workerOf(target);
  const sameId = target.idNumber === current.idNumber;
  // a number the page only knows masked: sent back unchanged it keeps the stored one; any other masked text would be stored as typed
  const restorable = sameId || target.idNumber === null;
  return restorable ? { worker, idKept: false } : { worker: { ...worker, idNumber: current.idNumber }, idKept: true };
}

/** The edit the history's move undid (the log got shorter) or redid (it got longer), if any. */
export function movedEdit(previous: readonly SavedEdit[], now: readonly SavedEdit[]): { edit: SavedEdit; direction: 'undo' | 'redo' } | null {
  if (now.length === previous.length - 1 && now.every((e, i) => e === previous[i])) return { edit: previous[previous.length - 1]!, direction: 'undo' };
  if (now.length === previous.length + 1 && previous.every((e, i) => e === now[i])) return { edit: now[now.length - 1]!, direction: 'redo' };
  return null;
}
