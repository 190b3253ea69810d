import type { z } from 'zod';
import type { RosterFilter, StoredWorker } from '../../../db/repos/roster';
import type { PaybenchStore } from '../../../db/store';
import type { Revised } from '../../../db/transaction';
import { writeCohortWorkbook } from '../../core/excel/roster/cohortWorkbook';
import { writeRosterTemplate } from '../../core/excel/roster/rosterTemplate';
import { writeStatsWorkbook } from '../../core/excel/roster/statsWorkbook';
import { sampleGradingScheme } from '../../../db/sampleData';
import { formatMoney, parseDecimal } from '../../core/money/decimal';
import { ratioToPercent } from '../../core/money/percent';
import { ValidationError } from '../../core/spec/fields';
import {
  type CertificateCheck,
  allowanceChecks,
  planCertificationRate,
  type planCertificationSchema,
  workerCertificateChecks,
} from '../../core/roster/certificateRules';
import { type CohortInput, type CohortYear, type LabourInput, projectCohort } from '../../core/roster/cohort';
import type { PostChange } from '../../core/roster/grading';
import { type GradingScheme, type WorkerYear, gradingInForce, gradingSchemeSchema, rosterPayPerHead, workerHistory } from '../../core/roster/gradingScheme';
import { type Demand, type GapLine, demandGap } from '../../core/roster/demand';
import { maskIdNumber } from '../../core/roster/mask';
import type { RosterImportResult } from '../../core/roster/importRows';
import type { Worker } from '../../core/roster/schema';
import { type CountedWorker, NATIONAL_CERTIFICATES, type RosterStats, rosterStats } from '../../core/roster/stats';
import type { RosterAnnexEntry } from '../../core/excel/budget/rosterAnnexSheet';
import { monthStartDate, versionInForce } from '../../core/guides/versions';
import type { ProjectInput } from '../../core/projects/schema';
import { type RosterPerson, type RosterStaffPlan, type UnpricedWhy, staffLinesFromRoster } from '../../core/roster/toStaffLines';
import { budgetOfProject } from './budget';
import type { WorkbookFile } from './files';
import { currentJob } from './jobs';
import { ParseAbortedError, parseInWorker } from './parseInWorker';

type PlanCertificationInput = z.output<typeof planCertificationSchema>;

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

/** A roster file read and checked in the parsing worker (the host's thread stays free): RosterImportError names every bad cell. */
export function readRosterFile(fileName: string, bytes: Uint8Array): Promise<RosterImportResult> {
  return parseInWorker({ kind: 'roster', fileName, bytes });
}

/** Reads and checks a roster file, storing nothing: RosterImportError names every bad cell. */
export async function previewRosterFile(fileName: string, bytes: Uint8Array): Promise<RosterPreview> {
  const { workers, ignoredColumns } = await readRosterFile(fileName, bytes);
  return { count: workers.length, ignoredColumns, workers: workers.slice(0, PREVIEW_ROWS).map(shown) };
}

/** Replaces the stored roster with the file's workers (or, `append`, adds them after it: rows pasted into the grid) — only if every row is good. */
export async function importRosterFile(
  store: PaybenchStore,
  fileName: string,
  bytes: Uint8Array,
  append = false,
): Promise<{ imported: number; ignoredColumns: string[] }> {
  const { workers, ignoredColumns } = await readRosterFile(fileName, bytes);
  // run as a job: a cancel that came while the file was read stops here, before the one write transaction
  const job = currentJob();
  if (job?.signal.aborted) throw new ParseAbortedError('cancelled', `已取消导入“${fileName}”，未导入任何数据 / cancelled; nothing was imported`);
  job?.progress(0.92, '已读取');
  return { imported: append ? store.roster.appendAll(workers) : store.roster.replaceAll(workers), ignoredColumns };
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
export async function fileRosterStats(fileName: string, bytes: Uint8Array, on: string, demand: Demand | null): Promise<StatsReport> {
  return statsOf((await readRosterFile(fileName, bytes)).workers, on, demand);
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

/**
 * The roster (or the filtered part) as a workbook, 身份证号 masked. The rows are read here and the
 * workbook is written in the file worker (rosterWorkbookJob.ts), so the host stays free; run as a
 * job (jobs.ts) the bar moves by the rows written, and a cancel ends the worker: no bytes are handed out.
 */
export async function exportRoster(store: PaybenchStore, filter: RosterFilter): Promise<WorkbookFile> {
  const job = currentJob();
  const fileName = '花名册.xlsx';
  const cancelled = () => new ParseAbortedError('cancelled', '已取消导出花名册，未写出任何文件 / cancelled; nothing was written');
  // stages named as the other jobs name them (the progress bar has them in both languages)
  job?.progress(0, '写出工作簿');
  const workers = store.roster.all(filter);
  if (job?.signal.aborted) throw cancelled();
  let bytes: Uint8Array;
  try {
    bytes = await parseInWorker({ kind: 'rosterWorkbook', fileName, workers });
  } catch (e) {
    // the worker's own words for a cancel speak of an import; this job writes a file
    if (e instanceof ParseAbortedError && e.reason === 'cancelled') throw cancelled();
    throw e;
  }
  job?.progress(1, '已写出');
  return { fileName, bytes };
}

export async function statsWorkbook(report: StatsReport, scope: string): Promise<WorkbookFile> {
  return {
    fileName: `人员结构统计表（${report.stats.on}）.xlsx`,
    bytes: await writeStatsWorkbook({ stats: report.stats, scope, gaps: report.gaps }),
  };
}

export interface CohortReport {
  start: { headcount: number; certified: number };
  /** where the labour parameters came from: the roster priced by a scheme, as given, or none */
  labour: (LabourInput & { from: 'roster' | 'given'; scheme: string | null; priced: number; unpriced: number }) | null;
  years: CohortYear[];
}

/**
 * The stored roster (or a filtered part) projected by cohort: today's head count and national
 * certificates as the start. With `labourFromRoster` (and no labour given), pay per head and the
 * allowance per certified worker are the roster's own averages under the grading scheme in force
 * on `on` (docs/design.md §People: roster and statistics).
 */
export function rosterCohort(
  store: PaybenchStore,
  filter: RosterFilter,
  on: string,
  input: CohortInput,
  opts: { labourFromRoster?: boolean; yearlyRaise?: string; scheme?: string | null } = {},
): CohortReport {
  // counted in SQL: a projection needs only the head count and the national certificates
  const headcount = store.roster.count(filter);
  const certified = filter.certificate
    ? (NATIONAL_CERTIFICATES as readonly string[]).includes(filter.certificate)
      ? headcount
      : 0
    : NATIONAL_CERTIFICATES.reduce((n, c) => n + store.roster.count({ ...filter, certificate: c }), 0);
  const start = { headcount, certified };
  let labour: CohortReport['labour'] = input.labour ? { ...input.labour, from: 'given', scheme: null, priced: 0, unpriced: 0 } : null;
  if (!input.labour && opts.labourFromRoster) {
    const scheme = gradingSchemeOf(store, opts.scheme ?? null);
    const version = gradingInForce(scheme, on);
    if (!version) throw new ValidationError([{ path: 'on', message: `${scheme.name}在 ${on} 尚未生效` }]);
    const avg = rosterPayPerHead(version, store.roster.graded(filter));
    labour = {
      payPerHead: avg.payPerHead,
      allowancePerCertified: avg.allowancePerCertified,
      yearlyRaise: opts.yearlyRaise ?? '0',
      from: 'roster',
      scheme: scheme.name,
      priced: avg.priced,
      unpriced: avg.unpriced,
    };
  }
  const projection = {
    ...input,
    labour: labour && { payPerHead: labour.payPerHead, allowancePerCertified: labour.allowancePerCertified, yearlyRaise: labour.yearlyRaise },
  };
  return { start, labour, years: projectCohort(start, projection) };
}

/** The parameters of a projection in words, for the workbook's head. */
export function cohortParameters(input: CohortInput, report: CohortReport): string[] {
  const pct = (share: string) => `${ratioToPercent(share)}%`;
  const yuan = (amount: string) => formatMoney(parseDecimal(amount));
  const lines = [
    `自 ${input.fromYear} 年起 ${input.years} 年；每年新招 ${input.hiresPerYear} 人${input.hiresCertified ? '（持证）' : '（未持证）'}；流失率 ${pct(input.attritionRate)}；考证通过率 ${pct(input.passRate)}`,
  ];
  if (input.target) lines.push(`目标：${input.target.start} 人起，每年增加 ${input.target.perYear} 人`);
  if (report.labour) {
    lines.push(
      `人员经费：人均年薪 ${yuan(report.labour.payPerHead)} 元 + 持证者年津贴 ${yuan(report.labour.allowancePerCertified)} 元，年增长 ${pct(report.labour.yearlyRaise)}` +
        (report.labour.from === 'roster' ? `（按${report.labour.scheme}由花名册算出；${report.labour.unpriced} 人无法定价，未计入人均）` : ''),
    );
  }
  return lines;
}

export async function cohortWorkbook(input: CohortInput, report: CohortReport, scope: string): Promise<WorkbookFile> {
  return {
    fileName: `人员队伍预测表（${input.fromYear}–${input.fromYear + input.years - 1}）.xlsx`,
    bytes: await writeCohortWorkbook({ scope, start: report.start, parameters: cohortParameters(input, report), years: report.years }),
  };
}

// --- grading and certificate rules ---------------------------------------------------------------

/** The scheme named, or the stored one when none is named; the embedded sample when the store holds none (a file older than grading). */
export function gradingSchemeOf(store: PaybenchStore, key: string | null): GradingScheme & { sample: boolean; stored: boolean } {
  if (key !== null) return { ...store.grading.get(key), stored: true };
  const stored = store.grading.default();
  return stored ? { ...stored, stored: true } : { ...gradingSchemeSchema.parse(sampleGradingScheme), sample: true, stored: false };
}

/** One worker's level and pay year by year with the reason for every change (定级晋升). */
export function workerGrading(
  store: PaybenchStore,
  input: { id: number; fromYear: number; years: number; changes: PostChange[]; scheme: string | null },
): { worker: ShownWorker<StoredWorker>; scheme: { key: string; name: string }; years: WorkerYear[] } {
  const w = store.roster.get(input.id);
  const scheme = gradingSchemeOf(store, input.scheme);
  let years: WorkerYear[];
  try {
    years = workerHistory(scheme, w, input.fromYear, input.years, input.changes);
  } catch (e) {
    if (e instanceof RangeError) throw new ValidationError([{ path: `第 ${w.seq} 行（${w.name}）`, message: e.message }]);
    throw e;
  }
  return { worker: shown(w), scheme: { key: scheme.key, name: scheme.name }, years };
}

/** The certificate checks of the roster and the scheme in force on a date, each with its code. */
export function rosterCertificateChecks(store: PaybenchStore, on: string, key: string | null): { scheme: string; checks: CertificateCheck[] } {
  const scheme = gradingSchemeOf(store, key);
  const version = gradingInForce(scheme, on);
  if (!version) return { scheme: scheme.name, checks: [] };
  return {
    scheme: scheme.name,
    checks: [...allowanceChecks(version.allowances, version.allowanceMinimum), ...workerCertificateChecks(version, store.roster.certificates())],
  };
}

/** A plan's certification rate at its full quota against the targets in force (城市 / 农村). */
export function planCertification(store: PaybenchStore, input: PlanCertificationInput, key: string | null) {
  const scheme = gradingSchemeOf(store, key);
  try {
    return planCertificationRate(scheme.certificationTargets, input);
  } catch (e) {
    if (e instanceof RangeError) throw new ValidationError([{ path: 'on', message: e.message }]);
    throw e;
  }
}

// --- roster → money: a project's staff lines from the roster -------------------------------------

/** What a project built from the roster is made of: the workers the filter matches, and the project's own fields. */
export interface RosterProjectRequest {
  filter: RosterFilter;
  name: string;
  guideId: number;
  contributionSetId: number;
  /** YYYY-MM */
  periodStart: string;
  periodMonths: number;
  purchaser?: string;
  provider?: string;
}

/** unpriced workers handed back in full; more are counted */
export const UNPRICED_SHOWN = 200;

export interface RosterStaffPreview {
  scope: string;
  guide: { name: string; version: string };
  people: number;
  priced: number;
  lines: { post: string; grade: string; step: number; qualification: string | null; count: number }[];
  unpricedCount: number;
  unpriced: ({ seq: number | null; name: string } & UnpricedWhy)[];
}

function rosterPlan(store: PaybenchStore, req: Omit<RosterProjectRequest, 'name'>): { plan: RosterStaffPlan; preview: RosterStaffPreview } {
  const guide = store.guides.get(req.guideId);
  const date = monthStartDate(req.periodStart);
  const version = versionInForce(guide.versions, date);
  if (!version) {
    throw new ValidationError([
      { path: 'periodStart', message: `指导价“${guide.name}”在 ${date} 没有生效的版本 / no version of the guide in force on ${date}` },
    ]);
  }
  const people: RosterPerson[] = store.roster.all(req.filter).map((w) => ({
    id: w.id,
    seq: w.seq,
    name: w.name,
    idNumber: w.idNumber,
    postType: w.postType,
    postLevel: w.postLevel,
    step: w.step,
    certificate: w.certificate,
  }));
  const plan = staffLinesFromRoster(people, version, { months: req.periodMonths });
  return {
    plan,
    preview: {
      scope: scopeText(req.filter),
      guide: { name: guide.name, version: version.label },
      people: people.length,
      priced: plan.placed.length,
      lines: plan.keys.map((k, i) => ({ ...k, count: plan.placed.filter((p) => p.line === i).length })),
      unpricedCount: plan.unpriced.length,
      unpriced: plan.unpriced
        .slice(0, UNPRICED_SHOWN)
        .map((u) => ({ seq: u.person.seq, name: u.person.name, code: u.code, params: u.params, reason: u.reason })),
    },
  };
}

/** The staff lines the roster (or the filtered part) gives under a guide, and who cannot be priced and why; stores nothing. */
export function previewRosterProject(store: PaybenchStore, req: Omit<RosterProjectRequest, 'name'>): RosterStaffPreview {
  return rosterPlan(store, req).preview;
}

/**
 * Creates a project whose staff lines are the roster's (docs/design.md §People: roster and
 * statistics, "Roster → money") and its 名册附表, in one write transaction: the project through the
 * project repository (validated as every project is), then priced once — a project that cannot be
 * priced is not kept. Workers who cannot be priced are in the annex with the reason; none at all
 * priced is refused.
 */
export type CreatedRosterProject = RosterStaffPreview & { projectId: number; name: string; total: string };

export function createRosterProject(store: PaybenchStore, req: RosterProjectRequest): CreatedRosterProject {
  const { plan, preview } = rosterPlan(store, req);
  if (plan.lines.length === 0) {
    const why = plan.unpriced[0] ? `；例如 ${plan.unpriced[0].person.name}：${plan.unpriced[0].reason}` : '';
    throw new ValidationError([
      {
        path: 'filter',
        message: `${preview.scope}中没有能按指导价计价的人员（共 ${preview.people} 人）${why} / nobody in the selection can be priced by the guide`,
      },
    ]);
  }
  const project: ProjectInput = {
    name: req.name,
    purchaser: req.purchaser ?? '',
    provider: req.provider ?? '',
    periodStart: req.periodStart,
    periodMonths: req.periodMonths,
    guideId: req.guideId,
    contributionSetId: req.contributionSetId,
    staff: plan.lines,
    costs: [],
    notes: `由人员名册生成（${preview.scope}，${preview.priced} 人计入${preview.unpricedCount ? `，${preview.unpricedCount} 人无法计价未计入` : ''}），见工作簿的名册附表`,
  };
  const annex = [
    ...plan.placed.map((p) => ({ person: p.person, line: p.line as number | null, note: p.note })),
    ...plan.unpriced.map((u) => ({ person: u.person, line: null, note: u.reason })),
  ]
    .sort((a, b) => (a.person.seq ?? 0) - (b.person.seq ?? 0))
    .map(({ person, line, note }) => ({
      workerId: person.id,
      seq: person.seq,
      name: person.name,
      idNumber: person.idNumber,
      postType: person.postType,
      postLevel: person.postLevel,
      step: person.step,
      certificate: person.certificate,
      line,
      lineKey: line === null ? null : plan.keys[line]!,
      note,
    }));
  let total = '';
  const created = store.roster.createWithAnnex(
    () => store.projects.create(project),
    annex,
    (p) => {
      total = budgetOfProject(store, p.id).json.total;
    },
  );
  return { ...preview, projectId: created.id, name: created.name, total };
}

/** A project's 名册附表 for its workbook; undefined for a project not built from the roster. */
export function rosterAnnexOfProject(store: PaybenchStore, projectId: number): RosterAnnexEntry[] | undefined {
  const rows = store.roster.annex(projectId);
  // masked before it leaves the store's side: the workbook is written in the file worker
  return rows.length ? rows.map((r) => ({ ...r, idNumber: r.idNumber === null ? null : maskIdNumber(r.idNumber) })) : undefined;
}
