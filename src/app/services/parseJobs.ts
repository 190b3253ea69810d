import { CommunityImportError, type CommunityImportResult, importCommunities } from '../../core/excel/readers/communityImport';
import type { WorkbookMeta } from '../../core/excel/budgetWorkbook';
import { type GuideImportResult, parseGuideWorkbook } from '../../core/excel/readers/guideImport';
import type { BidReading } from '../../core/review/readBid';
import { RosterImportError, type RosterImportResult } from '../../core/roster/importRows';
import type { Worker } from '../../core/roster/schema';
import type { TableGrid } from '../../core/excel/readers/tableImport';
import type { BudgetSpec } from '../../core/spec/budgetSpec';
import { ValidationError } from '../../core/spec/fields';
import type { PlanWorkbookRequest } from './planWorkbookJob';

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
  | { kind: 'budgetWorkbook'; fileName: string; spec: BudgetSpec; meta: WorkbookMeta }
  // and an area plan's: a plan of 100,000 communities is computed and written in seconds
  | { kind: 'planWorkbook'; fileName: string; plan: PlanWorkbookRequest }
  // and the roster's (花名册): 20,000 workers take seconds to write, reported by the rows written
  | { kind: 'rosterWorkbook'; fileName: string; workers: Worker[] }
  // a submitted bid workbook read and recomputed for review (src/core/review/readBid.ts)
  | { kind: 'bidWorkbook'; fileName: string; bytes: Uint8Array }
  // a staff or cost table of a bid from another template (src/core/excel/readers/tableImport.ts)
  | { kind: 'tableGrid'; fileName: string; bytes: Uint8Array; sheet?: string | undefined }
  // a roster (花名册) file read and checked cell by cell (src/core/roster/readRoster.ts)
  | { kind: 'roster'; fileName: string; bytes: Uint8Array };

export interface ParseResults {
  guideWorkbook: GuideImportResult;
  communityList: CommunityImportResult;
  budgetWorkbook: Uint8Array;
  planWorkbook: Uint8Array;
  rosterWorkbook: Uint8Array;
  bidWorkbook: BidReading;
  tableGrid: TableGrid;
  roster: RosterImportResult;
}

/** What crosses back from the worker: a value, or an error as plain data (class instances do not survive the copy). */
export type ParseAnswer =
  | { ok: true; value: ParseResults[ParseJob['kind']] }
  | { ok: false; error: { name: string; message: string; problems?: { path: string; message: string }[]; truncated?: boolean } };

/** How far a job is (0..1) and its stage, as the worker reports it to the host (parseInWorker.ts). */
export type ParseProgress = (fraction: number, label: string) => void;

/** A message from the worker: the job's progress, or its answer (the last message of a job). */
export type WorkerMessage = { id: number; progress: { fraction: number; label: string } } | { id: number; answer: ParseAnswer };

export async function runParseJob(job: ParseJob, report: ParseProgress = () => {}): Promise<ParseResults[ParseJob['kind']]> {
  switch (job.kind) {
    case 'guideWorkbook': {
      report(0, '读取工作簿');
      const parsed = await parseGuideWorkbook(job.bytes, job.fileName);
      report(1, '已读取');
      return parsed;
    }
    case 'communityList': {
      report(0, '读取社区名单');
      const parsed = await importCommunities(job.fileName, job.bytes);
      report(1, '已读取');
      return parsed;
    }
    case 'budgetWorkbook':
      return (await import('./budgetWorkbookJob')).budgetWorkbookBytes(job.spec, job.meta, report);
    case 'planWorkbook':
      return (await import('./planWorkbookJob')).planWorkbookBytes(job.plan, report);
    case 'rosterWorkbook':
      return (await import('./rosterWorkbookJob')).rosterWorkbookBytes(job.workers, report);
    case 'bidWorkbook':
      return (await import('../../core/review/readBid')).readBidWorkbook(job.bytes, job.fileName);
    case 'tableGrid':
      return (await import('../../core/excel/readers/tableImport')).readTableGrid(job.fileName, job.bytes, job.sheet);
    case 'roster':
      return (await import('../../core/roster/readRoster')).importRoster(job.fileName, job.bytes);
  }
}

export async function answerParseJob(job: ParseJob, report?: ParseProgress): Promise<ParseAnswer> {
  try {
    return { ok: true, value: await runParseJob(job, report) };
  } catch (e) {
    if (e instanceof CommunityImportError) return { ok: false, error: { name: e.name, message: e.message, problems: e.problems, truncated: e.truncated } };
    // a table import's problems keep their places (人员表 第 5 行 F 列「人数」) across the worker
    if (e instanceof RosterImportError) return { ok: false, error: { name: e.name, message: e.message, problems: e.problems, truncated: e.truncated } };
    if (e instanceof ValidationError && e.name === 'ValidationError') return { ok: false, error: { name: e.name, message: e.message, problems: e.problems } };
    return { ok: false, error: { name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** The error the worker reported, as the class the callers catch. */
export function errorOfAnswer(error: Extract<ParseAnswer, { ok: false }>['error']): Error {
  if (error.name === 'CommunityImportError' && error.problems) return new CommunityImportError(error.problems, error.truncated ?? false);
  if (error.name === 'RosterImportError' && error.problems) return new RosterImportError(error.problems, error.truncated ?? false);
  if (error.name === 'ValidationError' && error.problems) return new ValidationError(error.problems);
  return new Error(error.message);
}
