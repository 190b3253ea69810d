import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { keepBlockWithTable, printAcross, setWidths, sheetOptions } from '../../../src/core/excel/print';

/**
 * The page arithmetic behind every printed sheet (docs/design.md §Excel workbooks): an A4 page holds
 * 108 width units across landscape and 74 portrait, 740 points down portrait; nothing prints under 80 %.
 * printout.test.ts checks the same sheets as LibreOffice prints them.
 */
const sheet = (opts = sheetOptions({ headerRows: 2 })) => new ExcelJS.Workbook().addWorksheet('表', opts);

describe('setWidths turns the page to suit the columns', () => {
  it('5 columns of 12 + 10 + 6 + 8 + 15 = 51 units fit portrait (74); 3 of 22 + 16 + 56 = 94 do not', () => {
    const narrow = sheet();
    setWidths(narrow, [12, 10, 6, 8, 15]);
    expect(narrow.pageSetup.orientation).toBe('portrait');
    const wide = sheet();
    setWidths(wide, [22, 16, 56]);
    expect(wide.pageSetup.orientation).toBe('landscape');
  });
});

describe('printAcross', () => {
  it('a table of 130 units fits one landscape page at 108 ÷ 130 = 83 %: one page wide, nothing repeated', () => {
    const ws = sheet();
    expect(printAcross(ws, [10, 20, 100], { keyColumns: 2, firstRow: 2, lastRow: 9, title: '表' })).toBe(1);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesColumn).toBeUndefined();
  });

  it('6 + 14 + 8 key units and 23 columns of 10: at 80 % a page holds 135 − 28 = 107 more, so 230 take 3 pages', () => {
    const ws = sheet();
    const widths = [6, 14, 8, ...Array<number>(23).fill(10)];
    expect(printAcross(ws, widths, { keyColumns: 3, firstRow: 2, lastRow: 12, title: 'A & B 人员经费明细' })).toBe(3);
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 3,
      printTitlesColumn: 'A:C',
      printTitlesRow: '2:2',
      printArea: 'A$2:Z$12',
      pageOrder: 'overThenDown',
    });
    // the title is in the page header, its "&" doubled so it is not read as a code
    expect(ws.headerFooter.oddHeader).toBe('&C&B&12A && B 人员经费明细');
  });
});

describe('keepBlockWithTable', () => {
  // portrait: 740 points less the repeated title (24) and header (18) leave 698, 38 rows of 18
  const heights = (tableRows: number, blockRows: number) => [24, 18, ...Array<number>(tableRows + 1 + blockRows).fill(18)];
  // exceljs's type leaves out the sheet's row breaks, which it keeps until the sheet is written
  const breaks = (ws: ExcelJS.Worksheet) => (ws as unknown as { rowBreaks: ExcelJS.RowBreak[] }).rowBreaks.map((b) => b.id);

  it('a sheet that fits one page at 80 % (42 + 41 × 18 = 780 ≤ 925 points) is printed on one page', () => {
    const ws = sheet(sheetOptions({ headerRows: 2, portrait: true }));
    keepBlockWithTable(ws, heights(30, 10), { repeatedRows: 2, blockFrom: 33 });
    expect(ws.pageSetup.fitToHeight).toBe(1);
    expect(breaks(ws)).toEqual([]);
  });

  it('76 guide rows (3–78), a blank row 79, 10 rows of details: the details would begin page 3, so 3 guide rows go with them', () => {
    const ws = sheet(sheetOptions({ headerRows: 2, portrait: true }));
    keepBlockWithTable(ws, heights(76, 10), { repeatedRows: 2, blockFrom: 79 });
    // pages of 38 rows: 3–40, 41–78, then 79… alone; the last break moves from after 78 to after 75
    expect(breaks(ws)).toEqual([40, 75]);
    expect(ws.pageSetup.fitToHeight).toBe(0);
  });

  it('60 guide rows: the details share page 2 with rows 41–62 anyway, the breaks fall where the rows fill the page', () => {
    const ws = sheet(sheetOptions({ headerRows: 2, portrait: true }));
    keepBlockWithTable(ws, heights(60, 10), { repeatedRows: 2, blockFrom: 63 });
    expect(breaks(ws)).toEqual([40]);
  });
});
