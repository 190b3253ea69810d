import type { ApiOutput } from '../../api';
import { keptDrafts } from '../../components/keptDrafts';
import { schemaMessage, type Lang } from '../../i18n';
import { draftFromSet, type ContributionDraft } from './contributionDraft';

/**
 * The 社保公积金参数 page's state and its one reducer: the list of sets, the one open in the editor
 * (a stored set, or 'new') as a draft, whether it differs from the stored one, and the problems a
 * refused save left. A draft left unsaved when the user goes to another page is kept (keptSet) and
 * restored on return.
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
}

export const initialContributionsState: ContributionsState = { sets: null, selected: null, draft: null, dirty: false, problems: {}, saving: false };

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
  | { type: 'change'; patch: Partial<ContributionDraft> }
  | { type: 'problems'; problems: Record<string, string> }
  | { type: 'saving'; saving: boolean }
  /** nothing left to open (the last set was deleted) */
  | { type: 'close' };

export function contributionsReducer(state: ContributionsState, action: ContributionsAction): ContributionsState {
  switch (action.type) {
    case 'loaded':
      return { ...state, sets: action.sets };
    case 'open': {
      const isNew = action.target === 'new';
      const draft =
        action.draft ?? (action.target === 'new' ? blankSet(new Date().getFullYear()) : { ...draftFromSet(action.target), basedOn: action.target.revision });
      return { ...state, selected: action.target === 'new' ? 'new' : action.target.id, draft, dirty: isNew, problems: {} };
    }
    case 'restore':
      return { ...state, selected: action.kept.selected, draft: action.kept.draft, dirty: true };
    case 'change':
      return state.draft ? { ...state, draft: { ...state.draft, ...action.patch }, dirty: true } : state;
    case 'problems':
      return { ...state, problems: action.problems };
    case 'saving':
      return { ...state, saving: action.saving };
    case 'close':
      return { ...state, selected: null, draft: null, dirty: false, problems: {} };
  }
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
