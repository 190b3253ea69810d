import type { PaybenchStore } from '../../../db/store';
import { priceBudget } from '../../core/budget/pipeline';
import { type Baseline, type CompareEntry, type Comparison, compareBudgets, tallyChecks } from '../../core/compare/compareBudgets';
import { compareWorkbookBuffer } from '../../core/excel/compare/compareWorkbook';
import type { BidReading } from '../../core/review/readBid';
import { ValidationError } from '../../core/spec/fields';
import { budgetOfProject } from './budget';
import type { WorkbookFile } from './files';
import { currentJob } from './jobs';
import { ParseAbortedError, parseInWorker } from './parseInWorker';
import { type BidFile, reviewReading, toleranceShare } from './review';

/**
 * Budgets side by side (docs/design.md §Data flow, "Comparing budgets"): stored projects, each priced by the budget
 * service as the editor and the list price it — a submitted project (已提交) with what it was submitted with — and
 * bid workbooks, each priced from its embedded spec with its review's findings (src/app/services/review.ts) counted
 * by severity; then compared in the core. A project or bid that cannot be priced refuses the comparison, naming it:
 * a comparison with a hole in it would read as complete.
 */
export interface CompareRequest {
  ids?: readonly number[] | undefined;
  bids?: readonly BidFile[] | undefined;
  baseline?: Baseline | undefined;
}

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

/** Bid workbooks read in the file worker as the review reads them; the figures from the embedded spec, the counts from the review. */
export async function bidEntries(store: PaybenchStore, bids: readonly BidFile[]): Promise<CompareEntry[]> {
  const tolerance = toleranceShare(undefined);
  const entries: CompareEntry[] = [];
  // run as a job (jobs.ts): reading the bids is most of the work, one share of the bar each; a cancel ends the worker
  const job = currentJob();
  for (const [i, f] of bids.entries()) {
    job?.progress((0.8 * i) / bids.length, `读取投标 ${i + 1}/${bids.length}：${f.fileName}`);
    let reading: BidReading;
    try {
      reading = await parseInWorker({ kind: 'bidWorkbook', fileName: f.fileName, bytes: f.bytes });
    } catch (e) {
      if (e instanceof ParseAbortedError && e.reason === 'cancelled') throw e;
      throw new ValidationError([{ path: `bids.${i}`, message: `${f.fileName}：${e instanceof Error ? e.message : String(e)}` }]);
    }
    if (!reading.spec) throw new ValidationError([{ path: `bids.${i}`, message: `${f.fileName}：投标预算无法计算，不能对比 / the bid cannot be priced` }]);
    const review = reviewReading(store, reading, {}, tolerance);
    entries.push({ label: f.fileName, kind: 'bid', budget: priceBudget(reading.spec).json, counts: review.counts });
  }
  return entries;
}

export async function compareBudgetsOf(store: PaybenchStore, req: CompareRequest): Promise<Comparison> {
  const entries = [...projectEntries(store, req.ids ?? []), ...(await bidEntries(store, req.bids ?? []))];
  return compareBudgets(entries, req.baseline ?? 'first');
}

/** The comparison's workbook (src/core/excel/compare/compareWorkbook.ts), named after the date. */
export async function compareWorkbook(store: PaybenchStore, req: CompareRequest, date = new Date().toISOString().slice(0, 10)): Promise<WorkbookFile> {
  const comparison = await compareBudgetsOf(store, req);
  currentJob()?.progress(0.85, '写出工作簿');
  return { fileName: `预算对比-${date}.xlsx`, bytes: await compareWorkbookBuffer(comparison) };
}
