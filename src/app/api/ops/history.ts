import { z } from 'zod';
import { isoDate } from '../../../core/spec/fields';
import { historyWorkbook, listHistory } from '../../services/history';
import { filePayload } from '../files';
import type { FilePayload } from '../operation';
import { recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/**
 * The change history (docs/design.md §History and locks): every change to guides, versions and
 * cells, reference wages, contribution sets and projects' submissions, newest first — of one object
 * (`guide` includes its versions) or of all, within dates — and the same as a workbook.
 */
export const historyFilterSchema = z
  .strictObject({
    kind: z
      .enum(['guide', 'guideVersion', 'referenceWage', 'contributionSet', 'project', 'gradingScheme'], {
        error: 'kind 须为 guide、guideVersion、referenceWage、contributionSet、project 或 gradingScheme',
      })
      .optional(),
    id: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((f) => f.id === undefined || f.kind !== undefined, { path: ['kind'], message: '给出 id 时须给出 kind / kind is required with id' })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: '结束日期不能早于开始日期 / to must not be before from' })
  .default({});

export const historyOps = {
  'history.list': storeOperation({
    title: '查看变更记录',
    input: historyFilterSchema,
    run: (ctx, filter) => listHistory(ctx.store, filter),
  }),
  'history.export': storeOperation({
    title: '导出变更记录',
    input: historyFilterSchema,
    async run(ctx, filter): Promise<FilePayload> {
      return filePayload(await historyWorkbook(ctx.store, filter));
    },
  }),
};
