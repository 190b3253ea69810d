import { priceBudget } from '../../core/budget/pipeline';
import { type WorkbookMeta, budgetWorkbookBuffer } from '../../core/excel/budgetWorkbook';
import type { BudgetSpec } from '../../core/spec/budgetSpec';

/**
 * The budget workbook written inside the file worker (parseJobs.ts loads this module only when an
 * export is asked for, so a worker that only reads imports stays lean). The spec arrives resolved
 * — guide cells inline — so pricing it again here gives exactly the host's figures.
 */
export async function budgetWorkbookBytes(spec: BudgetSpec, meta: WorkbookMeta): Promise<Uint8Array> {
  const priced = priceBudget(spec);
  return new Uint8Array(await budgetWorkbookBuffer(priced.result, priced.spec, meta));
}
