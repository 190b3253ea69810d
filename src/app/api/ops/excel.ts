import { z } from 'zod';
import { computeBudget } from '../../../core/budget/compute';
import { budgetModelFromSpec } from '../../../core/budget/fromSpec';
import { budgetWorkbookBuffer } from '../../../core/excel/budgetWorkbook';
import { parseGuideWorkbook } from '../../../core/excel/readers/guideImport';
import { guideTemplateBuffer, guideWorkbookBuffer } from '../../../core/excel/guideWorkbook';
import type { StoredPayGuide } from '../../../core/guides/schema';
import { budgetSpecSchema } from '../../../core/spec/budgetSpec';
import { isoDate, nonEmptyText } from '../../../core/spec/fields';
import { ApiFailure } from '../dispatch';
import type { FilePayload } from '../operation';
import { storeOperation } from './storeErrors';

/** Excel (issue 3): the budget workbook, a pay guide to and from the import template. */
const id = z.number({ error: '必须是编号 / must be an id' }).int().positive();
const signOff = { preparedBy: z.string().max(100).optional(), date: isoDate.optional() };
/** 20 MB of xlsx, as base64 */
const MAX_BASE64 = 28_000_000;

/** A file name Windows and the domestic Linux desktops all accept. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 120) || '导出';
}

const payload = (fileName: string, buffer: Buffer): FilePayload => ({ fileName: safeFileName(fileName), base64: buffer.toString('base64') });

export const excelOps = {
  'excel.exportBudget': storeOperation({
    title: '导出预算工作簿',
    input: z.union([z.strictObject({ projectId: id, ...signOff }), z.strictObject({ spec: budgetSpecSchema, ...signOff })], {
      error: '须给出 projectId（已保存的项目）或 spec（预算文件）/ give projectId or spec',
    }),
    async run(ctx, input): Promise<FilePayload> {
      const spec = 'projectId' in input ? ctx.store.resolveProjectSpec(input.projectId) : ctx.store.resolveGuideRef(input.spec);
      const result = computeBudget(budgetModelFromSpec(spec));
      const buffer = await budgetWorkbookBuffer(result, spec, { preparedBy: input.preparedBy, date: input.date });
      return payload(`${spec.name}-预算.xlsx`, buffer);
    },
  }),

  'excel.exportGuide': storeOperation({
    title: '导出指导价',
    input: z.strictObject({ guideId: id, versionId: id }),
    async run(ctx, input): Promise<FilePayload> {
      const guide = ctx.store.guides.get(input.guideId);
      const version = guide.versions.find((v) => v.id === input.versionId);
      if (!version) throw new ApiFailure('NOT_FOUND', `指导价“${guide.name}”没有编号为 ${input.versionId} 的版本`);
      const { id: _id, guideId: _g, ...plain } = version;
      return payload(`${guide.name}-${version.label}.xlsx`, await guideWorkbookBuffer(guide, plain));
    },
  }),

  'excel.guideTemplate': storeOperation({
    title: '下载指导价导入模板',
    input: z.strictObject({}).default({}),
    async run(): Promise<FilePayload> {
      return payload('薪酬指导价导入模板.xlsx', await guideTemplateBuffer());
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
      const parsed = await parseGuideWorkbook(Buffer.from(input.base64, 'base64'), input.fileName);
      if (!parsed.ok) {
        const shown = parsed.problems.slice(0, 10).map((p) => `${p.cell}: ${p.message}`);
        const more = parsed.problems.length > 10 ? `……共 ${parsed.problems.length} 处` : '';
        throw new ApiFailure(
          'INVALID_INPUT',
          `导入指导价：“${input.fileName}”有 ${parsed.problems.length} 处问题，未写入任何数据 — ${shown.join('；')}${more}`,
          parsed.problems.map((p) => ({ path: p.cell, message: p.message })),
        );
      }
      // each repository call is one transaction: the guide and its version are written together or not at all
      const stored =
        input.target.mode === 'new'
          ? ctx.store.guides.create({ ...parsed.guide, versions: [parsed.version] })
          : (ctx.store.guides.addVersion(input.target.guideId, parsed.version), ctx.store.guides.get(input.target.guideId));
      return { ...stored, notices: parsed.notices };
    },
  }),
};
