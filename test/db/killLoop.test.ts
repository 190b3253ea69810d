import { afterAll, describe, expect, it } from 'vitest';
import { projectSchema } from '../../src/core/projects/schema';
import { PaybenchStore } from '../../db/store';
import { removeChildBundles, startChild } from './children';
import { savedProject } from './children/savedContent';
import { tempDbFile } from './tempDb';
import { workedContributions, workedGuide } from './workedExample';

/**
 * Power cut, crash, Task Manager: a child process saves projects in a loop (children/saver.ts) and
 * is killed with SIGKILL at a random moment, again and again, on the same file. After every kill
 * the database must pass `PRAGMA integrity_check`, and every save the child had acknowledged —
 * the save had returned, so the user saw 已保存 — must be there, whole: the stored project is
 * exactly the content of its stored revision, at that revision or a later one.
 */
afterAll(removeChildBundles);

const KILLS = 24;

describe('kill -9 during saves', () => {
  it(`${KILLS} kills at random moments: integrity ok, and every acknowledged save present with its content`, async () => {
    const file = tempDbFile();
    const setup = PaybenchStore.open(file, { seed: false });
    const guideId = setup.guides.create(workedGuide).id;
    const setId = setup.contributionSets.create(workedContributions).id;
    setup.close();

    /** the highest revision acknowledged for each project id, over every run */
    const acknowledged = new Map<number, number>();
    const acksPerRun: number[] = [];
    for (let run = 0; run < KILLS; run++) {
      const child = await startChild('saver', [file, String(guideId), String(setId)]);
      await child.printed('ready\n');
      // somewhere in the middle of the save loop: each save takes a few milliseconds
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 120));
      child.process.kill('SIGKILL');
      const { signal, stdout } = await child.done;
      expect(signal).toBe('SIGKILL');

      // only whole lines: a line cut by the kill is not an acknowledgement
      const acks = [...stdout.matchAll(/^ack (\d+) (\d+)\n/gm)].map((m) => [Number(m[1]), Number(m[2])] as const);
      acksPerRun.push(acks.length);
      for (const [id, revision] of acks) acknowledged.set(id, Math.max(acknowledged.get(id) ?? 0, revision));

      const store = PaybenchStore.open(file, { seed: false });
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(store.db.pragma('foreign_key_check')).toEqual([]);
        for (const [id, revision] of acknowledged) {
          const { id: _id, updatedAt: _u, revision: stored, ...content } = store.projects.get(id);
          // a save that committed just before the kill may not have printed its line: later, never earlier
          expect(stored).toBeGreaterThanOrEqual(revision);
          expect(content).toEqual(projectSchema.parse(savedProject(content.name, stored, guideId, setId)));
        }
      } finally {
        store.close();
      }
    }
    // the kills did land among saves: most runs acknowledged some, and the projects moved on many revisions
    expect(acksPerRun.filter((n) => n > 0).length).toBeGreaterThan(KILLS / 2);
    expect([...acknowledged.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * KILLS);
  });
});
