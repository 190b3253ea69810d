import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedCase, corpusCases, generateCorpus } from './generate';
import { differs, readCase } from './run';
import type { CorpusKind } from './types';

/**
 * The bad-input corpus through the core readers: each generated file gives exactly its expected
 * outcome — accepted with N items, or refused with a problem naming the sheet, row or cell — and
 * none takes more than a few seconds, however it was crafted (time and memory grow with the
 * file, never with what it claims). The same files go through browser mode's HTTP API in
 * test/app/host/crash.test.ts.
 */
const cases = corpusCases();
let dir: string;
const generated = new Map<string, GeneratedCase>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-corpus-'));
  for (const g of await generateCorpus(dir, cases)) generated.set(`${g.case.kind}/${g.case.name}`, g);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** a generous bound for one file on a loaded two-core machine; the slowest case takes well under a second alone */
const MAX_MS_PER_CASE = 5000;

describe('the corpus', () => {
  it('holds at least 90 guide workbooks and community lists, both good and bad, each file under 2 MB', () => {
    const mine = cases.filter((c) => c.kind !== 'budgetSpec');
    expect(mine.length).toBeGreaterThanOrEqual(90);
    for (const kind of ['guideWorkbook', 'communityList'] as const) {
      const ofKind = mine.filter((c) => c.kind === kind);
      expect(ofKind.some((c) => c.expect.ok)).toBe(true);
      expect(ofKind.filter((c) => !c.expect.ok).length).toBeGreaterThan(ofKind.length / 2);
    }
    for (const g of generated.values()) expect(g.size, g.case.name).toBeLessThan(2 * 1024 * 1024);
  });
});

const kinds: CorpusKind[] = ['guideWorkbook', 'communityList', 'budgetSpec'];
for (const kind of kinds.filter((k) => cases.some((c) => c.kind === k))) {
  describe(kind, () => {
    it.each(cases.filter((c) => c.kind === kind).map((c) => [`${c.name}: ${c.about}`, c] as const))('%s', async (_title, c) => {
      const g = generated.get(`${c.kind}/${c.name}`)!;
      const started = performance.now();
      const outcome = await readCase(c, fs.readFileSync(g.file));
      const ms = performance.now() - started;
      expect(differs(c.expect, outcome)).toBeNull();
      expect(ms).toBeLessThan(MAX_MS_PER_CASE);
    });
  });
}
