import { maskIdNumber } from '../../roster/mask';
import { ROSTER_COLUMNS, type Worker, ratingsText } from '../../roster/schema';
import { ColumnWidths, text } from '../cells';
import { GRID, HEADER_FILL, HEADER_FONT, printAcross, setWidths, sheetOptions } from '../print';
import { commitRow } from '../streaming';
import { QUICK_WRITER, workbookBytes } from '../workbookBytes';

/**
 * The roster as a workbook (花名册导出, docs/design.md §People: roster and statistics): the import
 * template's columns, so the file can be edited and imported again, 身份证号 masked
 * (110***********1234) — the full number never leaves the machine in a file. Dates are text
 * YYYY-MM-DD as the template asks; 档次 and 年限 are numbers. Streamed row by row.
 */

export function rosterRowValues(w: Worker): (string | number)[] {
  const values: Record<string, string | number> = {
    姓名: text(w.name),
    性别: w.gender ?? '',
    出生日期: w.birthDate ?? '',
    身份证号: maskIdNumber(w.idNumber),
    学历: w.education ?? '',
    领域: text(w.field),
    职称: w.title ?? '',
    持证等级: w.certificate ?? '',
    取证日期: w.certificateDate ?? '',
    岗位类别: text(w.postType),
    岗位等级: text(w.postLevel),
    档次: w.step ?? '',
    入职日期: w.hireDate ?? '',
    社区工作年限: w.communityYears ?? '',
    所在社区: text(w.community),
    所在街道: text(w.street),
    所在区: text(w.district),
    考核: ratingsText(w.ratings),
    党建岗: w.partyPost === null ? '' : w.partyPost ? '是' : '否',
  };
  return ROSTER_COLUMNS.map((c) => values[c.zh] ?? '');
}

/** How often a long export says how far it is: every this many rows written. */
export const ROWS_PER_REPORT = 1000;

/**
 * The workbook's bytes. `onRows(written, total)` is called every ROWS_PER_REPORT rows and once at
 * the last row, so a job can move its bar by the rows written (the zip's last step follows them).
 */
export async function writeRosterWorkbook(workers: readonly Worker[], onRows: (written: number, total: number) => void = () => {}): Promise<Uint8Array> {
  const headers = ROSTER_COLUMNS.map((c) => c.zh);
  const fit = new ColumnWidths(headers.map(() => null)).header(headers);
  // widths from the first rows and every row's longest texts would cost a pass; the first 2,000 decide
  for (const w of workers.slice(0, 2000)) fit.row(rosterRowValues(w));
  const bytes = await workbookBytes({ ...QUICK_WRITER, useSharedStrings: true }, async (wb) => {
    wb.creator = 'Paybench';
    const ws = wb.addWorksheet('花名册', sheetOptions({ headerRows: 1, frozenColumns: 1 }));
    const widths = fit.widths({ min: 6, max: 24 });
    setWidths(ws, widths);
    // 19 columns: several pages across, 姓名 repeated at the left of each (docs/design.md §Excel workbooks)
    printAcross(ws, widths, { keyColumns: 1, firstRow: 1, lastRow: workers.length + 1, title: '花名册' });
    const h = ws.getRow(1);
    headers.forEach((zh, i) => {
      h.getCell(i + 1).value = zh;
      h.getCell(i + 1).style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center' } };
    });
    h.commit();
    let r = 2;
    for (const w of workers) {
      const row = ws.getRow(r++);
      row.values = rosterRowValues(w);
      commitRow(ws, row);
      const written = r - 2;
      if (written % ROWS_PER_REPORT === 0 || written === workers.length) onRows(written, workers.length);
    }
    await ws.commit();
  });
  return new Uint8Array(bytes);
}
