import type ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import type { PlanTotals } from '../../plan/areaPlan';
import { COUNT_FORMAT, ColumnWidths, columnLetter, sheetRange, text } from '../cells';
import { onePageIfShort, printAcross, sheetOptions } from '../print';
import type { DistrictRange, SummedColumn } from './communitiesSheet';
import { cached, count, printedHeights, setColumns, titleAndHeader, writeValues } from './rows';
import { PLAN_SHEETS } from './sheetNames';

/**
 * 区汇总: one row per district summing its contiguous rows of 街道汇总 (the same columns, 街道数 in
 * place of 街道), then a 合计 row summing the districts.
 */
export async function writeDistrictsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  title: string,
  sumCols: readonly SummedColumn[],
  districts: readonly DistrictRange[],
  total: { totals: PlanTotals; streets: number },
): Promise<void> {
  const dHeaders = ['区', '街道数', '社区数', '待补人数', '超出员额', ...sumCols.map((s) => s.label)];
  const dFormats = [null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, ...sumCols.map((s) => s.fmt)];
  const dws = wb.addWorksheet(PLAN_SHEETS.districts, sheetOptions({ headerRows: 2, frozenColumns: 1 }));
  const fit = new ColumnWidths(dFormats).header(dHeaders);
  for (const d of districts)
    fit.row([d.totals.district, d.last - d.first + 1, d.totals.communities, d.totals.toRecruit, d.totals.overQuota, ...sumCols.map((c) => c.value(d.totals))]);
  const t = total.totals;
  fit.row(['合计', total.streets, t.communities, t.toRecruit, t.overQuota, ...sumCols.map((c) => c.value(t))]);
  const widths = fit.widths(dHeaders.map((_, i) => (i < 1 ? { min: 8, max: 20 } : { min: 6, max: 8 })));
  const dStyles = setColumns(dws, dFormats, widths);
  const top = titleAndHeader(dws, `${title} — 区汇总`, dHeaders, widths);
  const across = printAcross(dws, widths, { keyColumns: 1, firstRow: 2, lastRow: 3 + districts.length, title: `${title} — 区汇总` });
  onePageIfShort(dws, printedHeights(top, across, districts.length + 1));
  const sref = (col: number, from: number, to: number) => sheetRange(PLAN_SHEETS.streets, col, from, to);
  districts.forEach((d, i) => {
    const row = dws.getRow(3 + i);
    const t = d.totals;
    const from = 3 + d.first;
    const to = 3 + d.last;
    const v: CellValue[] = [];
    v[1] = text(t.district);
    v[2] = count(`ROWS(${sref(1, from, to)})`, d.last - d.first + 1);
    v[3] = count(`SUM(${sref(3, from, to)})`, t.communities);
    v[4] = count(`SUM(${sref(4, from, to)})`, t.toRecruit);
    v[5] = count(`SUM(${sref(5, from, to)})`, t.overQuota);
    sumCols.forEach((c, j) => (v[6 + j] = cached(`SUM(${sref(6 + j, from, to)})`, c.value(t))));
    writeValues(row, v, dStyles);
    row.commit();
  });
  const totalRow = 3 + districts.length;
  const tr = dws.getRow(totalRow);
  const tv: CellValue[] = [];
  tv[1] = '合计';
  tv[2] = count(`SUM(B3:B${totalRow - 1})`, total.streets);
  tv[3] = count(`SUM(C3:C${totalRow - 1})`, t.communities);
  tv[4] = count(`SUM(D3:D${totalRow - 1})`, t.toRecruit);
  tv[5] = count(`SUM(E3:E${totalRow - 1})`, t.overQuota);
  sumCols.forEach((c, j) => {
    const L = columnLetter(6 + j);
    tv[6 + j] = cached(`SUM(${L}3:${L}${totalRow - 1})`, c.value(t));
  });
  writeValues(tr, tv, dStyles);
  tr.commit();
  await dws.commit();
}
