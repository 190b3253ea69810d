import { parentPort } from 'node:worker_threads';
import { type ParseJob, type WorkerMessage, answerParseJob } from './parseJobs';

/**
 * The parsing worker's entry (parseInWorker.ts starts it; electron/build.mjs bundles it to
 * dist-electron/parseWorker.cjs). It answers one job at a time, in the order they come, and
 * reports each job's progress before its answer.
 */
if (parentPort) {
  const port = parentPort;
  let queue = Promise.resolve();
  port.on('message', (message: { id: number; job: ParseJob }) => {
    const post = (m: WorkerMessage) => port.postMessage(m);
    queue = queue.then(async () =>
      post({ id: message.id, answer: await answerParseJob(message.job, (fraction, label) => post({ id: message.id, progress: { fraction, label } })) }),
    );
  });
}
