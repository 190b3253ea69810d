import fs from 'node:fs';
import { PaybenchStore } from '../../../db/store';
import { SAVED_PREFIX, savedProject } from './savedContent';

/**
 * The kill-loop child (test/db/killLoop.test.ts): saves projects in a loop until it is killed.
 * Keeps three projects of its own, and saves each in turn with the content of its next revision
 * (savedContent.ts). After a save returns — committed — it prints `ack <id> <revision>`; the
 * parent holds the store to every line it saw. The write is synchronous, so a printed line is a
 * save that had returned.
 *   saver FILE GUIDE_ID SET_ID
 */
const [file, guideId, setId] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number];
const store = PaybenchStore.open(file, { seed: false });
const say = (line: string) => fs.writeSync(1, line + '\n');
say('ready');
for (let n = 0; ; n++) {
  const mine = store.projects.list().filter((p) => p.name.startsWith(SAVED_PREFIX));
  if (mine.length < 3) {
    const name = `${SAVED_PREFIX} ${mine.length + 1}`;
    const created = store.projects.create(savedProject(name, 1, guideId, setId));
    say(`ack ${created.id} ${created.revision}`);
    continue;
  }
  const target = mine[n % mine.length]!;
  const saved = store.projects.update(target.id, savedProject(target.name, target.revision + 1, guideId, setId), target.revision);
  say(`ack ${saved.id} ${saved.revision}`);
}
