import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/core/budget/compute';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { budgetWorkbookBuffer } from '../../../src/core/excel/budgetWorkbook';
import { type BudgetSpecInput, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { designExample } from '../../support/specs';
import { formulaCell, readWorkbook, rowOf, sheet } from './workbookReader';

async function workbook(input: BudgetSpecInput, meta?: { preparedBy?: string; date?: string }) {
  const spec = parseBudgetSpec(input);
  const result = computeBudget(budgetModelFromSpec(spec));
  return readWorkbook(await budgetWorkbookBuffer(result, spec, meta));
}

describe('budget workbook of the docs/design.md example', async () => {
  const wb = await workbook(designExample(), { preparedBy: '张三', date: '2026-11-25' });

  it('has the six sheets in order, then the very hidden bid package (docs/design.md §Excel workbooks, "Bid package")', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '人员经费明细', '其他费用明细', '薪酬指导价', '参数', '合规检查', 'paybench_bid']);
    expect(wb.worksheets.map((w) => w.state)).toEqual(['visible', 'visible', 'visible', 'visible', 'visible', 'visible', 'veryHidden']);
  });

  it('staff line: 月薪 = 指导价 6,500 + 津贴 300; gross = ROUND(6,800 × 6 × (12 + 1), 2) = 530,400 — formulas over the row, cached', () => {
    const ws = sheet(wb, '人员经费明细');
    // no line has extras, an agreed pay, a one-off allowance or a note: those columns are left out
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '序号',
      '岗位',
      '等级',
      '档次',
      '持证等级',
      '人数',
      '月数',
      '额外\n月数',
      '指导价\n（元/月）',
      '持证津贴\n（元/月）',
      '月薪\n（元）',
      '应发工资\n（元）',
      '缴费基数\n（元/月）',
      '养老保险\n（每人每月）',
      '住房公积金\n（每人每月）',
      '单位缴费\n（每人每月）',
      '单位缴费\n合计（元）',
      '工会经费\n（元）',
      '人员经费\n（元）',
    ]);
    expect(formulaCell(ws.getCell('I3'))).toEqual({ formula: "'薪酬指导价'!$E$3", result: 6500 });
    expect(formulaCell(ws.getCell('K3'))).toEqual({ formula: 'I3+J3', result: 6800 });
    expect(formulaCell(ws.getCell('L3'))).toEqual({ formula: 'ROUND(K3*F3*(G3+H3),2)', result: 530400 });
    expect(formulaCell(ws.getCell('M3')).formula).toBe("MIN(MAX(K3,'参数'!$B$5),'参数'!$B$6)");
  });

  it('contributions: pension ROUND(6,800 × 16 %, 2) = 1,088; fund ROUND(6,800 × 5 %, 0) = 340; (1,088 + 340) × 6 × 12 = 102,816', () => {
    const ws = sheet(wb, '人员经费明细');
    const params = sheet(wb, '参数');
    const pension = rowOf(params, '养老保险');
    const fund = rowOf(params, '住房公积金');
    expect(params.getCell(`B${pension}`).value).toBe(0.16);
    expect(formulaCell(ws.getCell('N3'))).toEqual({ formula: `ROUND(M3*'参数'!$B$${pension},2)`, result: 1088 });
    expect(formulaCell(ws.getCell('O3'))).toEqual({ formula: `ROUND(ROUND(M3*'参数'!$B$${fund},6),0)`, result: 340 });
    expect(formulaCell(ws.getCell('P3'))).toEqual({ formula: 'SUM(N3:O3)', result: 1428 });
    expect(formulaCell(ws.getCell('Q3'))).toEqual({ formula: 'ROUND(P3*F3*G3,2)', result: 102816 });
  });

  it('工会经费 ROUND(530,400 × 2 %, 2) = 10,608; labour 530,400 + 102,816 + 10,608 = 643,824; 合计 row sums', () => {
    const ws = sheet(wb, '人员经费明细');
    expect(formulaCell(ws.getCell('R3')).result).toBe(10608);
    expect(formulaCell(ws.getCell('S3'))).toEqual({ formula: 'L3+Q3+R3', result: 643824 });
    expect(ws.getCell('B4').value).toBe('合计');
    expect(formulaCell(ws.getCell('S4'))).toEqual({ formula: 'SUM(S3:S3)', result: 643824 });
  });

  it('summary: management ROUND(663,024 × 8 %, 2) = 53,041.92; total ROUND(716,065.92 / (1 − 0.03/1.03 × 1.12), 2) = 740,212.66', () => {
    const ws = sheet(wb, '汇总表');
    const params = sheet(wb, '参数');
    const b = (label: string) => formulaCell(ws.getCell(`B${rowOf(ws, label)}`));
    const p = (label: string) => `'参数'!$B$${rowOf(params, label)}`;
    expect(b('直接费用').result).toBe(663024);
    expect(b('管理费')).toEqual({ formula: `ROUND(B${rowOf(ws, '直接费用')}*${p('管理费率')},2)`, result: 53041.92 });
    const sub = `B${rowOf(ws, '小计（不含税）')}`;
    const vat = p('增值税征收率');
    expect(b('预算总额（含税）')).toEqual({ formula: `ROUND(${sub}/(1-${vat}/(1+${vat})*(1+${p('附加税费率（以增值税为基数）')})),2)`, result: 740212.66 });
    expect(b('税费').result).toBe(24146.74);
    expect(b('人员经费占比').result).toBe(0.8698);
    expect(ws.getCell(`B${rowOf(ws, '人员经费占比')}`).numFmt).toBe('0.00%');
    expect(b('管理费占比').result).toBe(0.0717);
  });

  it('the total in capitals (text, not a formula) and the sign-off line', () => {
    const ws = sheet(wb, '汇总表');
    expect(ws.getCell(`B${rowOf(ws, '人民币大写')}`).value).toBe('柒拾肆万零贰佰壹拾贰元陆角陆分');
    const sign = ws.getRow(ws.rowCount);
    expect([sign.getCell(1).value, sign.getCell(2).value, sign.getCell(3).value]).toEqual(['编制人：张三', '审核人：', '日期：2026-11-25']);
  });

  it('money cells are formatted #,##0.00', () => {
    expect(sheet(wb, '人员经费明细').getCell('L3').numFmt).toBe('#,##0.00');
    expect(sheet(wb, '汇总表').getCell(`B${rowOf(sheet(wb, '汇总表'), '管理费')}`).numFmt).toBe('#,##0.00');
  });

  it('every sheet prints on A4, its header rows repeated, page X of Y in the footer, panes frozen', () => {
    // the bid package is never shown nor printed
    for (const ws of wb.worksheets.filter((w) => w.state !== 'veryHidden')) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    }
    // the summary shrinks to one landscape page so its sign-off line stays with the figures
    expect(sheet(wb, '汇总表').pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 1 });
    // five narrow columns print portrait, and a guide this short on one page
    expect(sheet(wb, '薪酬指导价').pageSetup).toMatchObject({ orientation: 'portrait', fitToWidth: 1, fitToHeight: 1, printTitlesRow: '1:2' });
  });

  it('人员经费明细 is too wide for one page at 80 %: two pages across, 序号 岗位 等级 and the header row on each, the title in the page header', () => {
    const staff = sheet(wb, '人员经费明细');
    expect(staff.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 2,
      fitToHeight: 0,
      pageOrder: 'overThenDown',
      printTitlesColumn: 'A:C',
      printTitlesRow: '2:2',
      printArea: 'A2:S4', // the header row, the line and 合计; row 1's title is printed in the page header instead
    });
    expect(staff.headerFooter.oddHeader).toBe('&C&B&12某街道家庭综合服务中心 2026 年度服务项目 人员经费明细');
    expect(staff.views[0]).toMatchObject({ xSplit: 3, ySplit: 2 });
  });

  it('money columns are as wide as their widest amount as printed: 643,824.00 is 10 characters, its column 11', () => {
    const staff = sheet(wb, '人员经费明细');
    expect(staff.getColumn('S').width).toBe(11);
    expect(staff.getColumn('L').width).toBe(11); // 530,400.00 under 应发工资
    // text counts CJK characters twice: 一线社工 takes 8, plus 2 for the cell's margins
    expect(staff.getColumn('B').width).toBe(10);
  });

  it('合规检查 states each rule as a live formula: 643,824 ≥ 60 % × 740,212.66 → 符合', () => {
    const ws = sheet(wb, '合规检查');
    const f = formulaCell(ws.getCell('B3'));
    expect(f.result).toBe('符合');
    expect(f.formula).toMatch(/^IF\('汇总表'!\$B\$\d+>='参数'!\$B\$\d+\*'汇总表'!\$B\$\d+,"符合","不符合"\)$/);
  });
});

describe('safety: user text stays text, numbers stay numbers', async () => {
  const spec = designExample();
  spec.name = '=HYPERLINK("http://evil","点我")';
  spec.payGuide = {
    name: '@SUM(1)',
    rows: [
      { post: '=1+1', grade: '-2', monthly: '6500.00' },
      { post: '<b>&"x"', grade: "'1'", monthly: '1.00' },
    ],
  };
  spec.staff = [
    { post: '=1+1', grade: '-2', count: 2, months: 12, note: '+CMD|calc' },
    { post: '<b>&"x"', grade: "'1'", count: 1, months: 1 },
  ];
  spec.costs = [{ category: '@活动', name: '=A1*100', unitPrice: '800.00', quantity: 3, note: '-1' }];
  const wb = await workbook(spec);

  it('a name beginning with =, +, - or @ is a string cell, not a formula', () => {
    const staff = sheet(wb, '人员经费明细');
    for (const [cell, value] of [
      [staff.getCell('B3'), '=1+1'],
      [staff.getCell('C3'), '-2'],
      [staff.getCell('T3'), '+CMD|calc'],
      [sheet(wb, '其他费用明细').getCell('B3'), '@活动'],
      [sheet(wb, '其他费用明细').getCell('C3'), '=A1*100'],
      [sheet(wb, '其他费用明细').getCell('H3'), '-1'],
      [sheet(wb, '薪酬指导价').getCell('A1'), '@SUM(1)'],
      [staff.getCell('B4'), '<b>&"x"'],
      [staff.getCell('C4'), "'1'"],
    ] as const) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(value);
    }
    expect(sheet(wb, '汇总表').getCell('A1').value).toBe('=HYPERLINK("http://evil","点我") 预算汇总表');
  });

  it('counts, months, prices are number cells', () => {
    const costs = sheet(wb, '其他费用明细');
    expect(costs.getCell('D3').type).toBe(ExcelJS.ValueType.Number);
    expect(costs.getCell('D3').value).toBe(800);
    expect(costs.getCell('E3').value).toBe(3);
    expect(sheet(wb, '人员经费明细').getCell('F3').type).toBe(ExcelJS.ValueType.Number);
  });
});

describe('a big budget is streamed row by row', () => {
  it('5,000 staff lines: row 5,002 is the last line, row 5,003 sums rows 3..5,002', async () => {
    const input = designExample();
    input.staff = Array.from({ length: 5000 }, (_, i) => ({ post: '一线社工', grade: '社工师', qualification: '社工师', count: 1 + (i % 2), months: 12 }));
    const wb = await workbook(input);
    const ws = sheet(wb, '人员经费明细');
    expect(ws.getCell('A5002').value).toBe(5000);
    // each line: 6,800 × count × 12 → 81,600 or 163,200; 2,500 of each → 612,000,000 gross
    expect(formulaCell(ws.getCell('L5002'))).toEqual({ formula: 'ROUND(K5002*F5002*(G5002+H5002),2)', result: 163200 });
    expect(formulaCell(ws.getCell('L5003'))).toEqual({ formula: 'SUM(L3:L5002)', result: 612000000 });
  });
});
