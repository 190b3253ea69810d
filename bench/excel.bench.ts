/**
 * Excel speed (issue 3): a 10,000-staff-line budget workbook ≤ 3 s; a 100,000-row budget workbook
 * (100,000 staff lines, streamed to a file) ≤ 15 s with RSS ≤ 600 MB; and, for scale, LibreOffice
 * recalculating and saving that same 100,000-row workbook, with the ratio of the two times.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeBudget } from '../src/budget/compute';
import { budgetModelFromSpec } from '../src/budget/fromSpec';
import { budgetWorkbookBuffer, writeBudgetWorkbookFile } from '../src/excel/budgetWorkbook';
import { type BudgetSpecInput, parseBudgetSpec } from '../src/spec/budgetSpec';
import { convertWithLibreOffice } from '../test/support/libreoffice';
import { finish, median, report, rssMb, timeMsAsync } from './harness';

function syntheticSpec(staffLines: number): BudgetSpecInput {
  const posts = ['一线社工', '督导', '项目主管', '行政'];
  const grades = ['助理社工师', '社工师', '高级社工师'];
  const rows = posts.flatMap((post, p) =>
    grades.flatMap((grade, g) => [1, 2, 3].map((step) => ({ post, grade, step, monthly: (4200 + p * 900 + g * 750 + step * 180.55).toFixed(2) }))),
  );
  return {
    version: 1,
    name: `合成预算 ${staffLines} 人员行`,
    purchaser: '某区民政局',
    provider: '某社会工作服务中心',
    period: { start: '2026-01', months: 12 },
    payGuide: { name: '合成指导价', rows, allowances: grades.map((q, i) => ({ qualification: q, monthly: String(200 + i * 150) + '.00' })) },
    contributions: {
      floor: '4500.00',
      ceiling: '28000.00',
      items: [
        { name: '养老保险', rate: '0.16' },
        { name: '医疗保险', rate: '0.095' },
        { name: '失业保险', rate: '0.005' },
        { name: '工伤保险', rate: '0.0026' },
        { name: '住房公积金', rate: '0.07', round: 'yuan' },
      ],
      levies: [{ name: '工会经费', rate: '0.02' }],
    },
    staff: Array.from({ length: staffLines }, (_, i) => ({
      post: posts[i % 4]!,
      grade: grades[i % 3]!,
      step: (i % 3) + 1,
      qualification: grades[(i + 1) % 3]!,
      count: i % 7 === 0 ? 0.5 : 1 + (i % 3),
      months: 12,
      bonusMonths: 1,
      note: i % 10 === 0 ? `第 ${i + 1} 行备注` : undefined,
    })),
    costs: Array.from({ length: 30 }, (_, i) => ({ category: ['活动费', '督导培训费', '行政办公费'][i % 3]!, name: `费用 ${i + 1}`, unitPrice: (100 + i * 37.5).toFixed(2), quantity: 1 + (i % 12), times: 1 })),
    managementFee: { rate: '0.08' },
    tax: { method: 'gross-up', vat: '0.03', surcharge: '0.12' },
    rules: { minLabourShare: '0.60', maxManagementShare: '0.10' },
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-excel-bench-'));
try {
  // 10,000 staff lines, to a buffer as the app's export button does; the budget is computed beforehand
  const spec10k = parseBudgetSpec(syntheticSpec(10_000));
  const result10k = computeBudget(budgetModelFromSpec(spec10k));
  await budgetWorkbookBuffer(result10k, spec10k); // warm up
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 3; i++) times.push(await timeMsAsync(async () => (size = (await budgetWorkbookBuffer(result10k, spec10k)).length)));
  report('10,000-staff-line budget workbook (to a buffer), median of 3', median(times) / 1000, 's', 3);
  report('  its size', size / 1024 / 1024, 'MB');

  // 100,000 staff lines streamed to a file
  const spec100k = parseBudgetSpec(syntheticSpec(100_000));
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
