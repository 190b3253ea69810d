import type { RosterFilter, StoredWorker } from '../../../db/repos/roster';
import type { PaybenchStore } from '../../../db/store';
import type { Revised } from '../../../db/transaction';
import { writeRosterTemplate } from '../../core/excel/roster/rosterTemplate';
import { writeRosterWorkbook } from '../../core/excel/roster/rosterWorkbook';
import { writeStatsWorkbook } from '../../core/excel/roster/statsWorkbook';
import { type CohortInput, type CohortYear, projectCohort } from '../../core/roster/cohort';
import { type Demand, type GapLine, demandGap } from '../../core/roster/demand';
import { maskIdNumber } from '../../core/roster/mask';
import { importRoster } from '../../core/roster/readRoster';
import type { Worker } from '../../core/roster/schema';
import { type CountedWorker, NATIONAL_CERTIFICATES, type RosterStats, rosterStats } from '../../core/roster/stats';
import type { WorkbookFile } from './files';

/**
 * The roster as jobs (docs/design.md §People: roster and statistics): a file checked whole before
 * anything is stored (preview, then import), the roster listed, edited and exported, and its
 * structure statistics on a date with a demand table's gap. The API and `paybench roster` both
 * run these.
 *
 * 身份证号 never leaves the store in full: everything handed out — a preview, the grid, a file —
 * carries it masked (110***********1234). An edit that sends the masked number back keeps the
 * stored one; a new number typed in replaces it.
 */

/** A worker as the API hands it out: 身份证号 masked, whether one is stored said apart. */
export type ShownWorker<W extends Worker = Worker> = W & { hasIdNumber: boolean };

export function shown<W extends Worker>(w: W): ShownWorker<W> {
  return { ...w, idNumber: w.idNumber === null ? null : maskIdNumber(w.idNumber), hasIdNumber: w.idNumber !== null };
}

/** rows a preview shows (the whole file is checked) */
export const PREVIEW_ROWS = 200;

export interface RosterPreview {
  count: number;
  ignoredColumns: string[];
  workers: ShownWorker[];
}

/** Reads and checks a roster file, storing nothing: RosterImportError names every bad cell. */
export function previewRosterFile(fileName: string, bytes: Uint8Array): RosterPreview {
  const { workers, ignoredColumns } = importRoster(fileName, bytes);
  return { count: workers.length, ignoredColumns, workers: workers.slice(0, PREVIEW_ROWS).map(shown) };
}

/** Replaces the stored roster with the file's workers — only if every row is good. */
export function importRosterFile(store: PaybenchStore, fileName: string, bytes: Uint8Array): { imported: number; ignoredColumns: string[] } {
  const { workers, ignoredColumns } = importRoster(fileName, bytes);
  return { imported: store.roster.replaceAll(workers), ignoredColumns };
}

export function listRoster(store: PaybenchStore, filter: RosterFilter, page: { offset: number; limit: number }) {
  const { total, workers } = store.roster.list(filter, page);
  return { total, workers: workers.map((w) => shown(w)), choices: store.roster.choices() };
}

export function updateWorker(store: PaybenchStore, id: number, worker: Worker, revision: number): ShownWorker<Revised<StoredWorker>> {
  const old = store.roster.get(id);
  const keepId = worker.idNumber !== null && worker.idNumber.includes('*') && old.idNumber !== null && worker.idNumber === maskIdNumber(old.idNumber);
  return shown(store.roster.update(id, { ...worker, idNumber: keepId ? old.idNumber : worker.idNumber }, revision));
}

export interface StatsReport {
  stats: RosterStats;
  gaps: GapLine[];
}

export function statsOf(workers: readonly CountedWorker[], on: string, demand: Demand | null): StatsReport {
  const stats = rosterStats(workers, on);
  return { stats, gaps: demand ? demandGap(stats, demand) : [] };
}

export function storedRosterStats(store: PaybenchStore, on: string, filter: RosterFilter, demand: Demand | null): StatsReport {
  return statsOf(store.roster.counted(filter), on, demand);
}

/** Statistics of a roster file, without a store (`paybench roster stats FILE`). */
export function fileRosterStats(fileName: string, bytes: Uint8Array, on: string, demand: Demand | null): StatsReport {
  return statsOf(importRoster(fileName, bytes).workers, on, demand);
}

/** 全部人员, or the filter in words: 朝阳区 / 和平街道 / 社会工作师 */
export function scopeText(filter: RosterFilter): string {
  const parts = [filter.district, filter.street, filter.community, filter.certificate, filter.postType, filter.name ? `姓名含“${filter.name}”` : null].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  return parts.length ? parts.join(' / ') : '全部人员';
}

export async function rosterTemplate(): Promise<WorkbookFile> {
  return { fileName: '花名册导入模板.xlsx', bytes: await writeRosterTemplate() };
}

export async function exportRoster(store: PaybenchStore, filter: RosterFilter): Promise<WorkbookFile> {
  return { fileName: '花名册.xlsx', bytes: await writeRosterWorkbook(store.roster.all(filter)) };
}

export async function statsWorkbook(report: StatsReport, scope: string): Promise<WorkbookFile> {
  return {
    fileName: `人员结构统计表（${report.stats.on}）.xlsx`,
    bytes: await writeStatsWorkbook({ stats: report.stats, scope, gaps: report.gaps }),
  };
}

/** The stored roster (or a filtered part) projected by cohort: today's head count and national certificates as the start. */
export function rosterCohort(
  store: PaybenchStore,
  filter: RosterFilter,
  on: string,
  input: CohortInput,
): { start: { headcount: number; certified: number }; years: CohortYear[] } {
  const { stats } = storedRosterStats(store, on, filter, null);
  const start = { headcount: stats.total, certified: NATIONAL_CERTIFICATES.reduce((n, c) => n + (stats.byCertificate[c] ?? 0), 0) };
  return { start, years: projectCohort(start, input) };
}
