import { z } from 'zod';
import type { StoredPayGuide } from '../../../core/guides/schema';
import { budgetSpecSchema } from '../../../core/spec/budgetSpec';
import { isoDate, nonEmptyText } from '../../../core/spec/fields';
import { bidOriginOfProject } from '../../services/bidPackage';
import { budgetOfProject, budgetOfSpec, budgetWorkbook } from '../../services/budget';
import { rosterAnnexOfProject } from '../../services/roster';
import { guideImportTemplate, guideVersionWorkbook, importGuideWorkbook } from '../../services/guides';
import { ApiFailure } from '../errors';
import { filePayload } from '../files';
import type { FilePayload } from '../operation';
import { noInput, recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/** Excel (docs/design.md §Excel workbooks): the budget workbook, a pay guide to and from the import template. */
const signOff = { preparedBy: z.string().max(100).optional(), date: isoDate.optional() };
/** 20 MB of xlsx, as base64 */
const MAX_BASE64 = 28_000_000;

export const excelOps = {
  'excel.exportBudget': storeOperation({
    title: '导出预算工作簿',
    input: z.union([z.strictObject({ projectId: id, ...signOff }), z.strictObject({ spec: budgetSpecSchema, ...signOff })], {
      error: '须给出 projectId（已保存的项目）或 spec（预算文件）/ give projectId or spec',
    }),
    async run(ctx, input): Promise<FilePayload> {
      const budget = 'projectId' in input ? budgetOfProject(ctx.store, input.projectId) : budgetOfSpec(input.spec, () => ctx.store);
      const bid = 'projectId' in input ? bidOriginOfProject(ctx.store, input.projectId) : undefined; // the bid package names the stored guide (bidPackage.ts)
      const rosterAnnex = 'projectId' in input ? rosterAnnexOfProject(ctx.store, input.projectId) : undefined; // 名册附表 of a project built from the roster
      return filePayload(await budgetWorkbook(budget, { preparedBy: input.preparedBy, date: input.date, bid, rosterAnnex }));
    },
  }),

  'excel.exportGuide': storeOperation({
    title: '导出指导价',
    input: z.strictObject({ guideId: id, versionId: id }),
    async run(ctx, input): Promise<FilePayload> {
      return filePayload(await guideVersionWorkbook(ctx.store, input.guideId, input.versionId));
    },
  }),

  'excel.guideTemplate': storeOperation({
    title: '下载指导价导入模板',
    input: noInput,
    async run(): Promise<FilePayload> {
      return filePayload(await guideImportTemplate());
    },
  }),

  'excel.importGuide': storeOperation({
    title: '导入指导价',
    input: z.strictObject({
      base64: z.string({ error: '缺少文件内容 / base64 is required' }).min(1).max(MAX_BASE64, '文件过大（超过 20 MB）'),
      fileName: nonEmptyText,
      target: z.discriminatedUnion('mode', [z.strictObject({ mode: z.literal('new') }), z.strictObject({ mode: z.literal('version'), guideId: id })], {
        error: 'target 须为 { mode: "new" } 或 { mode: "version", guideId }',
      }),
    }),
    async run(ctx, input): Promise<StoredPayGuide & { notices: string[] }> {
      const imported = await importGuideWorkbook(ctx.store, Buffer.from(input.base64, 'base64'), input.fileName, input.target);
      if (!imported.ok) {
        const { problems } = imported;
        const shown = problems.slice(0, 10).map((p) => `${p.cell}: ${p.message}`);
        const more = problems.length > 10 ? `……共 ${problems.length} 处` : '';
        throw new ApiFailure(
          'INVALID_INPUT',
          `导入指导价：“${input.fileName}”有 ${problems.length} 处问题，未写入任何数据 — ${shown.join('；')}${more}`,
          problems.map((p) => ({ path: p.cell, message: p.message })),
        );
      }
      return { ...imported.guide, notices: imported.notices };
    },
  }),
};
