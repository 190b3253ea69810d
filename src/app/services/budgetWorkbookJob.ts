import { priceBudget } from '../../core/budget/pipeline';
import { type WorkbookMeta, budgetWorkbookBuffer } from '../../core/excel/budgetWorkbook';
import type { BudgetSpec } from '../../core/spec/budgetSpec';

/**
 * The budget workbook written inside the file worker (parseJobs.ts loads this module only when an
 * export is asked for, so a worker that only reads imports stays lean). The spec arrives resolved
 * — guide cells inline — so pricing it again here gives exactly the host's figures.
 */
export async function budgetWorkbookBytes(
  spec: BudgetSpec,
  meta: WorkbookMeta,
  report: (fraction: number, label: string) => void = () => {},
): Promise<Uint8Array> {
  report(0, '计算预算');
  const priced = priceBudget(spec);
  // pricing is about a fifth of the work, writing the sheets the rest (a 100,000-line budget)
  report(0.2, '写出工作簿');
  const bytes = new Uint8Array(await budgetWorkbookBuffer(priced.result, priced.spec, meta));
  report(1, '已写出');
  return bytes;
}
