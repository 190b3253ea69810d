import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleBudgetSpecs } from '../../../db/sampleData';
import { computeBudget } from '../../../src/core/budget/compute';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { writeBudgetWorkbookFile } from '../../../src/core/excel/budgetWorkbook';
import { type BudgetSpec, type BudgetSpecInput, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { budgetSpecArbitrary } from '../../support/arbitraries';
import { auditWorkbooks, describeMismatches } from '../../support/libreoffice';
import { designExample } from '../../support/specs';

/**
 * LibreOffice recalculates every exported workbook (forced: OOXMLRecalcMode = 0) and each formula
 * cell must come out as the value the program cached, to the fen. LibreOffice is slow to start, so
 * each test writes all its workbooks first and converts them in one soffice call.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-excel-recalc-'));

async function writeAll(specs: BudgetSpec[], prefix: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < specs.length; i++) {
    const file = path.join(dir, `${prefix}-${i}.xlsx`);
    await writeBudgetWorkbookFile(computeBudget(budgetModelFromSpec(specs[i]!)), specs[i]!, file);
    files.push(file);
  }
  return files;
}

/** Every branch of the sheets at once: coefficient cells on a yearly wage, one-off and monthly allowances,
 *  an agreed pay below the guide, extras, a guide that includes employer cost, simple tax, post rules. */
function branchySpecs(): BudgetSpecInput[] {
  const a = designExample();
  a.name = '覆盖各分支的预算';
  a.payGuide = {
    name: '系数指导价',
    includes: 'gross',
    referenceWage: { name: '上年度平均工资', amount: '98765.43', per: 'year' },
    rows: [
      { post: '负责人', grade: '一级', coefficient: '1.3333' },
      { post: '工作人员', grade: '三级', step: 2, monthly: '4321.09' },
    ],
    allowances: [
      { qualification: '社工师', monthly: '300.00' },
      { qualification: '社工师', monthly: '1500.00', kind: 'oneOff' },
      { qualification: '助理社工师', monthly: '150.55' },
    ],
  };
  a.staff = [
    { post: '负责人', grade: '一级', qualification: '社工师', count: 1.5, months: 11, bonusMonths: 0.5, extras: [{ name: '交通补贴', monthly: '123.45' }] },
    { post: '工作人员', grade: '三级', step: 2, qualification: '助理社工师', count: 0.33, months: 7, monthly: '4000.01', note: '半职' },
    { post: '临聘', grade: '无', count: 2, months: 12, monthly: '30000.00' },
  ];
  a.costs = [
    { category: '活动费', name: '社区活动', unitPrice: '333.33', quantity: 2.5, times: 3 },
    { category: '培训', name: '督导', unitPrice: '0.01', quantity: 0.5, times: 1 },
  ];
  a.tax = { method: 'simple', rate: '0.0336' };
  a.rules = { minLabourShare: '0.95', maxManagementShare: '0.01', posts: { min: 4, max: 6, label: '按户数测算' } };
  a.purchaseByPost = { pricePerPostYear: '100000.00', posts: 3 };
  const b: BudgetSpecInput = { ...designExample(), name: '含单位缴费的指导价' };
  b.payGuide = { ...(b.payGuide as object), includes: 'employerCost' } as BudgetSpecInput['payGuide'];
  b.purchaseByPost = { pricePerPostYear: '90000.00' };
  const empty: BudgetSpecInput = { ...designExample(), name: '空预算', staff: [], costs: [] };
  return [a, b, empty];
}

describe('LibreOffice recalculates every formula cell to the program’s value', () => {
  it('the docs/design.md example, every sample budget, and the branch-covering budgets', async () => {
    const specs = [designExample(), ...branchySpecs()].map((s) => parseBudgetSpec(s));
    const samples = sampleBudgetSpecs();
    expect(samples.length).toBeGreaterThan(0);
    const audits = await auditWorkbooks(await writeAll([...specs, ...samples], 'fixed'), dir);
    expect(describeMismatches(audits)).toBe('');
    for (const a of audits) expect(a.formulaCells).toBeGreaterThan(10);
  });

  it('can fail: one wrong cached value (530,400.00 written as 530,400.01) is caught at its cell', async () => {
    const [file] = await writeAll([parseBudgetSpec(designExample())], 'wrong');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const cell = wb.getWorksheet('人员经费明细')!.getCell('L3'); // 应发工资
    const v = cell.value as { formula: string; result: number };
    expect(v.result).toBe(530400);
    cell.value = { formula: v.formula, result: 530400.01 } as ExcelJS.CellValue;
    await wb.xlsx.writeFile(file!);
    const [audit] = await auditWorkbooks([file!], path.join(dir, 'wrong'));
    expect(audit!.mismatches).toEqual([{ cell: '人员经费明细!L3', formula: v.formula, cached: 530400.01, recalculated: 530400 }]);
  });

  it('random budgets (fast-check, one soffice call)', async () => {
    const seed = Number(process.env.PAYBENCH_SEED ?? Date.now() % 2 ** 31);
    const specs = fc.sample(budgetSpecArbitrary, { numRuns: 16, seed }).map((s) => parseBudgetSpec(s));
    const audits = await auditWorkbooks(await writeAll(specs, `random-${seed}`), dir);
    expect(describeMismatches(audits), `seed ${seed} (PAYBENCH_SEED=${seed} to replay)`).toBe('');
  });
});
