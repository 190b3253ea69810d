import ExcelJS from 'exceljs';
import type { BudgetResult } from '../budget/compute';
import { type ResolvedBudgetSpec, guidesUsed } from '../budget/fromSpec';
import type { BudgetSpec } from '../spec/budgetSpec';
import { type BidOrigin, writeBidPackageSheet } from './budget/bidPackageSheet';
import { writeChecksSheet } from './budget/checksSheet';
import { writeCostsSheet } from './budget/costsSheet';
import { planGuideSheets, writeGuideSheet } from './budget/guideSheet';
import { paramEntries, paramRows, writeParamsSheet } from './budget/paramsSheet';
import { type RosterAnnexEntry, writeRosterAnnexSheet } from './budget/rosterAnnexSheet';
import { CHECKS, COSTS, GUIDE, PARAMS, ROSTER_ANNEX, STAFF, SUMMARY } from './budget/sheetNames';
import { optionalColumns, staffColumns, writeStaffSheet } from './budget/staffSheet';
import { socialWorkPostsFormula, summaryRows, writeSummarySheet } from './budget/summarySheet';
import { sheetOptions } from './print';
import { workbookBytes } from './workbookBytes';

/**
 * The budget workbook a finance bureau audits (docs/design.md §Excel workbooks). Every computed cell is a formula
 * over visible cells with the program's value cached. It is always written with exceljs's streaming
 * writer, row by row, each row committed as soon as it is written: the addresses every formula needs
 * are planned first (参数 rows, guide rows, column letters, total rows), so no sheet is held in memory
 * and a 100,000-line budget costs no more memory than its result.
 */
export interface WorkbookMeta {
  preparedBy?: string;
  date?: string;
  /** the guide and contribution set as the store names them, for the bid package (bidPackageSheet.ts) */
  bid?: BidOrigin;
  /** who is on which staff line, for a project built from the roster: the 名册附表 sheet (rosterAnnexSheet.ts) */
  rosterAnnex?: RosterAnnexEntry[];
}

async function writeBudget(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: BudgetResult, spec: BudgetSpec, meta: WorkbookMeta): Promise<void> {
  if ('ref' in spec.payGuide) throw new Error('预算的指导价须先从数据库解析为完整指导价 / resolve payGuide.ref first');
  const model = result.model;
  const params = paramEntries(model, { periodStart: spec.period.start });
  const paramRowOf = paramRows(params);
  const guides = guidesUsed(spec as ResolvedBudgetSpec, model); // spec v2: every version in force during the period
  const guidePlan = planGuideSheets(guides);
  const cols = staffColumns(model.contributions.items.length, model.contributions.levies.length, optionalColumns(result));
  wb.creator = 'Paybench 社工薪酬与购买服务预算工作台';
  wb.created = new Date();

  const summary = wb.addWorksheet(SUMMARY, sheetOptions({ headerRows: 5, onePage: true }));
  writeSummarySheet(
    summary,
    result,
    { staffCols: cols, params: paramRowOf },
    {
      preparedBy: meta.preparedBy,
      date: meta.date,
      purchaser: spec.purchaser,
      provider: spec.provider,
      periodStart: spec.period.start,
    },
  );
  await summary.commit();

  const staff = wb.addWorksheet(STAFF, sheetOptions({ headerRows: 2, frozenColumns: 3 }));
  writeStaffSheet(wb, staff, result, { cols, guide: guidePlan, params: paramRowOf }, `${model.name} 人员经费明细`);
  await staff.commit();

  const costs = wb.addWorksheet(COSTS, sheetOptions({ headerRows: 2, frozenColumns: 3 }));
  writeCostsSheet(costs, result, `${model.name} 其他费用明细`);
  await costs.commit();

  const guide = wb.addWorksheet(GUIDE, sheetOptions({ headerRows: 2 }));
  writeGuideSheet(guide, guides, guidePlan);
  await guide.commit();

  const paramSheet = wb.addWorksheet(PARAMS, sheetOptions({ headerRows: 2 }));
  writeParamsSheet(paramSheet, params, `${model.name} 计算参数`);
  await paramSheet.commit();

  const checks = wb.addWorksheet(CHECKS, sheetOptions({ headerRows: 2 }));
  writeChecksSheet(
    checks,
    result,
    { params: paramRowOf, summary: summaryRows(model), socialWorkPosts: socialWorkPostsFormula(result, cols) },
    `${model.name} 合规检查`,
  );
  await checks.commit();

  if (meta.rosterAnnex?.length) {
    const annex = wb.addWorksheet(ROSTER_ANNEX, sheetOptions({ headerRows: 2, frozenColumns: 3 }));
    writeRosterAnnexSheet(annex, result, meta.rosterAnnex, cols, `${model.name} 名册附表`);
    await annex.commit();
  }

  await writeBidPackageSheet(wb, spec, { origin: meta.bid, preparedBy: meta.preparedBy, date: meta.date });
}

const writerOptions = { useStyles: true, useSharedStrings: true } as const;

export async function budgetWorkbookBuffer(result: BudgetResult, spec: BudgetSpec, meta: WorkbookMeta = {}): Promise<Buffer> {
  return workbookBytes(writerOptions, (wb) => writeBudget(wb, result, spec, meta));
}

export async function writeBudgetWorkbookFile(result: BudgetResult, spec: BudgetSpec, file: string, meta: WorkbookMeta = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...writerOptions, filename: file });
  await writeBudget(wb, result, spec, meta);
  await wb.commit();
}
