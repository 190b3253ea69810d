import { type Decimal, toNumber, toPlainString } from '../money/decimal';
import type { ExpectedCell, ExpectedValue } from './expectedCells';
import type { Finding } from './findings';
import type { ReviewCell, ReviewSheet } from './workbookCells';

/**
 * Integrity (docs/design.md §Excel workbooks, "Review"): each figure the workbook shows against the recomputation of
 * its embedded spec. A different value is CELL_VALUE_CHANGED; a cell that holds a value where the writer wrote a
 * formula is FORMULA_REPLACED (even when the typed number is right: the workbook no longer follows its parameters).
 * Numbers are equal when they agree to 6 decimal places, which absorbs a spreadsheet's binary rounding (a SUM of
 * amounts off by 1e-10) and no more: every figure the workbook shows has at most 4 places (shares) or 6 (rates).
 */
const PLACES = 6;

function sameNumber(found: number, expected: Decimal): boolean {
  return found.toFixed(PLACES) === toNumber(expected).toFixed(PLACES);
}

export function shownExpected(e: ExpectedValue): string {
  return e.kind === 'number' ? toPlainString(e.value) : e.value;
}

export function shownFound(cell: ReviewCell | undefined): string {
  if (!cell) return '（空）';
  if (typeof cell.value === 'string') return cell.value;
  return String(cell.value);
}

function matches(cell: ReviewCell | undefined, e: ExpectedValue): boolean {
  if (e.kind === 'text') return (cell?.value ?? '') === e.value;
  if (!cell) return false;
  return typeof cell.value === 'number' && sameNumber(cell.value, e.value);
}

export function integrityFindings(expected: readonly ExpectedCell[], sheets: ReadonlyMap<string, ReviewSheet>): Finding[] {
  const findings: Finding[] = [];
  const missing = new Set<string>();
  for (const x of expected) {
    const sheet = sheets.get(x.sheet);
    if (!sheet) {
      if (!missing.has(x.sheet)) {
        missing.add(x.sheet);
        findings.push({
          code: 'SHEET_MISSING',
          severity: 'error',
          sheet: x.sheet,
          cell: null,
          message: `工作簿缺少工作表“${x.sheet}”：无法核对其中的数字 / sheet missing`,
          expected: x.sheet,
          found: null,
        });
      }
      continue;
    }
    const cell = sheet.cells.get(x.cell);
    const place = `${x.sheet}!${x.cell}`;
    const want = shownExpected(x.expected);
    const ok = matches(cell, x.expected);
    if (x.formula && cell && !cell.formula) {
      const also = ok ? '' : '，且与重算结果不符';
      findings.push({
        code: 'FORMULA_REPLACED',
        severity: 'error',
        sheet: x.sheet,
        cell: x.cell,
        message: `${place} ${x.label}应为公式（重算值 ${want}），工作簿中是手填的值 ${shownFound(cell)}${also} / formula replaced by a typed value`,
        expected: want,
        found: shownFound(cell),
      });
    } else if (!ok) {
      const typed = typeof cell?.value === 'string' && x.expected.kind === 'number' ? '（文本）' : '';
      findings.push({
        code: 'CELL_VALUE_CHANGED',
        severity: 'error',
        sheet: x.sheet,
        cell: x.cell,
        message: `${place} ${x.label}应为 ${want}，工作簿中为 ${shownFound(cell)}${typed}：与按内嵌预算数据重算的结果不符 / value differs from the recomputation`,
        expected: want,
        found: cell ? shownFound(cell) : null,
      });
    }
  }
  return findings;
}
