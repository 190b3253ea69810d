import { PaybenchStore } from '../../../db/store';
import { workedProject } from '../workedExample';

/**
 * A second instance creating projects (test/db/concurrency.test.ts): opens the file, prints
 * `ready`, waits for a line on stdin so that both instances start at the same moment, then creates
 * `count` projects named `<tag>-<i>`, each save its own transaction, as fast as it can. Prints one
 * JSON line: the ids it was given and every refusal's message.
 *   creator FILE TAG COUNT GUIDE_ID SET_ID
 */
const [file, tag, countText, guideId, setId] = process.argv.slice(2) as [string, string, string, string, string];
const store = PaybenchStore.open(file, { seed: false });
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  const created: number[] = [];
  const errors: string[] = [];
  for (let i = 0; i < Number(countText); i++) {
    try {
      created.push(store.projects.create({ ...workedProject(Number(guideId), Number(setId)), name: `${tag}-${i}` }).id);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  store.close();
  process.stdout.write(JSON.stringify({ created, errors }) + '\n');
  process.exit(0);
});
