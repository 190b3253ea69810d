import type { PaybenchStore } from './store';
import { sampleContributionSets, sampleGuides, sampleProjects, sampleReferenceWages } from './sampleData';

/** Loads the embedded sample data (示例数据) into a new database; the caller holds the transaction. */
export function loadSampleData(store: PaybenchStore): void {
  for (const w of sampleReferenceWages) store.referenceWages.create(w);
  const guideIds = new Map(sampleGuides.map((g) => [g.name, store.guides.create(g).id]));
  const setIds = new Map(sampleContributionSets.map((c) => [c.name, store.contributionSets.create(c).id]));
  for (const { guide, contributionSet, project } of sampleProjects) {
    store.projects.create({ ...project, guideId: guideIds.get(guide)!, contributionSetId: setIds.get(contributionSet)! });
  }
}
