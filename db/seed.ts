import type { AreaPlanRepository } from './repos/areaPlans';
import type { ContributionSetRepository } from './repos/contributionSets';
import type { GradingRepository } from './repos/grading';
import type { GuideRepository } from './repos/guides';
import type { ProjectRepository } from './repos/projects';
import type { ReferenceWageRepository } from './repos/referenceWages';
import type { RosterRepository } from './repos/roster';
import {
  JILIN_SAMPLE,
  THREE_POSTS,
  sampleAreaPlan,
  sampleContributionSets,
  sampleGradingScheme,
  sampleGuides,
  sampleProjects,
  sampleReferenceWages,
  sampleRoster,
} from './sampleData';

/** The repositories the sample data is written through (the store passes itself). */
export interface SampleDataTarget {
  referenceWages: ReferenceWageRepository;
  guides: GuideRepository;
  contributionSets: ContributionSetRepository;
  projects: ProjectRepository;
  areaPlans: AreaPlanRepository;
  roster: RosterRepository;
  grading: GradingRepository;
}

/** Loads the embedded sample data (示例数据) into a new database; the caller holds the transaction. */
export function loadSampleData(store: SampleDataTarget): void {
  for (const w of sampleReferenceWages) store.referenceWages.create(w);
  const guideIds = new Map(sampleGuides.map((g) => [g.name, store.guides.create(g).id]));
  const setIds = new Map(sampleContributionSets.map((c) => [c.name, store.contributionSets.create(c).id]));
  for (const { guide, contributionSet, project } of sampleProjects) {
    store.projects.create({ ...project, guideId: guideIds.get(guide)!, contributionSetId: setIds.get(contributionSet)! });
  }
  store.areaPlans.create(sampleAreaPlan({ guideId: guideIds.get(THREE_POSTS)!, contributionSetId: setIds.get(JILIN_SAMPLE)! }));
  store.roster.replaceAll(sampleRoster());
  store.grading.create(sampleGradingScheme, { sample: true });
}
