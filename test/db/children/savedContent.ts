import type { ProjectInput } from '../../../src/core/projects/schema';

/**
 * What the kill-loop child (saver.ts) writes at each revision of a project: a function of the
 * revision alone, so the parent can tell whether a stored project is exactly some save, whole.
 * The number of lines changes from save to save, so a torn save (header of one, lines of another)
 * would show.
 */
export const SAVED_PREFIX = '断电测试';

export function savedProject(name: string, revision: number, guideId: number, contributionSetId: number): ProjectInput {
  return {
    name,
    periodStart: '2026-01',
    periodMonths: 12,
    guideId,
    contributionSetId,
    staff: Array.from({ length: 1 + (revision % 4) }, (_, i) => ({
      post: '一线社工',
      grade: '社工师',
      step: 1,
      count: 1 + ((revision + i) % 3),
      months: 12,
      note: `第 ${revision} 次保存，第 ${i + 1} 行`,
    })),
    costs: Array.from({ length: revision % 3 }, (_, i) => ({
      category: '服务活动',
      name: `活动 ${revision}-${i + 1}`,
      unitPrice: `${revision}.${String(i).padStart(2, '0')}`,
      quantity: 1 + i,
      times: 1,
    })),
    managementRate: '0.08',
    notes: `第 ${revision} 次保存`,
  };
}
