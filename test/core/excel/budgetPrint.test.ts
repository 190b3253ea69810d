import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleBudgetSpecs } from '../../../db/sampleData';
import { computeBudget } from '../../../src/core/budget/compute';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { writeBudgetWorkbookFile } from '../../../src/core/excel/budgetWorkbook';
import { convertWithLibreOffice } from '../../support/libreoffice';

/**
 * Printed by LibreOffice to PDF, a sample budget is A4 throughout, landscape where the sheet is wide
 * and portrait where it is narrow; the summary with its sign-off line is one landscape page; every
 * page says 第 X 页 共 N 页. (printout.test.ts checks every workbook's printout in more detail.)
 */
describe('the printed budget', () => {
  it('A4 pages, the summary on one landscape page with its sign-off, page X of N in every footer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-excel-print-'));
    const spec = sampleBudgetSpecs().at(-1)!;
    const file = path.join(dir, 'budget.xlsx');
    await writeBudgetWorkbookFile(computeBudget(budgetModelFromSpec(spec)), spec, file);
    const [pdf] = convertWithLibreOffice([file], 'pdf', dir);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf!], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(6); // one or more per sheet
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    for (const size of sizes) expect([JSON.stringify(size), JSON.stringify([...size].reverse())]).toContain('[842,595]');
    expect(sizes[0]).toEqual([842, 595]);
    // pdftotext drops some spaces between CJK runs: compare without any
    const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const first = page(1);
    for (const words of ['预算汇总表', '人民币大写', '编制人', '审核人', `第1页共${pages}页`]) expect(first).toContain(words);
    expect(page(2)).toContain('人员经费明细');
    for (let p = 2; p <= pages; p++) expect(page(p)).toContain(`第${p}页共${pages}页`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
