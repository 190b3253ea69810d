import type ExcelJS from 'exceljs';
import pkg from '../../../../package.json';
import { canonicalJson, sha256Hex } from '../../review/canonicalJson';
import type { BudgetSpec } from '../../spec/budgetSpec';
import { text } from '../cells';

/**
 * The bid package (投标数据包, docs/design.md §Excel workbooks, "Bid package"): a very hidden sheet that carries the
 * complete spec the workbook was priced from — guide cells and contribution set inline — so that a reviewer can
 * recompute every figure the visible sheets show. Column A holds a key, column B its value, every value a plain
 * text string (never a formula, never a number, so no spreadsheet reformats it). The spec is its canonical JSON
 * (src/core/review/canonicalJson.ts), cut into `spec` rows of at most SPEC_PART_CHARS characters (a cell holds
 * 32,767), never between the halves of a surrogate pair nor beside a space (a spreadsheet may trim a cell's edges).
 */
export const BID_SHEET = 'paybench_bid';
export const BID_FORMAT = 'paybench-bid/1';
export const SPEC_PART_CHARS = 30_000;

/** Where the budget's guide and contribution set came from, when the store resolved them. */
export interface BidOrigin {
  /** the guide's own name (the spec's inline guide is named `名称（版本）`) */
  guideName?: string | undefined;
  versionLabel?: string | undefined;
  contributionsName?: string | undefined;
}

export interface BidPackageMeta {
  origin?: BidOrigin | undefined;
  preparedBy?: string | undefined;
  date?: string | undefined;
}

/** The keys of the package's rows, in order; `spec` rows follow them. */
export type BidKey =
  | 'format'
  | 'programVersion'
  | 'projectName'
  | 'guideName'
  | 'guideVersion'
  | 'documentNo'
  | 'effectiveFrom'
  | 'contributionsName'
  | 'preparedBy'
  | 'date'
  | 'specSha256'
  | 'specLength'
  | 'specParts';

export const PROGRAM_VERSION: string = pkg.version;

/** The spec's canonical text cut into cell-sized parts. */
export function specParts(textOfSpec: string, size = SPEC_PART_CHARS): string[] {
  const parts: string[] = [];
  let from = 0;
  while (from < textOfSpec.length) {
    let to = Math.min(textOfSpec.length, from + size);
    if (to < textOfSpec.length) {
      const unsafe = (i: number) => /\s/.test(textOfSpec[i - 1]!) || /\s/.test(textOfSpec[i]!) || /[\uDC00-\uDFFF]/.test(textOfSpec[i]!);
      while (to > from + 1 && unsafe(to)) to--;
    }
    parts.push(textOfSpec.slice(from, to));
    from = to;
  }
  return parts;
}

/** The package's rows for a spec (its pay guide inline). */
export function bidPackageRows(spec: BudgetSpec, meta: BidPackageMeta): [BidKey | 'spec', string][] {
  const specText = canonicalJson(spec);
  const guide = 'rows' in spec.payGuide ? spec.payGuide : null;
  const contributions = Array.isArray(spec.contributions) ? spec.contributions[0] : spec.contributions;
  const parts = specParts(specText);
  const rows: [BidKey | 'spec', string][] = [
    ['format', BID_FORMAT],
    ['programVersion', PROGRAM_VERSION],
    ['projectName', spec.name],
    ['guideName', meta.origin?.guideName ?? ('name' in spec.payGuide ? spec.payGuide.name : '')],
    ['guideVersion', meta.origin?.versionLabel ?? ''],
    ['documentNo', guide?.documentNo ?? ''],
    ['effectiveFrom', guide?.effectiveFrom ?? ''],
    ['contributionsName', meta.origin?.contributionsName ?? contributions?.name ?? ''],
    ['preparedBy', meta.preparedBy ?? ''],
    ['date', meta.date ?? ''],
    ['specSha256', sha256Hex(specText)],
    ['specLength', String(specText.length)],
    ['specParts', String(parts.length)],
  ];
  for (const part of parts) rows.push(['spec', part]);
  return rows;
}

export async function writeBidPackageSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: BudgetSpec, meta: BidPackageMeta): Promise<void> {
  const ws = wb.addWorksheet(BID_SHEET, { state: 'veryHidden' });
  // strings only: text() keeps them as typed; a number-like value ("12") stays a string cell
  for (const [key, value] of bidPackageRows(spec, meta)) ws.addRow([key, text(value)]).commit();
  await ws.commit();
}
