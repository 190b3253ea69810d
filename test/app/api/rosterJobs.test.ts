import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRoster } from '../../../db/sampleData';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import { tempDbFile } from '../../db/tempDb';

/**
 * The roster page's long work as jobs (docs/design.md §Data flow, "Long work: progress and cancel"):
 * a 20,000-worker csv checked (roster.preview), imported (roster.import) and exported (roster.export)
 * through jobs.start → jobs.progress → jobs.cancel, over a real SQLite file. A cancelled import leaves
 * the roster as it was; a cancelled export hands out no file.
 */
let store: PaybenchStore;
beforeAll(() => {
  store = PaybenchStore.open(tempDbFile(), { seed: false });
});
afterAll(() => store.close());

type Progress = { status: string; percent: number; label: string; value?: unknown };

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch({ store }, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

async function follow(jobId: string, onPoll?: (p: Progress) => Promise<void>): Promise<Progress> {
  for (;;) {
    const p = await call<Progress>('jobs.progress', { jobId });
    if (p.status !== 'running') return p;
    await onPoll?.(p);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
const csv = (n: number, prefix: string) =>
  [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) => `${prefix}${i + 1},女,1990-05-01,,大学本科,社区,中级,社会工作师,,副职,11级,1,2015-07-01,9,和平社区,和平街道,鲤城区,,是`,
    ),
  ].join('\n');
const file = (text: string) => ({ fileName: 'r.csv', base64: Buffer.from(text, 'utf8').toString('base64') });

describe('roster jobs', () => {
  it('a preview job answers what the plain call answers', async () => {
    const { jobId } = await call<{ jobId: string }>('jobs.start', { op: 'roster.preview', input: { file: file(csv(3, '甲')) } });
    const last = await follow(jobId);
    expect(last.status).toBe('done');
    expect(last.percent).toBe(100);
    expect(last.value).toMatchObject({ count: 3, workers: [{ name: '甲1' }, { name: '甲2' }, { name: '甲3' }] });
    expect(store.roster.count()).toBe(0);
  });

  it('an import cancelled while the file is read imports nothing; run again, it replaces the roster', async () => {
    await call('roster.import', { file: file(csv(2, '旧')) });
    const big = file(csv(20_000, '新'));
    const { jobId } = await call<{ jobId: string }>('jobs.start', { op: 'roster.import', input: { file: big } });
    await call('jobs.cancel', { jobId });
    const cancelled = await follow(jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.value).toBeUndefined();
    // the old roster, whole
    expect(store.roster.all().map((w) => w.name)).toEqual(['旧1', '旧2']);

    const again = await call<{ jobId: string }>('jobs.start', { op: 'roster.import', input: { file: big } });
    const done = await follow(again.jobId);
    expect(done.status).toBe('done');
    expect(done.value).toEqual({ imported: 20_000, ignoredColumns: [] });
    expect(store.roster.count()).toBe(20_000);
  });

  it('an export job gives the workbook; cancelled, it gives none', async () => {
    const { jobId } = await call<{ jobId: string }>('jobs.start', { op: 'roster.export', input: { filter: {} } });
    const done = await follow(jobId);
    expect(done.status).toBe('done');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((done.value as { base64: string }).base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(20_000);

    const second = await call<{ jobId: string }>('jobs.start', { op: 'roster.export', input: { filter: {} } });
    await call('jobs.cancel', { jobId: second.jobId });
    const cancelled = await follow(second.jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.value).toBeUndefined();
  });
});

describe('roster export in the file worker, its bar moved by the rows written', () => {
  // 5,000 workers: the sample roster's 30, over and over, each named apart
  const workers = Array.from({ length: 5_000 }, (_, i) => ({ ...sampleRoster()[i % 30]!, name: `人员${i + 1}` }));
  /**
   * Where the bar stands after each 1,000 rows of 5,000. The worker's own share runs 5 % … 90 % of
   * the job's bar (parseInWorker.ts WORKER_SHARE); inside it the rows fill 0.05 … 0.90 of the
   * worker's part (rosterWorkbookJob.ts). After k thousand rows:
   *   worker  = 0.05 + 0.85 × k/5
   *   job     = 0.05 + 0.85 × worker, shown as a whole percent cut down
   *   k = 1: worker 0.22, job 0.05 + 0.187  = 0.237  → 23 %
   *   k = 2: worker 0.39, job 0.05 + 0.3315 = 0.3815 → 38 %
   *   k = 3: worker 0.56, job 0.05 + 0.476  = 0.526  → 52 %
   *   k = 4: worker 0.73, job 0.05 + 0.6205 = 0.6705 → 67 %
   *   k = 5: worker 0.90, job 0.05 + 0.765  = 0.815  → 81 %
   * Around them: 0 % (the host reads the rows), 5 % (the worker starts), 90 % (the worker has
   * zipped the file), 100 % (done).
   */
  const BY_ROWS = [23, 38, 52, 67, 81];
  let exportStore: PaybenchStore;
  beforeAll(() => {
    exportStore = PaybenchStore.open(tempDbFile(), { seed: false });
    exportStore.roster.replaceAll(workers);
  });
  afterAll(() => exportStore.close());

  async function exportJob(onPoll?: (p: Progress, jobId: string) => Promise<void>) {
    const r = await dispatch({ store: exportStore }, 'jobs.start', { op: 'roster.export', input: { filter: {} } });
    if (!r.ok) throw new Error(r.error.message);
    const { jobId } = r.value as { jobId: string };
    const seen: Progress[] = [];
    for (;;) {
      const p = await dispatch({ store: exportStore }, 'jobs.progress', { jobId });
      if (!p.ok) throw new Error(p.error.message);
      const progress = p.value as Progress;
      seen.push(progress);
      if (progress.status !== 'running') return { seen, last: progress };
      await onPoll?.(progress, jobId);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('rises through the row counts to 100, never back, and hands out the 5,000 rows', async () => {
    const { seen, last } = await exportJob();
    const percents = seen.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    for (const p of percents) expect([0, 5, ...BY_ROWS, 90, 100]).toContain(p);
    // at least two of the row counts seen on the way: the bar moves while the rows are written
    expect(new Set(percents.filter((p) => BY_ROWS.includes(p))).size).toBeGreaterThanOrEqual(2);
    expect(seen.filter((p) => BY_ROWS.includes(p.percent)).every((p) => p.label === '写出工作簿')).toBe(true);
    expect(last).toMatchObject({ status: 'done', percent: 100 });
    const file = last.value as { fileName: string; base64: string };
    expect(file.fileName).toBe('花名册.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('花名册')!;
    // the header and 5,000 workers, in the roster's order
    expect(sheet.rowCount).toBe(5_001);
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(5_001).getCell(1).value]).toEqual(['人员1', '人员5000']);
  });

  it('cancelled while the rows are written, it ends as cancelled and hands out nothing', async () => {
    let cancelledAt = -1;
    const { last } = await exportJob(async (p, jobId) => {
      if (cancelledAt < 0 && BY_ROWS.includes(p.percent)) {
        cancelledAt = p.percent;
        const r = await dispatch({ store: exportStore }, 'jobs.cancel', { jobId });
        expect(r.ok).toBe(true);
      }
    });
    // cancelled part way: after a row count, before the end
    expect(BY_ROWS).toContain(cancelledAt);
    expect(last.status).toBe('cancelled');
    expect(last.value).toBeUndefined();
  });
});
