import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { writeBudgetWorkbookFile } from '../../../src/core/excel/budgetWorkbook';
import { parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { auditWorkbooks, describeMismatches } from '../../support/libreoffice';
import { bid } from '../budget/multiYearBid';
import { designExample } from '../../support/specs';

/**
 * A spec v2 budget's workbook (docs/design.md §Excel workbooks): a row per segment under each line, 分年度 on the
 * summary, both guide versions and both contribution sets, per-item limits — and LibreOffice recalculates every
 * formula cell to the program's value, to the fen.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-multiyear-'));

async function write(name: string, spec: unknown): Promise<string> {
  const priced = priceBudget(parseBudgetSpec(spec));
  const file = path.join(dir, `${name}.xlsx`);
  await writeBudgetWorkbookFile(priced.result, priced.spec, file);
  return file;
}

function withRulesAndCosts() {
  const spec = bid();
  spec.costs = [{ category: '行政办公费', name: '电费', unitPrice: '0.6173', quantity: 12000 }];
  spec.rules = { minSocialWorkPostShare: '0.70', minLabourShare: '0.60' };
  spec.managementFee = { rate: '0.08' };
  spec.tax = { method: 'gross-up', vat: '0.03', surcharge: '0.12' };
  return spec;
}

describe('the workbook of a 36-month bid across two guide versions and a July base reset', () => {
  it('shows the segments, the years and both versions, and recalculates to the fen in LibreOffice', async () => {
    const file = await write('bid', withRulesAndCosts());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);

    const summary = wb.getWorksheet('汇总表')!;
    const rows = new Map<string, unknown>();
    summary.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    // the years of multiYear.test.ts: 113,478.00 + 233,856.00 + 235,980.00 + 131,454.00 = 714,768.00
    expect((rows.get('其中：2027 年度人员经费') as { result: number }).result).toBe(113478);
    expect((rows.get('其中：2028 年度人员经费') as { result: number }).result).toBe(233856);
    expect((rows.get('其中：2029 年度人员经费') as { result: number }).result).toBe(235980);
    expect((rows.get('其中：2030 年度人员经费') as { result: number }).result).toBe(131454);
    expect((rows.get('人员经费合计') as { result: number }).result).toBe(714768);

    // 2 lines × (1 + 5 segments) rows from row 3, then 合计
    const staff = wb.getWorksheet('人员经费明细')!;
    const header = staff.getRow(2).values as string[];
    expect(header).toContain('期间');
    expect(header).toContain('非社工岗');
    expect(staff.getRow(15).getCell(2).value).toBe('合计');
    const periodCol = header.indexOf('期间');
    expect(staff.getRow(3).getCell(periodCol).value).toBe('2027-07 至 2030-06');
    expect(staff.getRow(4).getCell(periodCol).value).toBe('2027-07 至 2027-12');

    // the 0.6173 元/度 unit price keeps its 4 decimals
    const costs = wb.getWorksheet('其他费用明细')!;
    expect(costs.getRow(3).getCell(4).value).toBe(0.6173);
    expect(costs.getRow(3).getCell(4).numFmt).toBe('#,##0.00##');

    // both versions on 薪酬指导价; both sets, and the fund's own limits, on 参数
    const texts = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
      return out.join('\n');
    };
    expect(texts('薪酬指导价')).toMatch(/2027 版.*自 2027-01-01 起执行[\s\S]*2028 版.*自 2028-01-01 起执行/);
    expect(texts('参数')).toMatch(/单位缴费参数（自 2027-07-01 起）[\s\S]*单位缴费参数（自 2028-07-01 起）[\s\S]*住房公积金缴费基数下限/);
    expect(texts('合规检查')).toContain('社工专业岗位占比不低于下限');

    // a v1 budget with a 非社工岗 line, a fund with its own ceiling and the 70 % rule recalculates as well
    const v1 = designExample();
    v1.contributions = {
      ...(v1.contributions as object),
      items: [
        { name: '养老保险', rate: '0.16' },
        { name: '住房公积金', rate: '0.05', round: 'yuan', ceiling: '5000.00' },
      ],
    } as typeof v1.contributions;
    v1.staff!.push({ post: '财务', grade: '会计', count: 0.5, months: 12, monthly: '5000.00', nonSocialWork: true });
    v1.rules = { minSocialWorkPostShare: '0.70' };
    const audits = await auditWorkbooks([file, await write('design-v2', { ...designExample(), version: 2 }), await write('design-v1-items', v1)], dir);
    expect(describeMismatches(audits)).toBe('');
    expect(audits[0]!.formulaCells).toBeGreaterThan(100);
  }, 180_000);
});
