import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT, GUANGDONG_GUIDE, JILIN_PROJECT } from '../../../db/sampleData';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { FilePayload } from '../../../src/app/api/operation';
import { waitForJob } from '../../../src/app/services/jobs';
import type { ReviewOutcome } from '../../../src/app/services/review';
import { readWorkbook } from '../../core/excel/workbookReader';

/**
 * Review, its 审核意见表 and the comparison workbook as jobs (docs/design.md §Data flow, "Long work: progress and
 * cancel"), called as the 预算审核 page calls them: jobs.start, jobs.progress until the end, jobs.cancel — over a real
 * SQLite file with the sample data and bids exported from its projects.
 */
let dir: string;
let store: PaybenchStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-review-jobs-'));
  store = PaybenchStore.open(path.join(dir, 'paybench.sqlite'));
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch({ store }, name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const projectId = (name: string) => store.projects.list().find((p) => p.name === name)!.id;

async function bids(): Promise<FilePayload[]> {
  const a = await call<FilePayload>('excel.exportBudget', { projectId: projectId(JILIN_PROJECT) });
  const b = await call<FilePayload>('excel.exportBudget', { projectId: projectId(FAMILY_CENTRE_PROJECT) });
  return [
    { ...a, fileName: 'a.xlsx' },
    { ...b, fileName: 'b.xlsx' },
    { ...a, fileName: 'c.xlsx' },
  ];
}

interface Progress {
  status: string;
  percent: number;
  label: string;
  value?: unknown;
}

describe('review as a job', () => {
  it('reviews three files and ends at 100 % with the answer the plain call gives', async () => {
    const files = await bids();
    const { jobId } = await call<{ jobId: string }>('jobs.start', { op: 'review.bids', input: { files } });
    await waitForJob(jobId);
    const done = await call<Progress>('jobs.progress', { jobId });
    expect(done).toMatchObject({ status: 'done', percent: 100, label: '已审核 3 个文件' });
    const outcome = done.value as ReviewOutcome;
    expect(outcome.bids.map((b) => [b.file, b.verdict])).toEqual([
      ['a.xlsx', 'pass'],
      ['b.xlsx', 'pass'],
      ['c.xlsx', 'pass'],
    ]);
    const plain = await call<ReviewOutcome>('review.bids', { files });
    expect(outcome).toEqual(plain);
  }, 120_000);

  it('a cancel ends it with no answer; so does a cancelled 审核意见表 or comparison workbook', async () => {
    const files = await bids();
    for (const [op, input] of [
      ['review.bids', { files }],
      ['projects.compareWorkbook', { bids: files.map((f) => ({ fileName: f.fileName, base64: f.base64 })) }],
    ] as const) {
      const { jobId } = await call<{ jobId: string }>('jobs.start', { op, input });
      await call('jobs.cancel', { jobId });
      expect(await waitForJob(jobId)).toMatchObject({ status: 'cancelled' });
      const p = await call<Progress>('jobs.progress', { jobId });
      expect(p.status).toBe('cancelled');
      expect(p.value).toBeUndefined();
    }
  }, 120_000);

  it('exports the 审核意见表 and the comparison as jobs, each ending at 100 % with its workbook', async () => {
    const files = await bids();
    const outcome = await call<ReviewOutcome>('review.bids', { files });
    const report = await call<{ jobId: string }>('jobs.start', { op: 'review.report', input: { ...outcome, date: '2026-12-01' } });
    await waitForJob(report.jobId);
    const r = await call<Progress>('jobs.progress', { jobId: report.jobId });
    expect(r).toMatchObject({ status: 'done', percent: 100 });
    const wb = await readWorkbook(Buffer.from((r.value as FilePayload).base64, 'base64'));
    // 审核汇总 and one sheet per bid
    expect(wb.worksheets).toHaveLength(4);

    const compare = await call<{ jobId: string }>('jobs.start', { op: 'projects.compareWorkbook', input: { bids: files.slice(0, 2) } });
    await waitForJob(compare.jobId);
    const c = await call<Progress>('jobs.progress', { jobId: compare.jobId });
    expect(c).toMatchObject({ status: 'done', percent: 100 });
    expect((c.value as FilePayload).fileName).toMatch(/^预算对比-.*\.xlsx$/);
  }, 120_000);
});

describe('the official data the officer picks', () => {
  it('compares with the version picked and says so; refuses a version the guide has not, naming the versions there are', async () => {
    const files = (await bids()).slice(1, 2);
    const picked = await call<ReviewOutcome>('review.bids', { files, guide: GUANGDONG_GUIDE, guideVersion: '2025 版' });
    expect(picked.bids[0]!.comparedWith).toMatchObject({ guide: `${GUANGDONG_GUIDE}（2025 版，自 2025-01-01 起，示例〔2025〕1号）`, guideBasis: 'picked' });
    expect(picked.bids[0]!.verdict).toBe('revise');
    await expect(call('review.bids', { files, guide: GUANGDONG_GUIDE, guideVersion: '2099 版' })).rejects.toThrow(
      /INVALID_INPUT: guideVersion: .*没有名为“2099 版”的版本；版本：2025 版、2026 版/,
    );
  }, 120_000);
});
