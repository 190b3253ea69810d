import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type JobHandle, currentJob } from './jobs';
import { type ParseAnswer, type ParseJob, type ParseResults, type WorkerMessage, errorOfAnswer, runParseJob } from './parseJobs';

/**
 * File imports parse in a worker thread with a heap limit and a time limit, so that no file a user
 * picks can freeze or kill the host — the Electron main process or browser mode's server — that
 * serves every other call (docs/design.md §Data flow). The readers already refuse a file beyond
 * their limits before parsing it (src/core/excel/readers/xlsxGuard.ts); the worker is the second
 * wall, for whatever those limits did not foresee: running out of its heap or its time ends the
 * worker, not the host, and the user gets a clear refusal.
 *
 * Which worker script: next to this module's bundle, `parseWorker.cjs` (electron/build.mjs writes
 * dist-electron/parseWorker.cjs beside main.cjs); else, running from source under tsx or vitest,
 * `parseWorker.ts` loaded through tsx's loader. Where neither can start, the job runs in the calling
 * thread, still within the readers' limits.
 *
 * Run inside a job (jobs.ts), the worker's progress messages move the job's bar, and cancelling
 * the job ends the worker: the caller gets ParseAbortedError('cancelled') and nothing — no parsed
 * rows to import, no workbook bytes to save.
 */
export interface ParseLimits {
  timeoutMs: number;
  /** the worker's old-generation heap; a parse that needs more ends with ERR_WORKER_OUT_OF_MEMORY */
  maxOldGenerationSizeMb: number;
}

/** A 200,000-row community list parses in about 3 s on an office PC; 60 s leaves room for a slow one. */
export const PARSE_LIMITS: ParseLimits = { timeoutMs: 60_000, maxOldGenerationSizeMb: 512 };

/** A worker kept after an import is ended after this long unused. */
const IDLE_MS = 15_000;

export class ParseAbortedError extends Error {
  constructor(
    readonly reason: 'memory' | 'timeout' | 'crashed' | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'ParseAbortedError';
  }
}

export type WorkerScript = { kind: 'bundle'; file: string } | { kind: 'source'; code: string };

/** The worker script beside the module at `moduleUrl`, or null when there is none that can start. */
export function parseWorkerScript(moduleUrl: string): WorkerScript | null {
  const bundled = fileURLToPath(new URL('./parseWorker.cjs', moduleUrl));
  if (fs.existsSync(bundled)) return { kind: 'bundle', file: bundled };
  const source = new URL('./parseWorker.ts', moduleUrl);
  if (!fs.existsSync(fileURLToPath(source))) return null;
  let api: string;
  try {
    // tsx's ESM API (its CommonJS twin cannot register the loader from inside a worker)
    api = createRequire(moduleUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
  } catch {
    return null;
  }
  if (!fs.existsSync(api)) return null;
  return {
    kind: 'source',
    code: `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`,
  };
}

let script: WorkerScript | null | undefined;
function workerScript(): WorkerScript | null {
  if (script === undefined) script = parseWorkerScript(import.meta.url);
  return script;
}

function startWorker(s: WorkerScript, limits: ParseLimits): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, stackSizeMb: 4 } };
  const worker = s.kind === 'bundle' ? new Worker(s.file, options) : new Worker(s.code, { ...options, eval: true });
  // an 'error' with no listener would be thrown in the host: every failure is answered per job below
  worker.on('error', () => {});
  return worker;
}

let idle: { worker: Worker; timer: NodeJS.Timeout; onExit: () => void } | null = null;
let lastId = 0;

function keepIdle(worker: Worker): void {
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  const onExit = () => {
    if (idle?.worker !== worker) return;
    clearTimeout(idle.timer);
    idle = null;
  };
  idle = { worker, timer, onExit };
  worker.once('exit', onExit);
}

function takeIdle(): Worker | null {
  if (!idle) return null;
  const { worker, timer, onExit } = idle;
  idle = null;
  clearTimeout(timer);
  // a worker reused many times must not gather one exit listener per use
  worker.off('exit', onExit);
  worker.ref();
  return worker;
}

const mb = (n: number) => `${n} MB`;

/**
 * The share of a job's bar the worker's part fills: the host's own steps before (sending the file)
 * and after (writing the import to the database, encoding the file) take the rest.
 */
export const WORKER_SHARE = { from: 0.05, to: 0.9 } as const;

/** A job that writes a workbook (rather than reading a file): its messages say what was not written. */
const writes = (job: ParseJob) => job.kind === 'budgetWorkbook' || job.kind === 'planWorkbook' || job.kind === 'rosterWorkbook';

function cancelledError(job: ParseJob): ParseAbortedError {
  const [what, nothing] = writes(job) ? ['生成', '未写出任何文件'] : ['导入', '未导入任何数据'];
  return new ParseAbortedError('cancelled', `已取消${what}“${job.fileName}”，${nothing} / cancelled; nothing was ${writes(job) ? 'written' : 'imported'}`);
}

function reportTo(handle: JobHandle | null) {
  return (fraction: number, label: string) => handle?.progress(WORKER_SHARE.from + (WORKER_SHARE.to - WORKER_SHARE.from) * fraction, label);
}

function ask(worker: Worker, job: ParseJob, limits: ParseLimits, handle: JobHandle | null): Promise<ParseAnswer> {
  const id = ++lastId;
  const name = job.fileName;
  // a workbook being written has nothing imported: its messages say what was not written
  const reading = writes(job) ? '生成' : '读取';
  const nothing = writes(job) ? '未写出任何文件' : '未导入任何数据';
  return new Promise<ParseAnswer>((resolve, reject) => {
    const fail = (e: ParseAbortedError) => {
      cleanup();
      void worker.terminate();
      reject(e);
    };
    const report = reportTo(handle);
    const onMessage = (m: WorkerMessage) => {
      if (m.id !== id) return;
      if ('progress' in m) return report(m.progress.fraction, m.progress.label);
      cleanup();
      resolve(m.answer);
    };
    const onAbort = () => fail(cancelledError(job));
    const onError = (e: Error & { code?: string }) =>
      fail(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ParseAbortedError(
              'memory',
              `${reading}“${name}”时用尽了为导入预留的内存（${mb(limits.maxOldGenerationSizeMb)}），已停止：文件过大或内容异常，${nothing} / parsing ran out of memory`,
            )
          : new ParseAbortedError('crashed', `${reading}“${name}”时出错，已停止，${nothing}：${e.message} / parsing failed`),
      );
    const onExit = (code: number) =>
      fail(new ParseAbortedError('crashed', `${reading}“${name}”的进程意外退出（代码 ${code}），${nothing} / the parser exited`));
    const timer = setTimeout(
      () =>
        fail(
          new ParseAbortedError(
            'timeout',
            `${reading}“${name}”超过 ${Number((limits.timeoutMs / 1000).toFixed(1))} 秒仍未完成，已停止：文件过大或内容异常，${nothing} / parsing timed out`,
          ),
        ),
      limits.timeoutMs,
    );
    function cleanup() {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      handle?.signal.removeEventListener('abort', onAbort);
    }
    if (handle?.signal.aborted) return fail(cancelledError(job));
    handle?.signal.addEventListener('abort', onAbort);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // copied, not transferred: the caller's bytes may share their memory with other buffers
    worker.postMessage({ id, job });
  });
}

/**
 * Runs one parse job in a worker (reusing the one kept from the last import, with the default
 * limits) and answers its result; the readers' own errors (CommunityImportError …) are thrown as
 * they were raised. A worker out of memory or time throws ParseAbortedError.
 */
export async function parseInWorker<K extends ParseJob['kind']>(job: ParseJob & { kind: K }, limits: ParseLimits = PARSE_LIMITS): Promise<ParseResults[K]> {
  const handle = currentJob();
  const s = workerScript();
  if (!s) return (await inThisThread(job, handle)) as ParseResults[K];
  const reusable = limits === PARSE_LIMITS;
  let worker = reusable ? takeIdle() : null;
  if (!worker) {
    try {
      worker = startWorker(s, limits);
    } catch {
      return (await inThisThread(job, handle)) as ParseResults[K];
    }
  }
  const answer = await ask(worker, job, limits, handle);
  if (reusable && !idle) keepIdle(worker);
  else void worker.terminate();
  if (answer.ok) return answer.value as ParseResults[K];
  throw errorOfAnswer(answer.error);
}

/** Where no worker can start: the job in the calling thread, its answer dropped if the job was cancelled meanwhile. */
async function inThisThread(job: ParseJob, handle: JobHandle | null): Promise<ParseResults[ParseJob['kind']]> {
  if (handle?.signal.aborted) throw cancelledError(job);
  const value = await runParseJob(job, reportTo(handle));
  if (handle?.signal.aborted) throw cancelledError(job);
  return value;
}
