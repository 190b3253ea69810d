import type { PaybenchStore } from '../../../db/store';
import { type Baseline, type CompareEntry, type Comparison, compareBudgets, tallyChecks } from '../../core/compare/compareBudgets';
import { compareWorkbookBuffer } from '../../core/excel/compare/compareWorkbook';
import { ValidationError } from '../../core/spec/fields';
import { budgetOfProject } from './budget';
import type { WorkbookFile } from './files';

/**
 * Stored projects side by side (docs/design.md §Data flow, "Comparing budgets"): each priced by the budget service
 * as the editor and the list price it — a submitted project (已提交) with what it was submitted with — then compared
 * in the core. A project that cannot be priced refuses the comparison, naming it: a comparison with a hole in it
 * would read as complete.
 */
export function projectEntries(store: PaybenchStore, ids: readonly number[]): CompareEntry[] {
  return ids.map((id, i) => {
    const name = store.projects.get(id).name;
    try {
      const { json } = budgetOfProject(store, id);
      return { label: name, kind: 'project', budget: json, counts: tallyChecks(json.checks) };
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError([{ path: `ids.${i}`, message: `项目“${name}”无法计算，不能对比：${e.message} / project cannot be priced` }]);
    }
  });
}

export function compareProjects(store: PaybenchStore, ids: readonly number[], baseline: Baseline = 'first'): Comparison {
  return compareBudgets(projectEntries(store, ids), baseline);
}

/** The comparison's workbook (src/core/excel/compare/compareWorkbook.ts), named after the date. */
export async function compareProjectsWorkbook(
  store: PaybenchStore,
  ids: readonly number[],
  baseline: Baseline = 'first',
  date = new Date().toISOString().slice(0, 10),
): Promise<WorkbookFile> {
  const comparison = compareProjects(store, ids, baseline);
  return { fileName: `预算对比-${date}.xlsx`, bytes: await compareWorkbookBuffer(comparison) };
}
