import { z } from 'zod';
import { reviewReportBuffer } from '../../../core/excel/review/reviewReport';
import type { FindingCode } from '../../../core/review/findings';
import { canonicalJson, sha256Hex } from '../../../core/review/canonicalJson';
import { serializeBudgetSpec } from '../../../core/spec/budgetSpec';
import { ValidationError, isoDate, nonEmptyText } from '../../../core/spec/fields';
import { projectSpec } from '../../services/budget';
import { InvalidRequestError } from '../../services/errors';
import { type ReviewOutcome, reviewBidFiles } from '../../services/review';
import { filePayload } from '../files';
import type { FilePayload } from '../operation';
import { recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/** Review of bid workbooks (docs/design.md §Excel workbooks, "Review"): the bids, their 审核意见表, a project's spec as JSON. */

/** 20 MB of xlsx as base64, per file; at most 50 files a call (the bench's 50 bids) */
const MAX_BASE64 = 28_000_000;
const MAX_FILES = 50;

const options = {
  guide: z.string().trim().min(1).max(200).optional(),
  /** a version of that guide (or of each bid's own): its label, or a date (YYYY-MM-DD, YYYY-MM) it is in force on */
  guideVersion: z.string().trim().min(1).max(200).optional(),
  contributions: z.string().trim().min(1).max(200).optional(),
  tolerancePercent: z.string().trim().max(20).optional(),
};

const findingSchema = z.strictObject({
  code: z.string().max(60),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string().max(100).nullable(),
  cell: z.string().max(20).nullable(),
  message: z.string().max(2000),
  expected: z.string().max(2000).nullable(),
  found: z.string().max(2000).nullable(),
});

const bidSchema = z.strictObject({
  file: z.string().max(300),
  name: z.string().max(300),
  total: z.string().max(40).nullable(),
  verdict: z.enum(['pass', 'revise', 'reject']),
  counts: z.strictObject({ error: z.number().int().min(0), warning: z.number().int().min(0), info: z.number().int().min(0) }),
  comparedWith: z.strictObject({
    // a bid across guide versions names each official version it was checked against
    guide: z.string().max(2000).nullable(),
    contributions: z.string().max(300).nullable(),
    guideBasis: z.enum(['picked', 'auto']),
    contributionsBasis: z.enum(['picked', 'auto']),
  }),
  findings: z.array(findingSchema).max(100_000),
});

export const reviewOps = {
  'review.bids': storeOperation({
    title: '审核投标预算工作簿',
    input: z.strictObject({
      files: z
        .array(
          z.strictObject({
            fileName: nonEmptyText,
            base64: z.string({ error: '缺少文件内容 / base64 is required' }).min(1).max(MAX_BASE64, '文件过大（超过 20 MB）'),
          }),
        )
        .min(1, '请至少选择一个预算工作簿 / at least one file')
        .max(MAX_FILES, `一次最多审核 ${MAX_FILES} 个文件 / at most ${MAX_FILES} files`),
      ...options,
    }),
    async run(ctx, input): Promise<ReviewOutcome> {
      const files = input.files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64') }));
      try {
        return await reviewBidFiles(ctx.store, files, {
          guide: input.guide,
          guideVersion: input.guideVersion,
          contributions: input.contributions,
          tolerancePercent: input.tolerancePercent,
        });
      } catch (e) {
        // the tolerance, and a guide, version or contribution set the store has not, are what the service refuses
        if (e instanceof ValidationError) throw new InvalidRequestError(e.message);
        throw e;
      }
    },
  }),

  'review.report': storeOperation({
    title: '导出审核意见表',
    input: z.strictObject({
      bids: z.array(bidSchema).max(MAX_FILES),
      unreadable: z.array(z.strictObject({ file: z.string().max(300), message: z.string().max(4000) })).max(MAX_FILES),
      date: isoDate.optional(),
    }),
    async run(ctx, input): Promise<FilePayload> {
      const bids = input.bids.map((b) => ({ ...b, findings: b.findings.map((f) => ({ ...f, code: f.code as FindingCode })) }));
      ctx.progress?.(0.1, '写出工作簿');
      const bytes = await reviewReportBuffer(bids, input.unreadable, { date: input.date });
      ctx.progress?.(0.9, '已写出');
      return filePayload({ fileName: `审核意见表-${input.date ?? new Date().toISOString().slice(0, 10)}.xlsx`, bytes });
    },
  }),

  /** A stored project's spec as the JSON file a bid package carries, with its SHA-256 over the canonical JSON. */
  'review.specFile': storeOperation({
    title: '导出预算数据（JSON）',
    input: z.strictObject({ projectId: id }),
    run(ctx, input): FilePayload & { sha256: string } {
      const spec = projectSpec(ctx.store, input.projectId);
      const file = filePayload({ fileName: `${spec.name}-预算数据.json`, bytes: Buffer.from(serializeBudgetSpec(spec), 'utf8') });
      return { ...file, sha256: sha256Hex(canonicalJson(spec)) };
    },
  }),
};
