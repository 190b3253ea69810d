import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { FilePayload } from '../../../src/app/api/operation';
import { designExample } from '../../support/specs';
import { readWorkbook } from '../../core/excel/workbookReader';

/** The Excel operations over a real SQLite file with the sample data, called as the app calls them. */
let dir: string;
let store: PaybenchStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-excel-api-'));
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

const bytes = (p: FilePayload) => Buffer.from(p.base64, 'base64');

describe('excel.exportBudget', () => {
  it('a stored project: its resolved spec, computed, as the six-sheet workbook', async () => {
    const project = store.projects.list()[0]!;
    const file = await call<FilePayload>('excel.exportBudget', { projectId: project.id, preparedBy: '王五', date: '2026-11-25' });
    expect(file.fileName).toBe(`${project.name}-预算.xlsx`);
    const wb = await readWorkbook(bytes(file));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '人员经费明细', '其他费用明细', '薪酬指导价', '参数', '合规检查', 'paybench_bid']);
  });

  it('a spec: invalid input names the field; a valid one exports', async () => {
    const bad = await dispatch({ store }, 'excel.exportBudget', { spec: { ...designExample(), staff: [{ post: 'x', grade: 'y', count: -1, months: 12 }] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.problems.map((p) => p.path)).toContain('spec.staff[0].count');
    const file = await call<FilePayload>('excel.exportBudget', { spec: designExample() });
    expect(file.fileName).toBe('某街道家庭综合服务中心 2026 年度服务项目-预算.xlsx');
  });
});

describe('excel.importGuide', () => {
  it('the template imports as a new guide (the template says 元/月; nothing assumed)', async () => {
    const template = await call<FilePayload>('excel.guideTemplate', {});
    const before = store.guides.list().length;
    const guide = await call<{ id: number; name: string; notices: string[]; versions: { cells: unknown[] }[] }>('excel.importGuide', {
      base64: template.base64,
      fileName: template.fileName,
      target: { mode: 'new' },
    });
    expect(guide.name).toBe('某市社会工作者薪酬指导价');
    expect(guide.versions[0]!.cells).toHaveLength(2);
    expect(guide.notices).toEqual([]);
    expect(store.guides.list()).toHaveLength(before + 1);
  });

  it('export a stored version, relabel it, import it as a new version of the same guide', async () => {
    const g = store.guides.list()[0]!;
    const v = g.versions[0]!;
    const file = await call<FilePayload>('excel.exportGuide', { guideId: g.id, versionId: v.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('指导价')!;
    ws.eachRow((row) => {
      if (row.getCell(1).value === '版本名称') row.getCell(2).value = '导入测试版';
      if (row.getCell(1).value === '生效日期') row.getCell(2).value = '2030-01-01';
    });
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const stored = await call<{ versions: { label: string; cells: unknown[] }[] }>('excel.importGuide', {
      base64,
      fileName: file.fileName,
      target: { mode: 'version', guideId: g.id },
    });
    expect(stored.versions.map((x) => x.label)).toContain('导入测试版');
    const added = store.guides.get(g.id).versions.find((x) => x.label === '导入测试版')!;
    const original = store.guides.getVersion(v.id);
    expect(added.cells).toEqual(original.cells);
    expect(added.allowances).toEqual(original.allowances);
  });

  it('nothing is written when the file has a problem, or when the store refuses it', async () => {
    const g = store.guides.list()[0]!;
    const file = await call<FilePayload>('excel.exportGuide', { guideId: g.id, versionId: g.versions[0]!.id });
    // same label again: the store refuses the version as a whole
    const conflict = await dispatch({ store }, 'excel.importGuide', {
      base64: file.base64,
      fileName: file.fileName,
      target: { mode: 'version', guideId: g.id },
    });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指导价');
    ws.addRow(['生效日期', '2031-01-01']);
    ws.addRow(['岗位', '等级', '金额']);
    ws.addRow(['一线社工', '社工师', '6500']);
    ws.addRow(['一线社工', '助理', '五千']);
    const bad = await dispatch({ store }, 'excel.importGuide', {
      base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
      fileName: '坏.xlsx',
      target: { mode: 'new' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.problems).toEqual([{ path: '指导价!C4', message: '金额“五千”不是数字' }]);
      expect(bad.error.message).toContain('未写入任何数据');
    }
    expect(store.guides.get(g.id).versions).toHaveLength(g.versions.length);
    expect(store.guides.findByName('坏')).toBeNull();
  });
});
