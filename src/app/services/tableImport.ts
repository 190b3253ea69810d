import type { PaybenchStore } from '../../../db/store';
import { priceProject } from '../../core/budget/pipeline';
import {
  TABLE_FIELDS,
  type TableGrid,
  type TableKind,
  type TableMapping,
  type TableProblem,
  costLinesOfTable,
  guessHeaderRow,
  guessMapping,
  problemPlace,
  staffLinesOfTable,
  textTableGrid,
} from '../../core/excel/readers/tableImport';
import { type Project, type StoredProject, projectSchema } from '../../core/projects/schema';
import type { CostLineSpec, StaffLineSpec } from '../../core/spec/budgetSpec';
import { ValidationError, zodProblems } from '../../core/spec/fields';
import { currentJob } from './jobs';
import { parseInWorker } from './parseInWorker';

/**
 * Bids from other templates (docs/design.md §Excel workbooks, "Bids from other templates"): a staff table and a cost
 * table — each from an xlsx or csv (read in the file worker) or a paste — previewed with the columns' guessed fields
 * and every bad cell, then, when the user commits, made into a new project on the guide, contribution set and period
 * the user chose. Before anything is written, the project is priced as the budget service will price it, so a post
 * or grade the guide has not is named at its row now rather than when the project is opened.
 */
export interface TableSource {
  /** a file: its name (for .xlsx / .csv) and bytes; or `text`, a paste */
  fileName?: string | undefined;
  bytes?: Uint8Array | undefined;
  text?: string | undefined;
  /** the workbook's sheet; default the first */
  sheet?: string | undefined;
  /** the header's row number in the sheet; default the one guessed */
  headerRow?: number | undefined;
  /** each column's field; default guessed from the header */
  mapping?: TableMapping | undefined;
}

export interface ProjectFrame {
  name: string;
  purchaser?: string | undefined;
  provider?: string | undefined;
  periodStart: string;
  periodMonths: number;
  guideId: number;
  contributionSetId: number;
}

/** Rows shown in the preview; the lines and problems count every row. */
export const PREVIEW_ROWS = 200;

export interface TablePreview {
  kind: TableKind;
  sheets: string[];
  sheet: string;
  /** the header's row number in the sheet (0 when the table is empty) */
  headerRow: number;
  /** the row numbers a header may be chosen from (the first rows of the sheet) */
  headerChoices: number[];
  header: string[];
  /** the data rows below the header, at most PREVIEW_ROWS */
  rows: { number: number; cells: string[] }[];
  dataRows: number;
  mapping: TableMapping;
  fields: { key: string; zh: string; required: boolean }[];
  /** each problem with its place, "人员表 第 5 行 F 列「人数」" */
  problems: (TableProblem & { place: string })[];
  lines: number;
}

export interface TableImportOutcome {
  staff: TablePreview | null;
  costs: TablePreview | null;
  /** problems of the project as priced (a line the guide has not), by the table row they come from */
  pricing: { place: string; message: string }[];
  /** the project created (commit); null for a preview */
  project: StoredProject | null;
}

async function gridOf(source: TableSource): Promise<TableGrid> {
  if (source.text !== undefined) return textTableGrid(source.text);
  if (source.fileName === undefined || source.bytes === undefined)
    throw new ValidationError([{ path: 'file', message: '请选择文件或粘贴表格 / a file or a paste is required' }]);
  // a file from outside is parsed in the worker, with its heap and time limits (docs/design.md §Data flow)
  return parseInWorker({ kind: 'tableGrid', fileName: source.fileName, bytes: source.bytes, sheet: source.sheet });
}

interface ReadTable<L> {
  preview: TablePreview;
  lines: { row: number; line: L }[];
}

async function readTable<L>(
  kind: TableKind,
  source: TableSource,
  read: (grid: TableGrid, header: number, mapping: TableMapping) => { lines: { row: number; line: L }[]; problems: TableProblem[] },
): Promise<ReadTable<L>> {
  const fields = TABLE_FIELDS[kind];
  const grid = await gridOf(source);
  const chosen = source.headerRow === undefined ? -1 : grid.rows.findIndex((r) => r.number === source.headerRow);
  const headerIndex = chosen >= 0 ? chosen : guessHeaderRow(grid, fields);
  const header = grid.rows[headerIndex]?.cells ?? [];
  const width = Math.max(header.length, ...grid.rows.slice(headerIndex + 1, headerIndex + 1 + PREVIEW_ROWS).map((r) => r.cells.length));
  const guessed = guessMapping(header, fields);
  const mapping = Array.from({ length: width }, (_, i) => (source.mapping ? (source.mapping[i] ?? null) : (guessed[i] ?? null)));
  const { lines, problems } = read(grid, headerIndex, mapping);
  const data = grid.rows.slice(headerIndex + 1);
  return {
    lines,
    preview: {
      kind,
      sheets: grid.sheets,
      sheet: grid.sheet,
      headerRow: grid.rows[headerIndex]?.number ?? 0,
      headerChoices: grid.rows.slice(0, 20).map((r) => r.number),
      header,
      rows: data.slice(0, PREVIEW_ROWS),
      dataRows: data.length,
      mapping,
      fields: fields.map((f) => ({ key: f.key, zh: f.zh, required: f.required === true })),
      problems: problems.map((p) => ({ ...p, place: problemPlace(kind, p) })),
      lines: lines.length,
    },
  };
}

/** `staff[3]` or `staff.3.count` → the row of the table the 4th staff line came from. */
function pricingPlace(path: string, staffRows: readonly number[], costRows: readonly number[]): string {
  const m = /^(staff|costs)[[.](\d+)/.exec(path);
  if (!m) return path;
  const kind: TableKind = m[1] === 'staff' ? 'staff' : 'costs';
  const row = (kind === 'staff' ? staffRows : costRows)[Number(m[2])];
  return row === undefined ? path : problemPlace(kind, { row, column: null, field: null, message: '' });
}

/**
 * The stages of an import run as a job (docs/design.md §Data flow, "Long work: progress and cancel"), with the share of
 * the bar each reaches: the staff table is read (in the file worker) up to 45 %, the cost table up to 85 %, then the
 * project is priced and, on commit, written.
 */
export const TABLE_IMPORT_STAGES = {
  staff: { from: 0.02, to: 0.45, label: '读取人员表' },
  costs: { from: 0.45, to: 0.85, label: '读取费用表' },
  pricing: { at: 0.9, label: '核对计价' },
  writing: { at: 0.97, label: '写入项目' },
} as const;

class ImportCancelled extends Error {
  constructor() {
    super('已取消导入，未导入任何数据 / cancelled; nothing was imported');
    this.name = 'ImportCancelled';
  }
}

/** Within a job, a cancel asked for stops the import here; a cancel after the last check comes too late to undo a write. */
function stopIfCancelled(): void {
  if (currentJob()?.signal.aborted) throw new ImportCancelled();
}

export async function importTables(
  store: PaybenchStore,
  frame: ProjectFrame,
  tables: { staff?: TableSource | undefined; costs?: TableSource | undefined },
  commit: boolean,
): Promise<TableImportOutcome> {
  if (!tables.staff && !tables.costs) throw new ValidationError([{ path: 'staff', message: '请至少给出人员表或费用表 / a staff or a cost table is required' }]);
  const job = currentJob();
  const stage = (s: { from: number; label: string } | { at: number; label: string }) => job?.progress('at' in s ? s.at : s.from, s.label);
  stage(TABLE_IMPORT_STAGES.staff);
  const staff = tables.staff ? await readTable<StaffLineSpec>('staff', tables.staff, (g, h, m) => staffLinesOfTable(g, h, m, frame.periodMonths)) : null;
  stopIfCancelled();
  stage(TABLE_IMPORT_STAGES.costs);
  const costs = tables.costs ? await readTable<CostLineSpec>('costs', tables.costs, costLinesOfTable) : null;
  stopIfCancelled();
  stage(TABLE_IMPORT_STAGES.pricing);
  const outcome: TableImportOutcome = { staff: staff?.preview ?? null, costs: costs?.preview ?? null, pricing: [], project: null };
  const tableProblems = [...(staff?.preview.problems ?? []), ...(costs?.preview.problems ?? [])];

  const parsed = projectSchema.safeParse({
    name: frame.name,
    purchaser: frame.purchaser ?? '',
    provider: frame.provider ?? '',
    periodStart: frame.periodStart,
    periodMonths: frame.periodMonths,
    guideId: frame.guideId,
    contributionSetId: frame.contributionSetId,
    staff: staff?.lines.map((l) => l.line) ?? [],
    costs: costs?.lines.map((l) => l.line) ?? [],
  });
  if (!parsed.success) throw new ValidationError(zodProblems(parsed.error));
  const project: Project = parsed.data;

  if (tableProblems.length === 0) {
    try {
      // priced as the budget service prices a stored project (the guide version in force, the wages, the set)
      priceProject(project, {
        guide: store.guides.get(project.guideId),
        wages: store.referenceWages.list(),
        contributionSet: store.contributionSets.get(project.contributionSetId),
      });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const staffRows = staff?.lines.map((l) => l.row) ?? [];
      const costRows = costs?.lines.map((l) => l.row) ?? [];
      outcome.pricing = e.problems.map((p) => ({ place: pricingPlace(p.path, staffRows, costRows), message: p.message }));
    }
  }
  if (!commit) return outcome;
  const all = [...tableProblems.map((p) => ({ path: p.place, message: p.message })), ...outcome.pricing.map((p) => ({ path: p.place, message: p.message }))];
  if (all.length > 0) throw new ValidationError(all);
  stopIfCancelled();
  stage(TABLE_IMPORT_STAGES.writing);
  // one transaction, with no wait between the last cancel check and it: a cancel either stops the import before
  // anything is written or comes after the whole project is (and the job reports the project)
  outcome.project = store.projects.create(project);
  return outcome;
}
