import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Long work the user waits for — an import, a workbook export — as a job: started, asked for its
 * progress, cancelled (docs/design.md §Data flow, Long work: progress and cancel). The work runs as
 * it would as a plain call; while it runs, `currentJob()` gives whatever it calls (the parsing
 * worker, parseInWorker.ts) a way to report progress and to hear a cancel, without every service
 * between the two passing them along.
 *
 * Cancelling leaves nothing half done: the worker that parses a file or writes a workbook is ended
 * and answers nothing, so no row is imported and no file is written; a job whose work had already
 * finished when the cancel came reports what it did.
 */
export interface JobHandle {
  readonly signal: AbortSignal;
  /** how far the work is (0..1) and what it is doing */
  progress(fraction: number, label?: string): void;
}

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobSnapshot {
  id: string;
  /** what the job does, as its operation is titled */
  title: string;
  status: JobStatus;
  /** 0..100, whole */
  percent: number;
  label: string;
  /** seconds since the job started */
  seconds: number;
}

interface Job<T> {
  id: string;
  title: string;
  status: JobStatus;
  fraction: number;
  label: string;
  started: number;
  finished: number | null;
  controller: AbortController;
  /** the work's own answer: what it returned, or what it threw */
  outcome: { ok: true; value: T } | { ok: false; error: unknown } | null;
  /** a cancel after the work finished does not undo it when the work had effects (an import) */
  discardOnCancel: boolean;
}

/** Jobs at once, per host: a page starts one at a time; more is a runaway caller. */
export const MAX_RUNNING_JOBS = 8;
/** A finished job is forgotten this long after it ended, if nobody came for its result. */
const KEEP_FINISHED_MS = 10 * 60_000;

const jobs = new Map<string, Job<unknown>>();
const context = new AsyncLocalStorage<JobHandle>();

export class JobError extends Error {
  constructor(
    readonly reason: 'NOT_FOUND' | 'BUSY',
    message: string,
  ) {
    super(message);
    this.name = 'JobError';
  }
}

/** The job the calling code runs in, if any. */
export function currentJob(): JobHandle | null {
  return context.getStore() ?? null;
}

function forgetOld(now: number): void {
  for (const [id, job] of jobs) if (job.finished !== null && now - job.finished > KEEP_FINISHED_MS) jobs.delete(id);
}

/**
 * Starts `work` in the background and answers its id at once. `discardOnCancel`: the work has no
 * effect beyond its answer (an export, a parse), so a cancel that comes after it finished still
 * cancels it — its answer is thrown away.
 */
export function startJob<T>(title: string, work: (job: JobHandle) => Promise<T>, options: { discardOnCancel: boolean }): string {
  const now = Date.now();
  forgetOld(now);
  const running = [...jobs.values()].filter((j) => j.status === 'running').length;
  if (running >= MAX_RUNNING_JOBS) throw new JobError('BUSY', `已有 ${running} 项任务在进行，请等其完成或取消后再试 / too many jobs running`);
  const job: Job<T> = {
    id: randomUUID(),
    title,
    status: 'running',
    fraction: 0,
    label: '',
    started: now,
    finished: null,
    controller: new AbortController(),
    outcome: null,
    discardOnCancel: options.discardOnCancel,
  };
  jobs.set(job.id, job as Job<unknown>);
  const handle: JobHandle = {
    signal: job.controller.signal,
    progress(fraction, label) {
      if (job.status !== 'running' || !(fraction >= 0)) return;
      // progress only rises: stages report their own share, never a step back
      job.fraction = Math.max(job.fraction, Math.min(fraction, 1));
      if (label !== undefined) job.label = label;
    },
  };
  const settle = (outcome: NonNullable<Job<T>['outcome']>) => {
    job.finished = Date.now();
    const aborted = job.controller.signal.aborted;
    if (aborted && (!outcome.ok || job.discardOnCancel)) {
      job.status = 'cancelled';
      job.outcome = null;
      return;
    }
    job.outcome = outcome;
    job.status = outcome.ok ? 'done' : 'failed';
    if (outcome.ok) job.fraction = 1;
  };
  void context.run(handle, async () => {
    try {
      settle({ ok: true, value: await work(handle) });
    } catch (error) {
      settle({ ok: false, error });
    }
  });
  return job.id;
}

function find(id: string): Job<unknown> {
  const job = jobs.get(id);
  if (!job) throw new JobError('NOT_FOUND', `没有这项任务（已完成并取走结果，或已过期）/ no such job`);
  return job;
}

export function jobSnapshot(id: string): JobSnapshot {
  const job = find(id);
  return {
    id: job.id,
    title: job.title,
    status: job.status,
    percent: Math.floor(job.fraction * 100),
    label: job.label,
    seconds: Math.floor(((job.finished ?? Date.now()) - job.started) / 1000),
  };
}

/**
 * The job's state and, once it has ended, its answer — handed out once: the job is then forgotten.
 * A failed job gives what its work threw, for the caller to report as the plain call would.
 */
export function takeJobOutcome(id: string): { snapshot: JobSnapshot; value?: unknown; error?: unknown } {
  const snapshot = jobSnapshot(id);
  const job = find(id);
  if (job.status === 'running') return { snapshot };
  jobs.delete(id);
  if (!job.outcome) return { snapshot };
  return job.outcome.ok ? { snapshot, value: job.outcome.value } : { snapshot, error: job.outcome.error };
}

/** Asks the job to stop; answers its state (a job that had already ended stays as it ended). */
export function cancelJob(id: string): JobSnapshot {
  const job = find(id);
  if (job.status === 'running') job.controller.abort();
  return jobSnapshot(id);
}

/** Waits until a job has ended (for the CLI and the tests; the renderer polls). */
export async function waitForJob(id: string, pollMs = 20): Promise<JobSnapshot> {
  for (;;) {
    const s = jobSnapshot(id);
    if (s.status !== 'running') return s;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
