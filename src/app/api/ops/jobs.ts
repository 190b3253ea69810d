import { z } from 'zod';
import { ValidationError, zodProblems } from '../../../core/spec/fields';
import { JobError, cancelJob, startJob, takeJobOutcome } from '../../services/jobs';
import { ApiFailure } from '../errors';
import { type ApiContext, type Operation, defineOperation } from '../operation';
import { excelOps } from './excel';
import { planOps } from './plan';
import { reviewOps } from './review';
import { compareOps } from './compare';
import { rosterOps } from './roster';
import { tableImportOps } from './tableImport';

/**
 * Long work as jobs (docs/design.md §Data flow, Long work: progress and cancel): the renderer
 * starts an operation of the list below with `jobs.start`, polls `jobs.progress` for its percentage
 * and, once it has ended, its answer — exactly what the plain call would have answered — and may
 * `jobs.cancel` it. One mechanism for every transport: these are ordinary operations, so Electron's
 * IPC and browser mode's HTTP carry them as they carry the rest.
 *
 * `discardOnCancel`: the operation only answers (a parse, a workbook's bytes), so a cancel always
 * wins; an operation that writes (the guide import) reports what it did when its write was done
 * before the cancel came — its write is one transaction, never a part of one.
 */
const JOB_OPERATIONS = {
  'excel.importGuide': { op: excelOps['excel.importGuide'], discardOnCancel: false },
  'excel.exportBudget': { op: excelOps['excel.exportBudget'], discardOnCancel: true },
  'plan.importCommunities': { op: planOps['plan.importCommunities'], discardOnCancel: true },
  'plan.exportWorkbook': { op: planOps['plan.exportWorkbook'], discardOnCancel: true },
  'roster.preview': { op: rosterOps['roster.preview'], discardOnCancel: true },
  'roster.import': { op: rosterOps['roster.import'], discardOnCancel: false },
  'roster.export': { op: rosterOps['roster.export'], discardOnCancel: true },
  'review.bids': { op: reviewOps['review.bids'], discardOnCancel: true },
  'review.report': { op: reviewOps['review.report'], discardOnCancel: true },
  'projects.compareWorkbook': { op: compareOps['projects.compareWorkbook'], discardOnCancel: true },
  // 从表格导入: a preview only answers; a commit writes the project, and stops before writing when cancelled
  'projects.importTables': { op: tableImportOps['projects.importTables'], discardOnCancel: false },
} as const satisfies Record<string, { op: Operation<z.ZodType, unknown>; discardOnCancel: boolean }>;

export type JobOperationName = keyof typeof JOB_OPERATIONS;
const JOB_NAMES = Object.keys(JOB_OPERATIONS) as [JobOperationName, ...JobOperationName[]];

const jobId = z.string({ error: '必须是任务编号 / must be a job id' }).uuid('必须是任务编号 / must be a job id');

/** A job's failure as the plain call would have answered it (dispatch.ts does the same for a call). */
function asFailure(title: string, e: unknown): ApiFailure {
  if (e instanceof ApiFailure) return e;
  if (e instanceof ValidationError) return new ApiFailure('INVALID_INPUT', `${title}：${e.message}`, e.problems);
  if (e instanceof JobError) return new ApiFailure(e.reason === 'NOT_FOUND' ? 'NOT_FOUND' : 'CONFLICT', e.message);
  return new ApiFailure('FAILED', `${title}失败：${e instanceof Error ? e.message : String(e)}`);
}

function jobCall<T>(title: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw asFailure(title, e);
  }
}

export const jobOps = {
  /** starts one of the long operations; its input is validated now, so a bad request fails at once */
  'jobs.start': defineOperation({
    title: '开始任务',
    input: z.strictObject({ op: z.enum(JOB_NAMES, { error: `只能是：${JOB_NAMES.join('、')}` }), input: z.unknown() }),
    run: (ctx: ApiContext, input) => {
      const { op, discardOnCancel } = JOB_OPERATIONS[input.op] as { op: Operation<z.ZodType, unknown>; discardOnCancel: boolean };
      const parsed = op.input.safeParse(input.input);
      if (!parsed.success) {
        const problems = zodProblems(parsed.error).map((p) => ({ ...p, path: p.path === '(root)' ? 'input' : `input.${p.path}` }));
        throw new ApiFailure('INVALID_INPUT', `${op.title}：输入有误 — ${problems.map((p) => `${p.path}: ${p.message}`).join('；')}`, problems);
      }
      const id = jobCall(op.title, () =>
        startJob(op.title, (job) => Promise.resolve(op.run({ ...ctx, progress: (fraction, label) => job.progress(fraction, label) }, parsed.data)), {
          discardOnCancel,
        }),
      );
      return { jobId: id };
    },
  }),

  /**
   * The job's percentage and stage; once it has ended, its answer (`value`, as the operation
   * answers) — handed out once. A job that failed answers the operation's own error.
   */
  'jobs.progress': defineOperation({
    title: '查询任务进度',
    input: z.strictObject({ jobId }),
    run: (_ctx, input) => {
      const { snapshot, value, error } = jobCall('查询任务进度', () => takeJobOutcome(input.jobId));
      if (snapshot.status === 'failed') throw asFailure(snapshot.title, error);
      return { ...snapshot, value };
    },
  }),

  /** asks the job to stop; it then ends as cancelled (or as it had already ended) */
  'jobs.cancel': defineOperation({
    title: '取消任务',
    input: z.strictObject({ jobId }),
    run: (_ctx, input) => jobCall('取消任务', () => cancelJob(input.jobId)),
  }),
};
