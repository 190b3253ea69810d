import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { type CompareEntry, compareBudgets, tallyChecks } from '../../../src/core/compare/compareBudgets';
import { COMPARE_SHEET, compareWorkbookBuffer } from '../../../src/core/excel/compare/compareWorkbook';
import { parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { auditWorkbooks, describeMismatches } from '../../support/libreoffice';
import { designExample } from '../../support/specs';

/**
 * The comparison workbook (docs/design.md §Data flow, "Comparing budgets"): a column per budget, labels in words,
 * the derived figures and every difference as formulas — and LibreOffice recalculates each formula to the value the
 * program cached, to the fen (test/support/libreoffice.ts compares every formula cell).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-compare-'));

function priced(label: string, change: (spec: ReturnType<typeof designExample>) => void): CompareEntry {
  const spec = designExample();
  change(spec);
  const { json } = priceBudget(parseBudgetSpec(spec));
  return { label, kind: 'project', budget: json, counts: tallyChecks(json.checks) };
}

/** the worked example; the same with 4 people instead of 6; and a budget of costs only (no post-years) */
function entries(): CompareEntry[] {
  return [
    priced('示例项目', () => {}),
    priced('四人方案', (s) => {
      s.staff![0]!.count = 4;
    }),
    priced('只有活动费', (s) => {
      s.staff = [];
    }),
  ];
}

describe('the comparison workbook', () => {
  it('writes labels, not keys, and every formula recalculates in LibreOffice to the fen', async () => {
    const comparison = compareBudgets(entries(), 'lowest');
    // 只有活动费 has the lowest total: it is the baseline, third column (D)
    expect(comparison.baselineIndex).toBe(2);
    const file = path.join(dir, 'compare.xlsx');
    fs.writeFileSync(file, await compareWorkbookBuffer(comparison));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(COMPARE_SHEET)!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    const labels = new Map<string, number>();
    ws.eachRow((row, n) => labels.set(String(row.getCell(1).value), n));
    for (const l of ['项目总经费（元）', '人员经费占比', '管理费（元）', '每岗位年成本（元）', '总经费差额（元）', '人员经费占比差（百分点）']) {
      expect(labels.has(l), l).toBe(true);
    }
    expect(ws.getRow(2).getCell(4).value).toBe('只有活动费（基准）');
    expect(ws.getRow(3).getCell(2).value).toBe('项目');

    // the worked example's cost per post-year: 740,212.66 × 12 ÷ (6 × 12) = 123,368.78, a formula over its own cells
    const perPostYear = ws.getRow(labels.get('每岗位年成本（元）')!).getCell(2).value as { formula: string; result: number };
    expect(perPostYear.formula).toBe('IF(B10=0,"",ROUND(B4*12/B10,2))');
    expect(perPostYear.result).toBe(123368.78);
    // its difference from the baseline column D: a formula over visible cells, money formatted
    const diff = ws.getRow(labels.get('总经费差额（元）')!).getCell(2);
    expect((diff.value as { formula: string }).formula).toBe('ROUND(B4-$D$4,2)');
    expect(diff.numFmt).toBe('#,##0.00');

    const audits = await auditWorkbooks([file], dir);
    expect(describeMismatches(audits)).toBe('');
    // labour share, post-years and cost per post-year × 3, the 7 differences × 3
    expect(audits[0]!.formulaCells).toBe(3 * 3 + 7 * 3);
  }, 120_000);
});
