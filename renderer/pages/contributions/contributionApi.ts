import { api } from '../../api';
import type { ContributionSet, StoredContributionSet } from '../../../src/core/contributions/schema';

/** The page's calls to the store's contribution-set operations (src/app/api/ops/contributions.ts). */
export const contributionApi = {
  list: (): Promise<StoredContributionSet[]> => api['contributions.list']({}),
  create: (set: ContributionSet): Promise<StoredContributionSet> => api['contributions.create'](set),
  update: (id: number, set: ContributionSet): Promise<StoredContributionSet> => api['contributions.update']({ id, set }),
  delete: (id: number) => api['contributions.delete']({ id }),
};

/** Server problems name paths of the call's input ("set.items[1].rate"); the form's are relative to the set. */
export function formPath(serverPath: string): string {
  return serverPath.replace(/^set\./, '');
}
