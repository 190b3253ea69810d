import { z } from 'zod';
import { COMPARE_MAX, COMPARE_MIN } from '../../../core/compare/compareBudgets';
import { isoDate } from '../../../core/spec/fields';
import { compareProjects, compareProjectsWorkbook } from '../../services/compare';
import { filePayload } from '../files';
import type { FilePayload } from '../operation';
import { recordId } from '../schemas';
import { storeOperation } from './storeErrors';

/** Projects side by side (docs/design.md §Data flow, "Comparing budgets"): the comparison and its workbook. */
const compareInput = z.strictObject({
  ids: z
    .array(recordId)
    .min(COMPARE_MIN, `请至少选择 ${COMPARE_MIN} 个项目 / select at least ${COMPARE_MIN} projects`)
    .max(COMPARE_MAX, `一次最多对比 ${COMPARE_MAX} 个项目 / at most ${COMPARE_MAX} projects`)
    .refine((ids) => new Set(ids).size === ids.length, '同一项目选了两次 / a project is given twice'),
  /** the differences are taken against the first project (default) or the one with the lowest total */
  baseline: z.enum(['first', 'lowest']).optional(),
});

export const compareOps = {
  'projects.compare': storeOperation({
    title: '对比项目预算',
    input: compareInput,
    run: (ctx, input) => compareProjects(ctx.store, input.ids, input.baseline),
  }),
  'projects.compareWorkbook': storeOperation({
    title: '导出预算对比表',
    input: compareInput.extend({ date: isoDate.optional() }),
    async run(ctx, input): Promise<FilePayload> {
      return filePayload(await compareProjectsWorkbook(ctx.store, input.ids, input.baseline, input.date));
    },
  }),
};
