import type ExcelJS from 'exceljs';
import { ColumnWidths, text, wrappedLines } from '../cells';
import { A4, ROW_HEIGHT, onePageIfShort, sheetOptions } from '../print';
import type { PlanWorkbookInput } from './input';
import { pointText, ruleText } from './labels';
import { titleAndHeader } from './rows';
import { PLAN_SHEETS } from './sheetNames';

/** 参数: the staffing rule and its parameters, the pricing used, and where the community rows are. */
export async function writeParamsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: PlanWorkbookInput, lastCommunityRow: number): Promise<void> {
  const ws = wb.addWorksheet(PLAN_SHEETS.params, sheetOptions({ headerRows: 2, portrait: true }));
  const rows: [string, string][] = [
    ['配备规则', ruleText(input.plan.rule)],
    ['取值点', pointText(input.plan.point)],
    ...input.parameters,
    ['社区数', String(input.plan.communities.length)],
    ['社区测算数据行', `第 3 行至第 ${lastCommunityRow} 行`],
    ...(input.pricing
      ? ([
          ['指导价', input.pricing.guideName],
          ['五险一金参数', input.pricing.contributionsName],
        ] as [string, string][])
      : []),
    ['应持证人数', '= ceil(持证率 × 现有人数)，持证率按城乡取规则参数'],
  ];
  const fit = new ColumnWidths([null]).header(['项目']);
  for (const [k] of rows) fit.cell(1, k);
  const labelWidth = fit.widths({ min: 12, max: 24 })[0]!;
  const widths = [labelWidth, A4.portrait.across - labelWidth]; // the contents wrap within a portrait page
  ws.columns = widths.map((width) => ({ width }));
  const top = titleAndHeader(ws, `${input.title} — 参数`, ['项目', '内容'], widths);
  const heights = [top.title, top.header];
  rows.forEach(([k, v], i) => {
    const row = ws.getRow(3 + i);
    row.getCell(1).value = text(k);
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).value = text(v);
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    row.height = Math.max(1, wrappedLines(v, widths[1]!)) * 15;
    heights.push(Math.max(ROW_HEIGHT, row.height));
    row.commit();
  });
  onePageIfShort(ws, heights);
  await ws.commit();
}
