import type ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { COUNT_FORMAT, ColumnWidths, sheetRange, text } from '../cells';
import { onePageIfShort, printAcross, sheetOptions } from '../print';
import { C, type StreetRange, type SummedColumn } from './communitiesSheet';
import { cached, count, printedHeights, setColumns, titleAndHeader, writeValues } from './rows';
import { PLAN_SHEETS } from './sheetNames';

/**
 * 街道汇总: one row per street — 区, 街道, 社区数, 待补人数, 超出员额, then the summed columns — each a
 * formula over the street's contiguous rows of 社区测算, so recalculation stays linear.
 */
export async function writeStreetsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  title: string,
  sumCols: readonly SummedColumn[],
  streets: readonly StreetRange[],
): Promise<void> {
  const sHeaders = ['区', '街道', '社区数', '待补人数', '超出员额', ...sumCols.map((s) => s.label)];
  const sFormats = [null, null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, ...sumCols.map((s) => s.fmt)];
  const sws = wb.addWorksheet(PLAN_SHEETS.streets, sheetOptions({ headerRows: 2, frozenColumns: 2 }));
  const fit = new ColumnWidths(sFormats).header(sHeaders);
  for (const s of streets)
    fit.row([s.totals.district, s.totals.street, s.totals.communities, s.totals.toRecruit, s.totals.overQuota, ...sumCols.map((c) => c.value(s.totals))]);
  const widths = fit.widths(sHeaders.map((_, i) => (i < 2 ? { min: 8, max: 20 } : { min: 6, max: 8 })));
  const sStyles = setColumns(sws, sFormats, widths);
  const top = titleAndHeader(sws, `${title} — 街道汇总`, sHeaders, widths);
  const across = printAcross(sws, widths, { keyColumns: 2, firstRow: 2, lastRow: 2 + streets.length, title: `${title} — 街道汇总` });
  onePageIfShort(sws, printedHeights(top, across, streets.length));
  const src = (col: number, from: number, to: number) => sheetRange(PLAN_SHEETS.communities, col, from, to);
  streets.forEach((s, i) => {
    const row = sws.getRow(3 + i);
    const t = s.totals;
    const v: CellValue[] = [];
    v[1] = text(t.district);
    v[2] = text(t.street ?? '');
    v[3] = count(`ROWS(${src(C.index, s.from, s.to)})`, t.communities);
    v[4] = count(`SUMIF(${src(C.gap, s.from, s.to)},">0")`, t.toRecruit);
    v[5] = count(`-SUMIF(${src(C.gap, s.from, s.to)},"<0")`, t.overQuota);
    sumCols.forEach((c, j) => (v[6 + j] = cached(`SUM(${src(c.src, s.from, s.to)})`, c.value(t))));
    writeValues(row, v, sStyles);
    row.commit();
  });
  await sws.commit();
}
