import { COMMUNITY_COLUMNS } from '../plan/community';
import { ColumnWidths, columnLetter, wrappedLines } from './cells';
import { A4, GRID, HEADER_FILL, HEADER_FONT, ROW_HEIGHT, setWidths, sheetOptions } from './print';
import { QUICK_WRITER, workbookBytes } from './workbookBytes';

/** Ruled rows under the header: a printed page's worth. */
const FORM_ROWS = 25;

const NOTE = '表头可用中文或英文，列的顺序不限，多余的列忽略；一行有误则整表不导入，错误按“第 N 行 列名（X 列）”列出。';

/**
 * The empty community list to fill in (docs/community-template.md): the header row in Chinese, and a
 * sheet explaining each column. readers/communityImport.ts reads it back, under either header.
 * Printed, the list is one page wide with its header repeated; the explanations wrap within the page.
 */
export async function writeCommunityTemplate(): Promise<Uint8Array> {
  const bytes = await workbookBytes(QUICK_WRITER, async (wb) => {
    wb.creator = 'Paybench';
    const ws = wb.addWorksheet('社区名单', sheetOptions({ headerRows: 1 }));
    // wide enough for the header and for what is written in by hand: a name takes more room than a number
    const room = (key: string) => (key === 'name' ? 18 : key === 'district' || key === 'street' ? 14 : 10);
    const listFit = new ColumnWidths(COMMUNITY_COLUMNS.map(() => null)).header(COMMUNITY_COLUMNS.map((c) => c.zh));
    setWidths(ws, listFit.widths(COMMUNITY_COLUMNS.map((c) => ({ min: room(c.key), max: 20 }))));
    const h = ws.getRow(1);
    COMMUNITY_COLUMNS.forEach((c, i) => {
      h.getCell(i + 1).value = c.zh;
      h.getCell(i + 1).style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center' } };
    });
    h.commit();
    // printed, the template is a form to fill in by hand: ruled empty rows (the importer skips blank rows),
    // in the print area, or the spreadsheet would print the header alone ("$" is added before each corner)
    ws.pageSetup.printArea = `A$1:${columnLetter(COMMUNITY_COLUMNS.length)}$${1 + FORM_ROWS}`;
    for (let r = 2; r <= 1 + FORM_ROWS; r++) {
      const row = ws.getRow(r);
      COMMUNITY_COLUMNS.forEach((_, i) => (row.getCell(i + 1).style = { border: GRID }));
      row.height = ROW_HEIGHT; // a streamed row without values is written only when it has a height
      row.commit();
    }
    await ws.commit();

    const help = wb.addWorksheet('填写说明', sheetOptions({ headerRows: 1 }));
    const head = ['列（中文表头）', '英文表头', '必填', '填写要求'];
    const fit = new ColumnWidths([null, null, null]).header(head);
    for (const c of COMMUNITY_COLUMNS) fit.row([c.zh, c.en, c.required ? '是' : '否']);
    const widths = fit.widths({ min: 6, max: 20 });
    widths.push(A4.landscape.across - widths.reduce((a, b) => a + b, 0)); // 填写要求 wraps within the page
    setWidths(help, widths);
    const top = { vertical: 'top' } as const;
    const requirement = { wrapText: true, vertical: 'top' } as const;
    const headRow = help.addRow(head);
    headRow.eachCell((cell) => (cell.font = HEADER_FONT));
    headRow.commit();
    for (const c of COMMUNITY_COLUMNS) {
      const row = help.addRow([c.zh, c.en, c.required ? '是' : '否', c.help]);
      for (const col of [1, 2, 3]) row.getCell(col).alignment = top;
      row.getCell(4).alignment = requirement;
      row.height = 15 * wrappedLines(c.help, widths[3]!);
      row.commit();
    }
    help.addRow([]).commit();
    const note = help.addRow(['说明', '', '', NOTE]);
    note.getCell(1).alignment = top;
    note.getCell(4).alignment = requirement;
    note.height = 15 * wrappedLines(NOTE, widths[3]!);
    note.commit();
    await help.commit();
  });
  return new Uint8Array(bytes);
}
