import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import { guideVersionWorkbook } from '../../../src/app/services/guides';
import { designExample } from '../../support/specs';
import { tempDbFile } from '../../db/tempDb';

/**
 * Long work as jobs, through the API as the renderer drives it: jobs.start → jobs.progress (polled)
 * → the answer, or jobs.cancel. The percentage only rises and ends at 100; a job cancelled while
 * its worker is busy ends as cancelled with no answer — no workbook bytes for the page to save, no
 * guide written to the database.
 */
let store: PaybenchStore;
let importStore: PaybenchStore;

beforeAll(() => {
  store = PaybenchStore.open(tempDbFile(), { seed: false });
  importStore = PaybenchStore.open(tempDbFile(), { seed: false });
});
afterAll(() => {
  store.close();
  importStore.close();
});

type Progress = { status: string; percent: number; label: string; value?: unknown };

async function call<T>(s: PaybenchStore, name: string, input: unknown): Promise<T> {
  const r = await dispatch({ store: s }, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/** Polls a job every few milliseconds, as the page does every 200 ms, keeping what it saw. */
async function follow(s: PaybenchStore, jobId: string, onPoll?: (p: Progress) => Promise<void> | void): Promise<{ seen: Progress[]; last: Progress }> {
  const seen: Progress[] = [];
  for (;;) {
    const p = await call<Progress>(s, 'jobs.progress', { jobId });
    seen.push(p);
    if (p.status !== 'running') return { seen, last: p };
    await onPoll?.(p);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The design example's one staff line, 20,000 times: a workbook that takes a few seconds to write. */
function bigSpec() {
  const spec = designExample();
  const line = spec.staff![0]!;
  return { ...spec, staff: Array.from({ length: 20_000 }, (_, i) => ({ ...line, note: `第 ${i + 1} 行` })) };
}

describe('jobs: progress and cancel', () => {
  it('a budget workbook export reports a rising percentage that ends at 100, then the workbook', async () => {
    const { jobId } = await call<{ jobId: string }>(store, 'jobs.start', { op: 'excel.exportBudget', input: { spec: bigSpec() } });
    const { seen, last } = await follow(store, jobId);
    const percents = seen.map((p) => p.percent);
    // never a step back
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // seen between the ends: the worker's stages (计算预算 at 5 %, 写出工作簿 at 5 + 85 × 0.2 = 22 %)
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(seen.map((p) => p.label)).toContain('写出工作簿');
    expect(last.status).toBe('done');
    expect(last.percent).toBe(100);
    const file = last.value as { fileName: string; base64: string };
    expect(file.fileName).toMatch(/\.xlsx$/);
    // an xlsx is a zip: "PK"
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    // the answer is handed out once
    expect((await dispatch({ store }, 'jobs.progress', { jobId })).ok).toBe(false);
  });

  it('an export cancelled while the workbook is being written ends as cancelled, with no workbook to save', async () => {
    const { jobId } = await call<{ jobId: string }>(store, 'jobs.start', { op: 'excel.exportBudget', input: { spec: bigSpec() } });
    let cancelledAt = -1;
    const { last } = await follow(store, jobId, async (p) => {
      if (cancelledAt < 0 && p.label === '写出工作簿') {
        cancelledAt = p.percent;
        await call(store, 'jobs.cancel', { jobId });
      }
    });
    expect(cancelledAt).toBeGreaterThan(0);
    expect(last.status).toBe('cancelled');
    expect(last.value).toBeUndefined();
    expect(last.percent).toBeLessThan(100);
  });

  it('a guide import cancelled while its 10,000 rows are parsed writes no guide; run again uncancelled, it imports them all', async () => {
    // 100 posts × 100 steps, one grade: a 10,000-row guide workbook
    const cells = Array.from({ length: 10_000 }, (_, i) => ({
      post: `岗位${Math.floor(i / 100) + 1}`,
      grade: '一级',
      step: (i % 100) + 1,
      amount: `${5000 + i}.00`,
    }));
    const guide = store.guides.create({ name: '万行指导价', versions: [{ label: '2026 版', effectiveFrom: '2026-01-01', cells }] });
    const file = await guideVersionWorkbook(store, guide.id, guide.versions[0]!.id);
    const input = { base64: Buffer.from(file.bytes).toString('base64'), fileName: file.fileName, target: { mode: 'new' } };

    const { jobId } = await call<{ jobId: string }>(importStore, 'jobs.start', { op: 'excel.importGuide', input });
    let cancelled = false;
    const { last } = await follow(importStore, jobId, async (p) => {
      if (!cancelled && p.label === '读取工作簿') {
        cancelled = true;
        await call(importStore, 'jobs.cancel', { jobId });
      }
    });
    expect(cancelled).toBe(true);
    expect(last.status).toBe('cancelled');
    expect(importStore.guides.list()).toEqual([]);

    const again = await call<{ jobId: string }>(importStore, 'jobs.start', { op: 'excel.importGuide', input });
    const done = await follow(importStore, again.jobId);
    expect(done.last.status).toBe('done');
    const imported = importStore.guides.list();
    expect(imported.map((g) => g.name)).toEqual(['万行指导价']);
    expect(importStore.guides.get(imported[0]!.id).versions[0]!.cells).toHaveLength(10_000);
  });

  it('refuses an operation that is not a long one, and a bad input of one that is, naming the field', async () => {
    const notLong = await dispatch({ store }, 'jobs.start', { op: 'guides.list', input: {} });
    expect(notLong.ok).toBe(false);
    const bad = await dispatch({ store }, 'jobs.start', { op: 'excel.exportBudget', input: { projectId: -1 } });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    const unknown = await dispatch({ store }, 'jobs.progress', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });
});
