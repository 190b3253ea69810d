import { z } from 'zod';
import { COMPARE_MAX, COMPARE_MIN } from '../../../core/compare/compareBudgets';
import { isoDate, nonEmptyText } from '../../../core/spec/fields';
import { type CompareRequest, compareBudgetsOf, compareWorkbook } from '../../services/compare';
import { filePayload } from '../files';
import type { FilePayload } from '../operation';
import { recordId } from '../schemas';
import { storeOperation } from './storeErrors';

/**
 * Budgets side by side (docs/design.md §Data flow, "Comparing budgets"): stored projects (`ids`) and bid workbooks as
 * the 预算审核 page holds them (`bids`), 2 to 10 in all — the comparison and its workbook.
 */

/** 20 MB of xlsx as base64, per bid */
const MAX_BASE64 = 28_000_000;

const compareFields = {
  ids: z
    .array(recordId)
    .max(COMPARE_MAX, `一次最多对比 ${COMPARE_MAX} 个项目 / at most ${COMPARE_MAX} projects`)
    .refine((ids) => new Set(ids).size === ids.length, '同一项目选了两次 / a project is given twice')
    .optional(),
  bids: z
    .array(
      z.strictObject({
        fileName: nonEmptyText,
        base64: z.string({ error: '缺少文件内容 / base64 is required' }).min(1).max(MAX_BASE64, '文件过大（超过 20 MB）'),
      }),
    )
    .max(COMPARE_MAX)
    .optional(),
  /** the differences are taken against the first budget (default) or the one with the lowest total */
  baseline: z.enum(['first', 'lowest']).optional(),
};

const count = (i: { ids?: number[] | undefined; bids?: unknown[] | undefined }) => (i.ids?.length ?? 0) + (i.bids?.length ?? 0);
const inRange = (i: { ids?: number[] | undefined; bids?: unknown[] | undefined }) => count(i) >= COMPARE_MIN && count(i) <= COMPARE_MAX;
const rangeMessage = {
  path: ['ids'],
  message: `请选择 ${COMPARE_MIN} 到 ${COMPARE_MAX} 个项目或投标预算 / select ${COMPARE_MIN} to ${COMPARE_MAX} projects or bids`,
};

function request(input: {
  ids?: number[] | undefined;
  bids?: { fileName: string; base64: string }[] | undefined;
  baseline?: 'first' | 'lowest' | undefined;
}): CompareRequest {
  return {
    ids: input.ids,
    bids: input.bids?.map((b) => ({ fileName: b.fileName, bytes: Buffer.from(b.base64, 'base64') })),
    baseline: input.baseline,
  };
}

export const compareOps = {
  'projects.compare': storeOperation({
    title: '对比项目预算',
    input: z.strictObject(compareFields).refine(inRange, rangeMessage),
    run: (ctx, input) => compareBudgetsOf(ctx.store, request(input)),
  }),
  'projects.compareWorkbook': storeOperation({
    title: '导出预算对比表',
    input: z.strictObject({ ...compareFields, date: isoDate.optional() }).refine(inRange, rangeMessage),
    async run(ctx, input): Promise<FilePayload> {
      return filePayload(await compareWorkbook(ctx.store, request(input), input.date));
    },
  }),
};
