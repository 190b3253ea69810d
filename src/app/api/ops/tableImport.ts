import { z } from 'zod';
import { nonEmptyText, optionalText, periodMonths, yearMonth } from '../../../core/spec/fields';
import { importTables } from '../../services/tableImport';
import { recordId } from '../schemas';
import { storeOperation } from './storeErrors';

/**
 * Bids from other templates (docs/design.md §Excel workbooks, "Bids from other templates"): a staff and a cost table
 * from a file or a paste, previewed (`commit: false`: the guessed columns, every bad cell) and then made into a new
 * project (`commit: true`, refused with every problem's place when any remains).
 */
/** 20 MB of xlsx as base64 */
const MAX_BASE64 = 28_000_000;

const tableSource = z
  .strictObject({
    fileName: nonEmptyText.optional(),
    base64: z.string().min(1).max(MAX_BASE64, '文件过大（超过 20 MB）/ file larger than 20 MB').optional(),
    text: z.string().max(20_000_000, '粘贴的内容过大 / the pasted text is too large').optional(),
    sheet: z.string().trim().min(1).max(100).optional(),
    headerRow: z.number().int().positive().max(1_048_576).optional(),
    mapping: z.array(z.string().max(40).nullable()).max(200).optional(),
  })
  .refine((s) => s.text !== undefined || (s.fileName !== undefined && s.base64 !== undefined), {
    path: ['fileName'],
    message: '请选择文件或粘贴表格 / a file (fileName and base64) or a paste (text) is required',
  });

export const tableImportOps = {
  'projects.importTables': storeOperation({
    title: '从表格导入项目',
    input: z.strictObject({
      project: z.strictObject({
        name: nonEmptyText,
        purchaser: optionalText.optional(),
        provider: optionalText.optional(),
        periodStart: yearMonth,
        periodMonths,
        guideId: recordId,
        contributionSetId: recordId,
      }),
      staff: tableSource.optional(),
      costs: tableSource.optional(),
      /** false: the preview only; true: create the project when nothing is wrong */
      commit: z.boolean(),
    }),
    run: (ctx, input) => {
      const source = (s: z.output<typeof tableSource> | undefined) =>
        s && { ...s, bytes: s.base64 === undefined ? undefined : new Uint8Array(Buffer.from(s.base64, 'base64')) };
      return importTables(ctx.store, input.project, { staff: source(input.staff), costs: source(input.costs) }, input.commit);
    },
  }),
};
