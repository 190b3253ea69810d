import { parentPort } from 'node:worker_threads';
import { type ParseJob, answerParseJob } from './parseJobs';

/**
 * The parsing worker's entry (parseInWorker.ts starts it; electron/build.mjs bundles it to
 * dist-electron/parseWorker.cjs). It answers one job at a time, in the order they come.
 */
if (parentPort) {
  const port = parentPort;
  let queue = Promise.resolve();
  port.on('message', (message: { id: number; job: ParseJob }) => {
    queue = queue.then(async () => port.postMessage({ id: message.id, answer: await answerParseJob(message.job) }));
  });
}
