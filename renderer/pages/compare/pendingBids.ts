import type { FilePayload } from '../../../src/app/api/operation';

/**
 * Bid workbooks handed from 预算审核 to 预算对比 (#/compare/bids): the files stay in the page's memory — a URL cannot
 * carry them — and are compared by projects.compare like projects. A reload of #/compare/bids finds none and says so.
 */
let pending: FilePayload[] = [];

export function keepBidsForComparison(files: readonly FilePayload[]): void {
  pending = [...files];
}

export function bidsForComparison(): FilePayload[] {
  return pending;
}
