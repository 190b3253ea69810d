import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { FilePayload } from '../../../src/app/api/operation';
import { canonicalJson, sha256Hex } from '../../../src/core/review/canonicalJson';
import type { ReviewOutcome } from '../../../src/app/services/review';
import { readWorkbook } from '../../core/excel/workbookReader';

/** The review operations over a real SQLite file with the sample data, called as the 预算审核 page calls them. */
let dir: string;
let store: PaybenchStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-review-api-'));
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

describe('review.bids, review.report, review.specFile', () => {
  it('reviews an exported project clean and names a file that is not a bid; the report has a sheet per bid', async () => {
    const project = store.projects.list()[0]!;
    const bid = await call<FilePayload>('excel.exportBudget', { projectId: project.id });
    const outcome = await call<ReviewOutcome>('review.bids', {
      files: [bid, { fileName: '随便.xlsx', base64: Buffer.from('not a zip').toString('base64') }],
      tolerancePercent: '10',
    });
    expect(outcome.bids).toHaveLength(1);
    expect(outcome.bids[0]).toMatchObject({ file: bid.fileName, name: project.name, verdict: 'pass', counts: { error: 0, warning: 0 } });
    // compared with the project's own guide, by the name the store keeps (the bid package carries it)
    expect(outcome.bids[0]!.comparedWith.guide).toMatch(/（.+）$/);
    expect(outcome.unreadable).toEqual([{ file: '随便.xlsx', message: expect.stringContaining('无法读取“随便.xlsx”') }]);

    const report = await call<FilePayload>('review.report', { ...outcome, date: '2026-12-01' });
    expect(report.fileName).toBe('审核意见表-2026-12-01.xlsx');
    const wb = await readWorkbook(Buffer.from(report.base64, 'base64'));
    expect(wb.worksheets).toHaveLength(2);
    // the unreadable file is listed under the bid, its reason in place of a project name
    expect(wb.worksheets[0]!.getCell('B4').value).toBe('随便.xlsx');
    expect(wb.worksheets[0]!.getCell('E4').value).toBe('无法读取');
  });

  it('refuses a tolerance that is not a percentage, and more than 50 files', async () => {
    const file = { fileName: 'a.xlsx', base64: 'AA==' };
    await expect(call('review.bids', { files: [file], tolerancePercent: '十' })).rejects.toThrow(/容差须为/);
    await expect(call('review.bids', { files: new Array(51).fill(file) })).rejects.toThrow(/最多审核 50 个文件/);
  });

  it('exports a project spec as JSON with the SHA-256 of its canonical form', async () => {
    const project = store.projects.list()[0]!;
    const file = await call<FilePayload & { sha256: string }>('review.specFile', { projectId: project.id });
    const spec = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
    expect(spec.name).toBe(project.name);
    expect(file.sha256).toBe(sha256Hex(canonicalJson(spec)));
  });
});
