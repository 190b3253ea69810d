import { message } from 'antd';
import { api, type ApiInput, type ApiOutput } from '../api';

/**
 * Short waits (a plan run): a persistent loading notice with elapsed seconds until the promise
 * settles, so the user sees the app is working and nothing is clicked twice. Imports and exports
 * run as jobs instead (runJob below; JobProgress.tsx shows them with a bar and 取消).
 */
let counter = 0;

export async function withProgress<T>(label: string, work: () => Promise<T>): Promise<T> {
  const key = `progress-${++counter}`;
  const started = Date.now();
  const show = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    void message.loading({ key, content: seconds > 0 ? `${label}（${seconds} 秒）` : label, duration: 0 });
  };
  show();
  const timer = setInterval(show, 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    message.destroy(key);
  }
}

/**
 * Long work as a job (docs/design.md §Data flow, Long work: progress and cancel): `jobs.start`,
 * then `jobs.progress` every 200 ms until the job ends, `jobs.cancel` when the user asks. The same
 * calls in Electron and in browser mode. Resolves the operation's answer, or null when the job was
 * cancelled (nothing was imported or written); a failure throws the operation's own error.
 */
export type JobOperation = ApiInput<'jobs.start'>['op'];

export interface JobView {
  /** 0..100 */
  percent: number;
  /** the stage, as the host names it (读取工作簿, 写出工作簿 …) */
  stage: string;
  seconds: number;
  /** the user asked to cancel; the job has not yet stopped */
  cancelling: boolean;
}

export interface JobControl {
  /** asks the job to stop; resolves when the request was sent */
  cancel(): void;
}

export const POLL_MS = 200;

export async function runJob<K extends JobOperation>(
  op: K,
  input: ApiInput<K>,
  onView: (view: JobView, control: JobControl) => void,
): Promise<ApiOutput<K> | null> {
  const { jobId } = await api['jobs.start']({ op, input });
  let cancelling = false;
  const control: JobControl = {
    cancel() {
      if (cancelling) return;
      cancelling = true;
      // the poll below sees the job end as cancelled (or as it had already ended)
      api['jobs.cancel']({ jobId }).catch(() => {});
    },
  };
  for (;;) {
    const p = await api['jobs.progress']({ jobId });
    if (p.status === 'done') return p.value as ApiOutput<K>;
    if (p.status === 'cancelled') return null;
    onView({ percent: p.percent, stage: p.label, seconds: p.seconds, cancelling }, control);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
