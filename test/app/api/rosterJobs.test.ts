import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
