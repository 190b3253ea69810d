import { afterAll, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import { removeChildBundles, startChild } from './children';
import { tempDbFile } from './tempDb';
import { workedContributions, workedGuide } from './workedExample';

/**
 * One database, two instances (two windows, or the app and the CLI), each a real process with its
 * own connection. Every save takes the write lock when it begins (db/transaction.ts), so the second
 * writer waits for the first instead of failing with `database is locked`.
 */
afterAll(removeChildBundles);

describe('two processes writing one database file', () => {
  it('400 creates at once, 200 from each process: all 400 saved, none refused as locked', async () => {
    const file = tempDbFile();
    const setup = PaybenchStore.open(file, { seed: false });
    const g = setup.guides.create(workedGuide).id;
    const c = setup.contributionSets.create(workedContributions).id;
    setup.close();

    const children = await Promise.all(['甲', '乙'].map((tag) => startChild('creator', [file, tag, '200', String(g), String(c)])));
    await Promise.all(children.map((ch) => ch.printed('ready')));
    for (const ch of children) ch.process.stdin!.write('go\n');
    const results = await Promise.all(children.map((ch) => ch.done));

    const reports = results.map((r) => {
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout.split('\n')[1]!) as { created: number[]; errors: string[] };
    });
    expect(reports.map((r) => r.errors)).toEqual([[], []]);
    expect(reports.map((r) => r.created.length)).toEqual([200, 200]);

    const store = PaybenchStore.open(file, { seed: false });
    const names = store.projects.list().map((p) => p.name);
    expect(names).toHaveLength(400);
    expect(new Set(names).size).toBe(400);
    // the two really wrote at the same time: in the order the rows were written, the writer changes
    // many times (a run of 200 and then another 200 would change once)
    const order = (store.db.prepare('SELECT name FROM projects ORDER BY id').all() as { name: string }[]).map((r) => r.name[0]);
    const turns = order.filter((tag, i) => i > 0 && tag !== order[i - 1]).length;
    expect(turns).toBeGreaterThan(1);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  });

  it('two processes opening the same new file at once: one schema, the sample data loaded once', async () => {
    const file = tempDbFile();
    const children = await Promise.all(['2030-01-01', '2031-01-01'].map((date) => startChild('opener', [file, date])));
    const results = await Promise.all(children.map((ch) => ch.done));
    expect(results.map((r) => JSON.parse(r.stdout))).toEqual([{ ok: true }, { ok: true }]);

    const store = PaybenchStore.open(file);
    const once = PaybenchStore.open(tempDbFile());
    expect(store.guides.list().map((g) => g.name)).toEqual(once.guides.list().map((g) => g.name));
    expect(store.projects.list().map((p) => p.name)).toEqual(once.projects.list().map((p) => p.name));
    // each opener saved one wage of its own besides the sample wages
    expect(store.referenceWages.list()).toHaveLength(once.referenceWages.list().length + 2);
    store.close();
    once.close();
  });
});
