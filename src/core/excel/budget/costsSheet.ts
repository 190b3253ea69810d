import type { CellValue, Style, Worksheet } from 'exceljs';
import type { BudgetResult } from '../../budget/compute';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, formula, num, text } from '../cells';
import { BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, TITLE_FONT, TOTAL_FILL, ROW_HEIGHT, onePageIfShort, setWidths, titleRowHeight } from '../print';
import { commitRow } from '../streaming';

/** 其他费用明细: 金额 = ROUND(单价 × 数量 × 次数, 2) per line (compute.ts), and their sum. */
export const COSTS_FIRST_ROW = 3;
export const COSTS_AMOUNT_COL = 7;
/** unit prices as written, up to 4 decimals (0.6173 元/度); amounts stay to the fen */
export const UNIT_PRICE_FORMAT = '#,##0.00##';
export const costsTotalRow = (lines: number) => COSTS_FIRST_ROW + lines;

export function writeCostsSheet(ws: Worksheet, result: BudgetResult, title: string): void {
  const lines = result.costs;
  const headers = ['序号', '类别', '名称', '单价（元）', '数量', '次数', '金额（元）', '备注'];
  const formats = [COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, UNIT_PRICE_FORMAT, COUNT_FORMAT, COUNT_FORMAT, MONEY_FORMAT, COUNT_FORMAT];
  // amounts from every line (extremes only); names and notes from the first 500, since a long text only runs on
  const fit = new ColumnWidths(formats).header(headers);
  lines.forEach((line, i) => {
    const k = line.input;
    if (i < 500)
      fit
        .cell(2, k.category)
        .cell(3, k.name)
        .cell(8, k.note ?? '');
    fit
      .cell(1, i + 1)
      .cell(4, k.unitPrice)
      .cell(5, k.quantity)
      .cell(6, k.times)
      .cell(7, line.amount);
  });
  fit.cell(2, '合计').cell(7, result.totals.otherCosts);
  const widths = fit.widths([{}, { min: 8, max: 24 }, { min: 14, max: 40 }, {}, {}, {}, {}, { min: 8, max: 40 }]);
  setWidths(ws, widths);
  const styles: Partial<Style>[] = formats.map((numFmt) => ({ font: BODY_FONT, border: GRID, numFmt })); // shared: see staffSheet.ts
  onePageIfShort(ws, [titleRowHeight(title, widths), 22, ...new Array<number>(lines.length + 1).fill(ROW_HEIGHT)]);

  const t = ws.addRow([text(title)]);
  t.height = titleRowHeight(title, widths);
  t.getCell(1).style = { font: TITLE_FONT, alignment: { vertical: 'middle', wrapText: true } };
  ws.mergeCells(1, 1, 1, 8);
  t.commit();
  const h = ws.addRow(headers);
  h.height = 22;
  h.eachCell((cell) => {
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  h.commit();

  lines.forEach((line, i) => {
    const r = COSTS_FIRST_ROW + i;
    const k = line.input;
    const row = ws.addRow([
      i + 1,
      text(k.category),
      text(k.name),
      num(k.unitPrice),
      num(k.quantity),
      num(k.times),
      formula(`ROUND(D${r}*E${r}*F${r},2)`, line.amount),
      text(k.note ?? ''),
    ]);
    for (let col = 1; col <= 8; col++) row.getCell(col).style = styles[col - 1]!;
    commitRow(ws, row);
  });

  const total: CellValue = lines.length ? formula(`SUM(G${COSTS_FIRST_ROW}:G${costsTotalRow(lines.length) - 1})`, result.totals.otherCosts) : 0;
  const tr = ws.addRow([null, '合计', null, null, null, null, total, null]);
  for (let col = 1; col <= 8; col++) tr.getCell(col).style = { ...styles[col - 1]!, font: HEADER_FONT, fill: TOTAL_FILL };
  tr.commit();
}
