import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitiesCsv, generateCommunities } from '../../../bench/generateCommunities';
import { PaybenchStore } from '../../../db/store';
import { importGuideWorkbook } from '../../../src/app/services/guides';
import { ParseAbortedError, parseInWorker, parseWorkerScript } from '../../../src/app/services/parseInWorker';
import { importCommunityList } from '../../../src/app/services/plan';
import { CommunityImportError, importCommunitiesCsv } from '../../../src/core/excel/readers/communityImport';
import ExcelJS from 'exceljs';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { budgetSpecSchema } from '../../../src/core/spec/budgetSpec';
import { sheetXlsx } from '../../corpus/craft';
import { designExample } from '../../support/specs';
import { tempDbFile } from '../../db/tempDb';

/**
 * File imports parse in a worker thread with a heap and a time limit: a result or a reader's
 * refusal comes back as if parsed in place, and a worker out of memory or time is a clear refusal
 * while the host goes on. Run from source here (the worker loads parseWorker.ts through tsx), and
 * from the Electron build (dist-electron/parseWorker.cjs beside main.cjs).
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-parse-worker-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SMALL = Buffer.from('社区名称,区,街道,户数\n和平社区,朝阳区,和平街道,4100\n');
/** 50,000 communities: 2.8 MB of csv */
const LARGE = Buffer.from(communitiesCsv(generateCommunities(50_000)));

describe('parsing in a worker', () => {
  it('reuses one worker for import after import without gathering listeners on it', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      for (let i = 0; i < 15; i++) expect((await parseInWorker({ kind: 'communityList', fileName: 'list.csv', bytes: SMALL })).communities).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 50)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('answers what parsing in place answers', async () => {
    const inWorker = await parseInWorker({ kind: 'communityList', fileName: 'list.csv', bytes: LARGE });
    expect(inWorker.communities.length).toBe(50_000);
    expect(inWorker).toEqual(importCommunitiesCsv(LARGE));
  });

  it("a reader's refusal comes back as the same error, problems and all", async () => {
    const bad = Buffer.from('社区名称,区,街道,户数\n和平社区,朝阳区,和平街道,四千\n');
    const error = await parseInWorker({ kind: 'communityList', fileName: 'list.csv', bytes: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommunityImportError);
    expect((error as CommunityImportError).problems).toEqual([
      { path: '第 2 行 户数（D 列）', message: '“四千”不是不小于 0 的整数 / must be a whole number ≥ 0' },
    ]);
  });

  it('a worker that runs out of its heap is a refusal saying so, and the next import works', async () => {
    const tight = { timeoutMs: 60_000, maxOldGenerationSizeMb: 16 };
    // 16 MB holds the reader and a two-line list, not 50,000 communities
    expect((await parseInWorker({ kind: 'communityList', fileName: 'small.csv', bytes: SMALL }, tight)).communities.length).toBe(1);
    const error = await parseInWorker({ kind: 'communityList', fileName: 'large.csv', bytes: LARGE }, tight).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseAbortedError);
    expect(error).toMatchObject({ reason: 'memory', message: expect.stringContaining('读取“large.csv”时用尽了为导入预留的内存（16 MB）') });
    expect((await parseInWorker({ kind: 'communityList', fileName: 'small.csv', bytes: SMALL })).communities.length).toBe(1);
  });

  it('a worker past its time is ended, and the refusal says after how long', async () => {
    const error = await parseInWorker({ kind: 'communityList', fileName: 'large.csv', bytes: LARGE }, { timeoutMs: 50, maxOldGenerationSizeMb: 512 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ reason: 'timeout', message: expect.stringContaining('读取“large.csv”超过 0.1 秒仍未完成，已停止') });
  });

  it('the import services parse through it: a guide with a cell in column ZZZZZZ refused at that cell, a list without its columns at its header', async () => {
    const store = PaybenchStore.open(tempDbFile());
    try {
      const far = sheetXlsx('Sheet1', [['生效日期', '2026-01-01', { xml: '<c r="ZZZZZZ1"><v>1</v></c>' }]]);
      expect(await importGuideWorkbook(store, far, 'far.xlsx', { mode: 'new' })).toEqual({
        ok: false,
        problems: [{ cell: 'Sheet1!ZZZZZZ1', message: expect.stringContaining('超出指导价工作簿的上限 200 列（GR 列）') }],
      });
      await expect(importCommunityList('list.csv', Buffer.from('甲,乙\n'))).rejects.toMatchObject({
        problems: expect.arrayContaining([{ path: '第 1 行（表头）', message: expect.stringContaining('缺少必填列“户数”') }]),
      });
    } finally {
      store.close();
    }
  });
});

describe('finding the worker script', () => {
  it('from source: parseWorker.ts beside the module, loaded through tsx', () => {
    const script = parseWorkerScript(pathToFileURL(path.resolve('src/app/services/parseInWorker.ts')).href);
    expect(script).toMatchObject({ kind: 'source', code: expect.stringContaining('parseWorker.ts') });
  });

  it('nowhere: null, and the job runs in the calling thread', () => {
    expect(parseWorkerScript(pathToFileURL(path.join(tmp, 'main.cjs')).href)).toBeNull();
  });

  it('writes a budget workbook in the worker too: the docs/design.md example, its summary holding the total 740,212.66', async () => {
    const spec = budgetSpecSchema.parse(designExample());
    const { json } = priceBudget(spec);
    expect(json.total).toBe('740212.66');
    const bytes = await parseInWorker({ kind: 'budgetWorkbook', fileName: 'example.xlsx', spec, meta: {} });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const cached: number[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => typeof cell.result === 'number' && cached.push(cell.result)));
    expect(cached).toContain(740212.66);
  });

  describe('in the Electron build', () => {
    const out = path.join(tmp, 'dist-electron');
    beforeAll(async () => {
      const { buildElectron } = (await import('../../../electron/build.mjs')) as { buildElectron(out?: string): Promise<void> };
      await buildElectron(out);
    });

    it('main.cjs finds parseWorker.cjs beside itself', () => {
      expect(parseWorkerScript(pathToFileURL(path.join(out, 'main.cjs')).href)).toEqual({ kind: 'bundle', file: path.join(out, 'parseWorker.cjs') });
      expect(fs.readFileSync(path.join(out, 'main.cjs'), 'utf8')).toContain('parseWorker.cjs');
    });

    it('parseWorker.cjs runs on its own (no tsx, no exceljs) and answers a job', async () => {
      expect(fs.readFileSync(path.join(out, 'parseWorker.cjs'), 'utf8')).not.toMatch(/require\("(exceljs|tsx)/);
      const worker = new Worker(path.join(out, 'parseWorker.cjs'));
      /** the job's progress messages ({ id, progress }), then its answer ({ id, answer }) */
      const answerOf = (job: unknown, id: number) =>
        new Promise<{ id: number; answer: unknown; progress: { fraction: number; label: string }[] }>((resolve, reject) => {
          const progress: { fraction: number; label: string }[] = [];
          const onMessage = (m: { id: number; answer?: unknown; progress?: { fraction: number; label: string } }) => {
            if (m.progress) return void progress.push(m.progress);
            worker.off('message', onMessage);
            resolve({ id: m.id, answer: m.answer, progress });
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.postMessage({ id, job });
        });
      try {
        const answer = await answerOf({ kind: 'communityList', fileName: 'list.csv', bytes: SMALL }, 7);
        expect(answer.id).toBe(7);
        expect(answer.answer).toEqual({ ok: true, value: importCommunitiesCsv(SMALL) });
        // progress before the answer: started (0), then read (1)
        expect(answer.progress.map((p) => p.fraction)).toEqual([0, 1]);
        // and an export, whose writer the bundle loads only when asked
        const exported = (await answerOf(
          { kind: 'budgetWorkbook', fileName: 'x.xlsx', spec: budgetSpecSchema.parse(designExample()), meta: {} },
          8,
        )) as unknown as {
          id: number;
          answer: { ok: boolean; value: Uint8Array };
        };
        expect(exported.answer.ok).toBe(true);
        expect(Buffer.from(exported.answer.value.subarray(0, 2)).toString('latin1')).toBe('PK');
      } finally {
        await worker.terminate();
      }
    });
  });
});
