import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/app/services/writeFileAtomic';

/**
 * An export over an existing workbook: until the new file is whole on disk, the old one is there,
 * byte for byte; a failed export leaves it so, with no temporary file beside it.
 */
const dirs: string[] = [];
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-atomic-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A real workbook, as the budget export streams it: exceljs writing row by row to the path given. */
async function streamWorkbook(file: string, rows: number, failAfter?: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet('汇总表');
  for (let i = 1; i <= rows; i++) {
    ws.addRow([`第 ${i} 行`, i * 100]).commit();
    if (i === failAfter) throw new Error(`写到第 ${i} 行时出错`);
  }
  ws.commit();
  await wb.commit();
}

async function firstCell(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet('汇总表')!.getCell('A1').value;
}

describe('writeFileAtomic', () => {
  it('a writer that fails halfway (after 2,000 of 5,000 rows) leaves the old workbook byte for byte, and no temporary file', async () => {
    const dir = folder();
    const file = path.join(dir, '预算.xlsx');
    await streamWorkbook(file, 10);
    const good = fs.readFileSync(file);

    await expect(writeFileAtomic(file, (temp) => streamWorkbook(temp, 5000, 2000))).rejects.toThrow('写到第 2000 行时出错');

    expect(fs.readFileSync(file).equals(good)).toBe(true);
    expect(await firstCell(file)).toBe('第 1 行'); // still a workbook that opens
    expect(fs.readdirSync(dir)).toEqual(['预算.xlsx']);
  });

  it('a finished writer replaces the old workbook whole; nothing else is left in the folder', async () => {
    const dir = folder();
    const file = path.join(dir, '预算.xlsx');
    await streamWorkbook(file, 10);
    await writeFileAtomic(file, (temp) => streamWorkbook(temp, 3));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('汇总表')!.rowCount).toBe(3);
    expect(fs.readdirSync(dir)).toEqual(['预算.xlsx']);
  });

  it('bytes (what the Electron save dialog writes) replace the file and keep its permissions', async () => {
    const file = path.join(folder(), 'plan.xlsx');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    await writeFileAtomic(file, new Uint8Array([0x50, 0x4b, 3, 4]));
    expect([...fs.readFileSync(file)]).toEqual([0x50, 0x4b, 3, 4]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  it('a folder that does not exist is an error that names it, and creates nothing', async () => {
    const dir = folder();
    const file = path.join(dir, '没有这个文件夹', 'plan.xlsx');
    await expect(writeFileAtomic(file, new Uint8Array([1]))).rejects.toThrow(/ENOENT.*没有这个文件夹/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
