import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  COST_TABLE_FIELDS,
  STAFF_TABLE_FIELDS,
  costLinesOfTable,
  guessHeaderRow,
  guessMapping,
  problemPlace,
  readTableGrid,
  staffLinesOfTable,
  textTableGrid,
} from '../../../src/core/excel/readers/tableImport';
import { ValidationError } from '../../../src/core/spec/fields';

/**
 * Bids from other templates (docs/design.md §Excel workbooks, "Bids from other templates"): an NGO's own staff sheet —
 * a title row above the header, its own header words, a 合计 row — read into staff lines, and each bad cell named by
 * its row, column and field.
 */
async function ngoWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '本表为某社工机构自制预算';
  const ws = wb.addWorksheet('人员配置');
  ws.addRow(['某社区服务项目人员配置表']); // row 1: a title
  ws.addRow([]); // row 2: blank
  ws.addRow(['序号', '岗位类别', '薪级', '档', '持证情况', '人员数量', '计薪月数', '约定月薪（元）', '备注']); // row 3
  ws.addRow([1, '一线社工', '社工师', '2档', '社工师', 3, 12, null, '']); // row 4
  ws.addRow([2, '督导', '高级社工师', 1, '无', 0.5, null, '8,000.00', '半职']); // row 5
  ws.addRow([3, '一线社工', '', 1, '', '两人', 12, null, '']); // row 6: no grade, a count in words
  ws.addRow([4, '财务', '助理', 1, '', 1, 13, 'abc', '']); // row 7: a pay that is not a number
  ws.addRow(['合计', '', '', '', '', 4.5, '', '', '']); // row 8: the sums row
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a staff table from another template', () => {
  it('finds the header under the title, guesses each column, and names every bad cell by row and column', async () => {
    const grid = readTableGrid('机构预算.xlsx', await ngoWorkbook(), '人员配置');
    expect(grid.sheets).toEqual(['说明', '人员配置']);
    const h = guessHeaderRow(grid, STAFF_TABLE_FIELDS);
    expect(grid.rows[h]!.number).toBe(3);
    const mapping = guessMapping(grid.rows[h]!.cells, STAFF_TABLE_FIELDS);
    // 序号 is left out; 岗位类别 → post, 薪级 → grade, 档 → step, 持证情况 → qualification, 人员数量 → count …
    expect(mapping).toEqual([null, 'post', 'grade', 'step', 'qualification', 'count', 'months', 'monthly', 'note']);

    const { lines, problems } = staffLinesOfTable(grid, h, mapping, 12);
    // rows 4 and 5 are lines; the 合计 row is not
    expect(lines.map((l) => l.row)).toEqual([4, 5]);
    // "2档" is step 2; 无 is no certificate; a blank 月数 takes the project's 12; "8,000.00" is 8000.00
    expect(lines[0]!.line).toMatchObject({ post: '一线社工', grade: '社工师', step: 2, qualification: '社工师', count: 3, months: 12 });
    expect(lines[1]!.line).toMatchObject({ post: '督导', step: 1, count: 0.5, months: 12, monthly: '8000.00', note: '半职' });
    expect(lines[1]!.line.qualification).toBeUndefined();

    const places = problems.map((p) => problemPlace('staff', p));
    expect(places).toEqual(['人员表 第 6 行 C 列「等级」', '人员表 第 6 行 F 列「人数」', '人员表 第 7 行 H 列「月薪」']);
  });

  it('reads the first sheet when none is named, and refuses a sheet that is not there by name', async () => {
    const bytes = await ngoWorkbook();
    expect(readTableGrid('机构预算.xlsx', bytes).sheet).toBe('说明');
    expect(() => readTableGrid('机构预算.xlsx', bytes, '费用')).toThrow(/没有名为“费用”的工作表；现有：说明、人员配置/);
    expect(() => readTableGrid('预算.pdf', bytes)).toThrow(ValidationError);
    expect(() => readTableGrid('坏文件.xlsx', new TextEncoder().encode('not a zip'))).toThrow(ValidationError);
  });

  it('says which required column is missing', () => {
    const grid = textTableGrid('岗位\t人数\n一线社工\t2\n');
    const mapping = guessMapping(grid.rows[0]!.cells, STAFF_TABLE_FIELDS);
    const { lines, problems } = staffLinesOfTable(grid, 0, mapping, 12);
    expect(lines).toEqual([]);
    expect(problems.map((p) => problemPlace('staff', p))).toEqual(['人员表「等级」']);
    expect(problems[0]!.message).toContain('没有对应「等级」的列');
  });
});

describe('a cost table pasted from a sheet', () => {
  it('reads 类别/名称/单价/数量/次数 by their headers; a price in words is named at its cell', () => {
    // a csv saved by Excel: GBK or UTF-8 alike (decodeText), here the paste's tabs
    const grid = textTableGrid(
      ['科目\t明细\t单价(元)\t数量\t次数', '活动费\t社区活动\t800\t24\t1', '督导培训费\t外聘督导\t一千\t12\t', '办公费\t电费\t0.6173\t12,000\t1'].join('\n'),
    );
    const h = guessHeaderRow(grid, COST_TABLE_FIELDS);
    const mapping = guessMapping(grid.rows[h]!.cells, COST_TABLE_FIELDS);
    expect(mapping).toEqual(['category', 'name', 'unitPrice', 'quantity', 'times']);
    const { lines, problems } = costLinesOfTable(grid, h, mapping);
    // 800 × 24 × 1; 0.6173 元 × 12,000 (the thousands separator read as the sheet shows it)
    expect(lines.map((l) => [l.row, l.line.name, l.line.unitPrice, l.line.quantity, l.line.times])).toEqual([
      [2, '社区活动', '800', 24, 1],
      [4, '电费', '0.6173', 12000, 1],
    ]);
    expect(problems.map((p) => problemPlace('costs', p))).toEqual(['费用表 第 3 行 C 列「单价」']);
  });
});
