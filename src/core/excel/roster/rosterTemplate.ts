import type { DataValidation, Worksheet } from 'exceljs';
import { ROSTER_COLUMNS } from '../../roster/schema';
import { ColumnWidths, columnLetter, wrappedLines } from '../cells';
import { A4, BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, ROW_HEIGHT, printAcross, setWidths, sheetOptions } from '../print';
import { QUICK_WRITER, workbookBytes } from '../workbookBytes';

/**
 * The roster import template (花名册导入模板, docs/design.md §People: roster and statistics): the
 * header row exactly as the importer reads it, one example row, drop-down lists on the listed
 * columns for the rows a roster fills, and a sheet explaining every column. Its 19 columns print
 * two A4 landscape pages across at a legible size, 姓名 repeated on the left of each.
 */

/** rows given a drop-down list (a district's roster fits; beyond them a value is still checked on import) */
const LIST_ROWS = 5000;

export const EXAMPLE_ROW: Record<string, string | number> = {
  姓名: '张三（示例，导入前请删除）',
  性别: '女',
  出生日期: '1990-05-01',
  身份证号: '',
  学历: '大学本科',
  领域: '社区',
  职称: '初级',
  持证等级: '助理社会工作师',
  取证日期: '2018-06-20',
  岗位类别: '专职',
  岗位等级: '助理一级',
  档次: 2,
  入职日期: '2016-07-01',
  社区工作年限: 9,
  所在社区: '和平社区',
  所在街道: '和平街道',
  所在区: '示例区',
  考核: '2024:优秀;2025:合格',
  党建岗: '否',
};

const NOTE =
  '表头须与本模板一致（列的顺序不限，“身份证号”列可删去）；空的单元格为“未填”；日期写作 YYYY-MM-DD；' +
  '一行有误则整表不导入，错误按“第 N 行 列名（X 列）”列出。身份证号只保存在本机，导出时一律打码。';

/** exceljs keeps a sheet's validations (in memory and streamed) in `dataValidations`, which its types leave out */
type WithValidations = Worksheet & { dataValidations: { add(range: string, v: DataValidation): void } };

function addLists(sheet: Worksheet): void {
  const ws = sheet as WithValidations;
  ROSTER_COLUMNS.forEach((c, i) => {
    if (!c.list) return;
    const col = columnLetter(i + 1);
    // a list written inline: "男,女" — each value is short and has no comma
    ws.dataValidations.add(`${col}2:${col}${LIST_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.list.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: c.zh,
      error: `请从列表中选择：${c.list.join(' / ')}`,
    });
  });
}

export async function writeRosterTemplate(): Promise<Uint8Array> {
  const bytes = await workbookBytes(QUICK_WRITER, async (wb) => {
    wb.creator = 'Paybench';
    const ws = wb.addWorksheet('花名册', sheetOptions({ headerRows: 1 }));
    const headers = ROSTER_COLUMNS.map((c) => c.zh);
    const example = headers.map((h) => EXAMPLE_ROW[h] ?? '');
    const fit = new ColumnWidths(headers.map(() => null)).header(headers).row(example);
    const columns = fit.widths({ min: 8, max: 28 });
    setWidths(ws, columns);
    printAcross(ws, columns, { keyColumns: 1, firstRow: 1, lastRow: 2, title: '花名册导入模板' });
    // no title row to leave out: without a print area the rows a user fills in print too, not only the example
    delete ws.pageSetup.printArea;
    addLists(ws);
    const h = ws.getRow(1);
    headers.forEach((zh, i) => {
      h.getCell(i + 1).value = zh;
      h.getCell(i + 1).style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center' } };
    });
    h.commit();
    const r = ws.getRow(2);
    example.forEach((v, i) => {
      r.getCell(i + 1).value = v;
      r.getCell(i + 1).style = { font: BODY_FONT, border: GRID };
    });
    r.height = ROW_HEIGHT;
    r.commit();
    await ws.commit();

    const help = wb.addWorksheet('填写说明', sheetOptions({ headerRows: 1 }));
    const head = ['列（表头）', '必填', '填写要求'];
    const hf = new ColumnWidths([null, null]).header(head);
    for (const c of ROSTER_COLUMNS) hf.row([c.zh, c.required ? '是' : '否']);
    const widths = hf.widths({ min: 6, max: 20 });
    widths.push(A4.portrait.across - widths.reduce((a, b) => a + b, 0));
    setWidths(help, widths);
    // every cell top-aligned, so a column's name stands level with the first line of its wrapped 填写要求
    const cellStyle = { font: BODY_FONT, border: GRID, alignment: { wrapText: true, vertical: 'top' } } as const;
    const headRow = help.addRow(head);
    headRow.eachCell((cell) => (cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center' } }));
    headRow.commit();
    for (const c of ROSTER_COLUMNS) {
      const row = help.addRow([c.zh, c.required ? '是' : '否', c.help]);
      for (let col = 1; col <= head.length; col++) row.getCell(col).style = cellStyle;
      row.height = Math.max(ROW_HEIGHT, 15 * wrappedLines(c.help, widths[2]!));
      row.commit();
    }
    help.addRow([]).commit();
    const note = help.addRow(['说明', '', NOTE]);
    for (let col = 1; col <= head.length; col++) note.getCell(col).style = { ...cellStyle, border: {} };
    note.getCell(1).font = HEADER_FONT;
    note.height = 15 * wrappedLines(NOTE, widths[2]!);
    note.commit();
    await help.commit();
  });
  return new Uint8Array(bytes);
}
