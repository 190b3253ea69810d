import { keptDrafts } from '../../components/keptDrafts';
import type { VersionDraft } from './versionDraft';

/**
 * What the 薪酬指导价 page remembers while the user is on another page: the guide and version last
 * open, and the versions with unsaved edits (by version id), so that coming back finds both.
 */
export interface GuideSelection {
  guideId: number | null;
  versionId: number | null;
}

let selection: GuideSelection = { guideId: null, versionId: null };

export function lastSelection(): GuideSelection {
  return selection;
}

export function rememberSelection(next: GuideSelection): void {
  selection = next;
}

/** Edits not yet saved, by version id: kept until saved, discarded, or the version deleted. */
export const unsavedVersions = keptDrafts<number, VersionDraft>();
