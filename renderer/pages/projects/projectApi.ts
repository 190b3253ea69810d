import { api } from '../../api';
import type { FilePayload } from '../../../src/app/api/operation';
import type { StoredContributionSet } from '../../../src/core/contributions/schema';
import type { StoredPayGuide, StoredReferenceWage } from '../../../src/core/guides/schema';
import type { Project, StoredProject } from '../../../src/core/projects/schema';

/** The page's calls to the store's operations (src/app/api/ops/projects.ts …) and the Excel export. */
export interface ProjectListItem {
  id: number;
  name: string;
  purchaser: string;
  provider: string;
  periodStart: string;
  periodMonths: number;
  guideName: string;
  contributionSetName: string;
  staffLines: number;
  costLines: number;
  sample: boolean;
  updatedAt: string;
}

export interface GuideListItem {
  id: number;
  name: string;
}

export const projectApi = {
  list: () => api['projects.list']({}) as Promise<ProjectListItem[]>,
  get: (id: number) => api['projects.get']({ id }) as Promise<StoredProject>,
  create: (project: Project) => api['projects.create'](project) as Promise<StoredProject>,
  update: (id: number, project: Project) => api['projects.update']({ id, project }) as Promise<StoredProject>,
  duplicate: (id: number, name: string) => api['projects.duplicate']({ id, name }) as Promise<StoredProject>,
  delete: (id: number) => api['projects.delete']({ id }),
  guides: () => api['guides.list']({}) as Promise<GuideListItem[]>,
  guide: (id: number) => api['guides.get']({ id }) as Promise<StoredPayGuide>,
  wages: () => api['referenceWages.list']({}) as Promise<StoredReferenceWage[]>,
  contributionSets: () => api['contributions.list']({}) as Promise<StoredContributionSet[]>,
  /** the audit workbook of DESIGN §7 for a stored project (src/app/api/ops/excel.ts) */
  exportBudget: (id: number): Promise<FilePayload> => api['excel.exportBudget']({ projectId: id }),
};
