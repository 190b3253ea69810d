import type { ApiOutput } from '../../api';
import { keptDrafts } from '../../components/keptDrafts';
import { historyReducer, type History } from '../../components/undoHistory';
import { schemaMessage, type Lang } from '../../i18n';
import { draftFromSet, type ContributionDraft } from './contributionDraft';

/**
 * The 社保公积金参数 page's state and its one reducer: the list of sets, the one open in the editor
 * (a stored set, or 'new') as a draft, whether it differs from the stored one, and the problems a
 * refused save left. A draft left unsaved when the user goes to another page is kept (keptSet) and
 * restored on return. Edits of the open draft are steps of its history (undoHistory.ts): 撤销 / 重做
 * and Ctrl+Z / Ctrl+Y go back and forth through them, 放弃修改 included; opening another set starts a new history.
 */
export type StoredSet = ApiOutput<'contributions.list'>[number];
export type Selection = number | 'new';

export interface ContributionsState {
  /** null until the list has loaded */
  sets: StoredSet[] | null;
  selected: Selection | null;
  draft: ContributionDraft | null;
  dirty: boolean;
  /** by form path ("items[2].rate"); shown once a save was refused, then following the user's fixes */
  problems: Record<string, string>;
  saving: boolean;
  /** the open draft's undo and redo steps */
  steps: UndoSteps;
  /** the draft as opened from the store (null: a new set, or a draft kept from an earlier visit): any other draft is unsaved */
  opened: ContributionDraft | null;
}

export type UndoSteps = Omit<History<ContributionDraft>, 'present'>;
const noSteps: UndoSteps = { past: [], future: [], group: null, at: 0 };

export const initialContributionsState: ContributionsState = {
  sets: null,
  selected: null,
  draft: null,
  dirty: false,
  problems: {},
  saving: false,
  steps: noSteps,
  opened: null,
};

/** A new set starts with the five items of 五险一金 and the union fee, the rates a typical city prints. */
export function blankSet(year: number): ContributionDraft {
  return {
    city: '',
    name: '',
    effectiveFrom: `${year}-07-01`,
    floor: '',
    ceiling: '',
    items: [
      { name: '养老保险', ratePercent: '16', round: 'fen' },
      { name: '医疗保险（含生育）', ratePercent: '', round: 'fen' },
      { name: '失业保险', ratePercent: '0.5', round: 'fen' },
      { name: '工伤保险', ratePercent: '', round: 'fen' },
      { name: '住房公积金', ratePercent: '', round: 'yuan' },
    ],
    levies: [{ name: '工会经费', ratePercent: '2' }],
    source: '',
    sample: false,
  };
}

export type ContributionsAction =
  | { type: 'loaded'; sets: StoredSet[] }
  /** a stored set as stored; or a new set, blank or from a copy (unsaved from the start) */
  | { type: 'open'; target: StoredSet | 'new'; draft?: ContributionDraft }
  /** the draft an earlier visit left unsaved */
  | { type: 'restore'; kept: KeptSet }
  /** an edit; edits of the same `group` (one box) close together (`at`, ms) are one undo step */
  | { type: 'change'; patch: Partial<ContributionDraft>; group?: string | null; at?: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** 放弃修改: back to the stored set (or a blank new one), as one undoable step */
  | { type: 'discard'; target: StoredSet | 'new' }
  | { type: 'problems'; problems: Record<string, string> }
  | { type: 'saving'; saving: boolean }
  /** nothing left to open (the last set was deleted) */
  | { type: 'close' };

export function contributionsReducer(state: ContributionsState, action: ContributionsAction): ContributionsState {
  switch (action.type) {
    case 'loaded':
      return { ...state, sets: action.sets };
    case 'open': {
      const draft = action.draft ?? openedDraft(action.target);
      const opened = action.target !== 'new' ? draft : null;
      return { ...state, selected: action.target === 'new' ? 'new' : action.target.id, draft, dirty: opened === null, problems: {}, steps: noSteps, opened };
    }
    case 'restore':
      return { ...state, selected: action.kept.selected, draft: action.kept.draft, dirty: true, steps: noSteps, opened: null };
    case 'change': {
      const patch = action.patch;
      return stepped(state, { type: 'edit', update: (d) => ({ ...d, ...patch }), group: action.group ?? null, at: action.at ?? 0 });
    }
    case 'undo':
    case 'redo':
      return stepped(state, { type: action.type });
    case 'discard': {
      const draft = openedDraft(action.target);
      const next = stepped(state, { type: 'edit', update: () => draft, at: 0 });
      const opened = action.target === 'new' ? null : draft;
      return { ...next, opened, dirty: next.draft !== opened, problems: {} };
    }
    case 'problems':
      return { ...state, problems: action.problems };
    case 'saving':
      return { ...state, saving: action.saving };
    case 'close':
      return { ...state, selected: null, draft: null, dirty: false, problems: {}, steps: noSteps, opened: null };
  }
}

function openedDraft(target: StoredSet | 'new'): ContributionDraft {
  return target === 'new' ? blankSet(new Date().getFullYear()) : { ...draftFromSet(target), basedOn: target.revision };
}

/** The open draft moved by the history (an edit, undo or redo); unsaved unless it is the draft as opened. */
function stepped(state: ContributionsState, action: Parameters<typeof historyReducer<ContributionDraft>>[1]): ContributionsState {
  if (!state.draft) return state;
  const before: History<ContributionDraft> = { ...state.steps, present: state.draft };
  const after = historyReducer(before, action);
  if (after === before) return state;
  const { present, ...steps } = after;
  return { ...state, draft: present, steps, dirty: present !== state.opened };
}

/** The list as the page shows it: by city, then the newest first. */
export function sortSets<S extends { city: string; effectiveFrom: string }>(sets: readonly S[]): S[] {
  return [...sets].sort((a, b) => a.city.localeCompare(b.city, 'zh-CN') || b.effectiveFrom.localeCompare(a.effectiveFrom));
}

/**
 * The store's problems of a refused save, by form path: they name paths of the call's input
 * ("set.items[1].rate"), the form's are relative to the set.
 */
export function formProblems(problems: readonly { path: string; message: string }[], lang: Lang): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [p.path.replace(/^set\./, ''), schemaMessage(p.message, lang)]));
}

export interface KeptSet {
  selected: Selection;
  draft: ContributionDraft;
}

/** At most one: the set being edited when the user left the page. */
export const keptSetDrafts = keptDrafts<'editing', KeptSet>();

export function keptSet(): KeptSet | undefined {
  return keptSetDrafts.get('editing');
}

/** What a visit leaves behind: the unsaved draft, or nothing once it is saved or discarded. */
export function keepSet(state: Pick<ContributionsState, 'dirty' | 'draft' | 'selected'>): void {
  if (state.dirty && state.draft && state.selected !== null) keptSetDrafts.keep('editing', { selected: state.selected, draft: state.draft });
  else keptSetDrafts.forget('editing');
}

/**
 * The undo step an edit belongs to: typing in one box (a field, or one item or levy row) is one
 * step while it runs on; adding or removing a row is a step of its own (null).
 */
export function contributionEditGroup(before: ContributionDraft, patch: Partial<ContributionDraft>): string | null {
  const keys = Object.keys(patch) as (keyof ContributionDraft)[];
  if (keys.length !== 1) return null;
  const key = keys[0]!;
  if (key !== 'items' && key !== 'levies') return `set.${key}`;
  const was: readonly object[] = before[key];
  const now: readonly object[] = patch[key]!;
  if (was.length !== now.length) return null;
  const changed = now.flatMap((row, i) => (row !== was[i] ? [i] : []));
  return changed.length === 1 ? `set.${key}[${changed[0]}]` : null;
}
