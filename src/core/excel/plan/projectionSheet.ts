import type ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { fromFen } from '../../money/decimal';
import type { ProjectionYear } from '../../plan/projection';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, columnLetter, formula, num } from '../cells';
import { onePageIfShort, printAcross, sheetOptions } from '../print';
import { printedHeights, setColumns, titleAndHeader, writeValues } from './rows';
import { PLAN_SHEETS } from './sheetNames';

/** 多年预测: one row per year — head count, each post type's step and guide pay, and the year's cost (人员经费 = the three parts). */
export async function writeProjectionSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, title: string, years: readonly ProjectionYear[]): Promise<void> {
  const labels = years[0]!.monthly.map((m) => m.label);
  const headers = ['年度', '人数', ...labels.flatMap((l) => [`${l}档次`, `${l}指导价月薪`]), '应发工资', '单位缴费', '工会经费等', '人员经费'];
  const ws = wb.addWorksheet(PLAN_SHEETS.projection, sheetOptions({ headerRows: 2, frozenColumns: 1 }));
  const formats = ['0', COUNT_FORMAT, ...labels.flatMap(() => [COUNT_FORMAT, MONEY_FORMAT]), MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT];
  const fit = new ColumnWidths(formats).header(headers);
  for (const y of years) {
    const c = y.cost;
    fit.row([
      y.year,
      y.headcount,
      ...y.monthly.flatMap((m) => [m.step, Number(m.monthly)]),
      fromFen(c.gross),
      fromFen(c.contributions),
      fromFen(c.levies),
      fromFen(c.labour),
    ]);
  }
  const widths = fit.widths({ min: 6, max: 12 });
  const pStyles = setColumns(ws, formats, widths);
  const sheetTitle = `${title} — 多年预测（指导价逐年调整并四舍五入到分）`;
  const top = titleAndHeader(ws, sheetTitle, headers, widths);
  const across = printAcross(ws, widths, { keyColumns: 1, firstRow: 2, lastRow: 2 + years.length, title: sheetTitle });
  onePageIfShort(ws, printedHeights(top, across, years.length));
  const g = 3 + labels.length * 2;
  years.forEach((y, i) => {
    const r = 3 + i;
    const row = ws.getRow(r);
    const v: CellValue[] = [];
    v[1] = y.year;
    v[2] = y.headcount;
    y.monthly.forEach((m, k) => {
      v[3 + 2 * k] = m.step;
      v[4 + 2 * k] = Number(m.monthly);
    });
    v[g] = num(fromFen(y.cost.gross));
    v[g + 1] = num(fromFen(y.cost.contributions));
    v[g + 2] = num(fromFen(y.cost.levies));
    v[g + 3] = formula(`${columnLetter(g)}${r}+${columnLetter(g + 1)}${r}+${columnLetter(g + 2)}${r}`, fromFen(y.cost.labour));
    writeValues(row, v, pStyles);
    row.commit();
  });
  await ws.commit();
}
