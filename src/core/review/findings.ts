/**
 * What a review finds in a bid (docs/design.md §Excel workbooks, "Review"): a code, a severity, the place
 * (`sheet` and `cell`, as `人员经费明细!K7` names it; null where a finding has no one cell), a message in Chinese,
 * and the value expected and the value found as text.
 */
export type Severity = 'error' | 'warning' | 'info';
export type Verdict = 'pass' | 'revise' | 'reject';

export type FindingCode =
  // integrity: the workbook against the recomputation of its own embedded spec
  | 'SPEC_HASH_MISMATCH'
  | 'SPEC_INVALID'
  | 'SHEET_MISSING'
  | 'CELL_VALUE_CHANGED'
  | 'FORMULA_REPLACED'
  | 'OTHER_PROGRAM_VERSION'
  // against the official records in the store
  | 'OFFICIAL_GUIDE_NOT_FOUND'
  | 'OFFICIAL_CONTRIBUTIONS_NOT_FOUND'
  | 'GUIDE_VERSION_DIFFERS'
  | 'GUIDE_INCLUDES_DIFFERS'
  | 'GUIDE_CELL_DIFFERS'
  | 'GUIDE_CELL_NOT_OFFICIAL'
  | 'ALLOWANCE_DIFFERS'
  | 'PAY_BELOW_OFFICIAL_GUIDE'
  | 'PAY_ABOVE_GUIDE_TOLERANCE'
  | 'CONTRIBUTION_FLOOR_DIFFERS'
  | 'CONTRIBUTION_CEILING_DIFFERS'
  | 'CONTRIBUTION_RATE_DIFFERS'
  | 'CONTRIBUTION_ROUNDING_DIFFERS'
  | 'CONTRIBUTION_ITEM_MISSING'
  | 'CONTRIBUTION_ITEM_EXTRA'
  | 'LEVY_RATE_DIFFERS'
  | 'LEVY_MISSING'
  | 'LEVY_EXTRA'
  // the budget's own checks (docs/design.md §Budget arithmetic, "Checks"), by their codes
  | `CHECK_${string}`;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  message: string;
  expected: string | null;
  found: string | null;
}

/** The findings that say the workbook is not what its embedded spec prices: the bid cannot be trusted as sent. */
export const INTEGRITY_CODES: ReadonlySet<FindingCode> = new Set([
  'SPEC_HASH_MISMATCH',
  'SPEC_INVALID',
  'SHEET_MISSING',
  'CELL_VALUE_CHANGED',
  'FORMULA_REPLACED',
]);

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * **Decision** (docs/design.md §Excel workbooks, "Review"): 不通过 (reject) when the workbook's integrity fails — its
 * spec's hash does not match, or a figure or formula differs from the recomputation — since nothing else it shows
 * can then be relied on; 需修改 (revise) when it is intact but has an error or a warning (against the official
 * records or the budget's own checks), which the bidder can fix; 通过 (pass) when it has neither (info may remain).
 */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => INTEGRITY_CODES.has(f.code))) return 'reject';
  if (findings.some((f) => f.severity === 'error' || f.severity === 'warning')) return 'revise';
  return 'pass';
}

export const VERDICT_ZH: Record<Verdict, string> = { pass: '通过', revise: '需修改', reject: '不通过' };
export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
