import { CommunityImportError, type CommunityImportResult, importCommunities } from '../../core/excel/readers/communityImport';
import type { WorkbookMeta } from '../../core/excel/budgetWorkbook';
import { type GuideImportResult, parseGuideWorkbook } from '../../core/excel/readers/guideImport';
import type { BudgetSpec } from '../../core/spec/budgetSpec';

/**
 * The file imports that parse what a user picked (docs/design.md §Data flow: every input is
 * validated where it crosses a boundary), as plain messages: a job in, an answer out. The same
 * function runs inside the parsing worker (parseWorker.ts) and, where no worker can be started,
 * in the calling thread.
 */
export type ParseJob =
  | { kind: 'guideWorkbook'; fileName: string; bytes: Uint8Array }
  | { kind: 'communityList'; fileName: string; bytes: Uint8Array }
  // the other heavy file job: a 100,000-line budget's workbook takes seconds to write, which the host must not block on
  | { kind: 'budgetWorkbook'; fileName: string; spec: BudgetSpec; meta: WorkbookMeta };

export interface ParseResults {
  guideWorkbook: GuideImportResult;
  communityList: CommunityImportResult;
  budgetWorkbook: Uint8Array;
}

/** What crosses back from the worker: a value, or an error as plain data (class instances do not survive the copy). */
export type ParseAnswer =
  | { ok: true; value: ParseResults[ParseJob['kind']] }
  | { ok: false; error: { name: string; message: string; problems?: { path: string; message: string }[]; truncated?: boolean } };

export async function runParseJob(job: ParseJob): Promise<ParseResults[ParseJob['kind']]> {
  switch (job.kind) {
    case 'guideWorkbook':
      return parseGuideWorkbook(job.bytes, job.fileName);
    case 'communityList':
      return importCommunities(job.fileName, job.bytes);
    case 'budgetWorkbook':
      return (await import('./budgetWorkbookJob')).budgetWorkbookBytes(job.spec, job.meta);
  }
}

export async function answerParseJob(job: ParseJob): Promise<ParseAnswer> {
  try {
    return { ok: true, value: await runParseJob(job) };
  } catch (e) {
    if (e instanceof CommunityImportError) return { ok: false, error: { name: e.name, message: e.message, problems: e.problems, truncated: e.truncated } };
    return { ok: false, error: { name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** The error the worker reported, as the class the callers catch. */
export function errorOfAnswer(error: Extract<ParseAnswer, { ok: false }>['error']): Error {
  if (error.name === 'CommunityImportError' && error.problems) return new CommunityImportError(error.problems, error.truncated ?? false);
  return new Error(error.message);
}
