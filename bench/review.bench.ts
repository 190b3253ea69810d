/**
 * Review speed (docs/design.md §Excel workbooks, "Review"): 50 bid workbooks of 50 staff lines (and 10 cost lines)
 * each, exported by the program, reviewed as the app does — each read and recomputed in the file worker, then
 * compared with the official records of a store — in ≤ 5 s in total.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PaybenchStore } from '../db/store';
import { priceBudget } from '../src/core/budget/pipeline';
import { budgetWorkbookBuffer } from '../src/core/excel/budgetWorkbook';
import { parseBudgetSpec } from '../src/core/spec/budgetSpec';
import { type BidFile, reviewBidFiles } from '../src/app/services/review';
import { finish, report, timeMsAsync } from './harness';
import { syntheticSpec } from './syntheticBudget';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-review-bench-'));
const store = PaybenchStore.open(path.join(dir, 'review.sqlite'));
try {
  const files: BidFile[] = [];
  for (let i = 0; i < 50; i++) {
    const spec = parseBudgetSpec({ ...syntheticSpec(50, 10, { notes: true, distinctPay: i % 2 === 1 }), name: `投标 ${i + 1}` });
    const priced = priceBudget(spec);
    files.push({ fileName: `bid-${i + 1}.xlsx`, bytes: new Uint8Array(await budgetWorkbookBuffer(priced.result, priced.spec, {})) });
  }
  await reviewBidFiles(store, files.slice(0, 1)); // starts the worker, as the app's first review does
  let outcome: Awaited<ReturnType<typeof reviewBidFiles>> = { bids: [], unreadable: [] };
  const ms = await timeMsAsync(async () => (outcome = await reviewBidFiles(store, files)));
  report('review of 50 bid workbooks of 50 lines each', ms / 1000, 's', 5);
  const rejected = outcome.bids.filter((b) => b.verdict === 'reject').length + outcome.unreadable.length;
  report('  bids not read or found tampered (must be 0)', rejected, 'bids', 0);
} finally {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
finish();
