import { api } from '../../api';
import type { AdjustRounding } from '../../../src/core/guides/adjust';
import type { VersionDiff } from '../../../src/core/guides/diff';
import type { FilePayload } from '../../../src/app/api/operation';
import type { z } from 'zod';
import type { GuideVersion, payGuideSchema, StoredGuideVersion, ReferenceWageRecord, StoredPayGuide, StoredReferenceWage } from '../../../src/core/guides/schema';

/**
 * The page's calls to the backend, in one place: the operations are the store's
 * (src/app/api/ops/guides.ts, referenceWages.ts) and the Excel helper's (src/app/api/ops/excel.ts).
 */

/** What the list shows of each guide (the store's summary: no cells). */
export interface GuideSummary {
  id: number;
  name: string;
  issuer: string;
  region: string;
  sample: boolean;
  projectCount: number;
  versions: Array<Omit<GuideVersion, 'cells' | 'allowances' | 'source' | 'notes'> & { id: number; cellCount: number }>;
}

export const guideApi = {
  list: (): Promise<GuideSummary[]> => api['guides.list']({}),
  get: (id: number): Promise<StoredPayGuide> => api['guides.get']({ id }),
  create: (guide: z.input<typeof payGuideSchema>): Promise<StoredPayGuide> => api['guides.create'](guide),
  update: (id: number, meta: { name: string; issuer: string; region: string }) => api['guides.update']({ id, ...meta }),
  delete: (id: number) => api['guides.delete']({ id }),
  addVersion: (guideId: number, version: GuideVersion) => api['guides.addVersion']({ guideId, version }),
  updateVersion: (versionId: number, version: GuideVersion) => api['guides.updateVersion']({ versionId, version }),
  deleteVersion: (versionId: number) => api['guides.deleteVersion']({ versionId }),
  /** the new version, saved; its id is what the diff compares against */
  adjust: async (input: { versionId: number; percent: string; rounding: AdjustRounding; label: string; effectiveFrom: string; allowances: boolean }) => {
    const result = await api['guides.adjust']({ ...input, save: true });
    if (!result.saved) throw new Error('调整后的版本未保存');
    const stored = result.version as StoredGuideVersion;
    return { id: stored.id, adjustedCells: result.adjustedCells, keptCoefficients: result.keptCoefficients };
  },
  diff: (fromVersionId: number, toVersionId: number): Promise<VersionDiff> => api['guides.diff']({ fromVersionId, toVersionId }),
  wages: {
    list: (): Promise<StoredReferenceWage[]> => api['referenceWages.list']({}),
    create: (wage: ReferenceWageRecord) => api['referenceWages.create'](wage),
    update: (id: number, wage: ReferenceWageRecord) => api['referenceWages.update']({ id, ...wage }),
    delete: (id: number) => api['referenceWages.delete']({ id }),
  },
  excel: {
    exportGuide: (guideId: number, versionId: number): Promise<FilePayload> => api['excel.exportGuide']({ guideId, versionId }),
    template: (): Promise<FilePayload> => api['excel.guideTemplate']({}),
    importGuide: (base64: string, fileName: string, target: { mode: 'new' } | { mode: 'version'; guideId: number }) =>
      api['excel.importGuide']({ base64, fileName, target }),
  },
};
