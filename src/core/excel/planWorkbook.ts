import { communityColumns, summedColumns, writeCommunitiesSheet } from './plan/communitiesSheet';
import { writeDistrictsSheet } from './plan/districtsSheet';
import { DEFAULT_PLAN_TITLE, type PlanWorkbookInput } from './plan/input';
import { writeMixSheet } from './plan/mixSheet';
import { writeParamsSheet } from './plan/paramsSheet';
import { writeProjectionSheet } from './plan/projectionSheet';
import { writeStreetsSheet } from './plan/streetsSheet';
import { writeSummarySheet } from './plan/summarySheet';
import { QUICK_WRITER, workbookBytes } from './workbookBytes';

export { PLAN_SHEETS } from './plan/sheetNames';
export { DEFAULT_PLAN_TITLE } from './plan/input';
export type { PlanPricing, PlanWorkbookInput } from './plan/input';

/**
 * 区域规划工作簿 — written with ExcelJS's streaming writer (a 100,000-community plan must not sit in
 * memory as a cell tree). As in the budget workbook (docs/design.md §Excel workbooks) every computed
 * cell is a formula over visible cells with the program's value cached; one module per sheet in
 * plan/: 规划汇总 (the sheet it opens on), 岗位结构 (when priced), 社区测算, 街道汇总, 区汇总,
 * 多年预测 (when projected), 参数. The sheets are written in that order, each committed before the
 * next: a later sheet's formulas refer to rows an earlier one returned, and the summary's to the
 * 合计 row of 区汇总, whose place the plan's district count gives beforehand.
 */
export async function writePlanWorkbook(plain: PlanWorkbookInput): Promise<Uint8Array> {
  const input = { ...plain, title: plain.title.trim() || DEFAULT_PLAN_TITLE };
  const cols = communityColumns(input);
  const sumCols = summedColumns(cols, input.pricing !== null);
  const bytes = await workbookBytes(QUICK_WRITER, async (wb) => {
    wb.creator = 'Paybench';
    await writeSummarySheet(wb, input, sumCols);
    const mix = input.pricing ? await writeMixSheet(wb, input.pricing) : null;
    const rows = await writeCommunitiesSheet(wb, input, cols, mix);
    await writeStreetsSheet(wb, input.title, sumCols, rows.streets);
    await writeDistrictsSheet(wb, input.title, sumCols, rows.districts, { totals: input.plan.totals, streets: rows.streets.length });
    if (input.projection && input.projection.length) await writeProjectionSheet(wb, input.title, input.projection);
    await writeParamsSheet(wb, input, rows.lastRow);
  });
  return new Uint8Array(bytes);
}
