/**
 * Excel speed: a 10,000-staff-line budget workbook ≤ 3 s; a 100,000-row budget workbook
 * (100,000 staff lines, streamed to a file) ≤ 15 s with RSS ≤ 600 MB; and, for scale, LibreOffice
 * recalculating and saving that same 100,000-row workbook, with the ratio of the two times.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeBudget } from '../src/core/budget/compute';
import { budgetModelFromSpec } from '../src/core/budget/fromSpec';
import { budgetWorkbookBuffer, writeBudgetWorkbookFile } from '../src/core/excel/budgetWorkbook';
import { parseBudgetSpec } from '../src/core/spec/budgetSpec';
import { convertWithLibreOffice } from '../test/support/libreoffice';
import { finish, median, report, rssMb, timeMsAsync } from './harness';
import { syntheticSpec } from './syntheticBudget';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-excel-bench-'));
try {
  // 10,000 staff lines, to a buffer as the app's export button does; the budget is computed beforehand
  const spec10k = parseBudgetSpec(syntheticSpec(10_000, 30, { notes: true }));
  const result10k = computeBudget(budgetModelFromSpec(spec10k));
  await budgetWorkbookBuffer(result10k, spec10k); // warm up
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 3; i++) times.push(await timeMsAsync(async () => (size = (await budgetWorkbookBuffer(result10k, spec10k)).length)));
  report('10,000-staff-line budget workbook (to a buffer), median of 3', median(times) / 1000, 's', 3);
  report('  its size', size / 1024 / 1024, 'MB');

  // 100,000 staff lines streamed to a file
  const spec100k = parseBudgetSpec(syntheticSpec(100_000, 30, { notes: true }));
  const result100k = computeBudget(budgetModelFromSpec(spec100k));
  const file = path.join(dir, 'budget-100k.xlsx');
  let peak = rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
  const write100k = await timeMsAsync(() => writeBudgetWorkbookFile(result100k, spec100k, file));
  clearInterval(sampler);
  peak = Math.max(peak, rssMb());
  report('100,000-row budget workbook streamed to a file', write100k / 1000, 's', 15);
  report('  peak RSS of the process (spec, result and writer)', peak, 'MB', 600);
  report('  file size', fs.statSync(file).size / 1024 / 1024, 'MB');

  if (process.env.PAYBENCH_SKIP_LIBREOFFICE) console.log('LibreOffice timing skipped (PAYBENCH_SKIP_LIBREOFFICE)');
  else {
    const lo = await timeMsAsync(async () => convertWithLibreOffice([file], 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'lo'), 1_800_000));
    report('LibreOffice headless: open, recalculate and save the same workbook', lo / 1000, 's');
    console.log(`ratio LibreOffice / Paybench: ${(lo / write100k).toFixed(1)} ×`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
finish();
