import type { GuideVersion } from '../guides/schema';
import { monthStartDate, versionInForce } from '../guides/versions';

/**
 * Locked records (docs/design.md §History and locks): a guide version that has a 文号, or that a
 * project uses, and a contribution set that a project uses, are never edited in place or deleted —
 * a change is made as a new version (or a new set), so what a bid was priced with stays as it was.
 */
export interface RecordLock {
  /** the version's 文号, when it has one */
  documentNo: string | null;
  /** the projects that use the record, by name */
  projects: string[];
}

/** "2026-11" + 3 → ["2026-11", "2026-12", "2027-01"] */
export function periodMonthsOf(start: string, months: number): string[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < months; i++) {
    const k = y * 12 + (m - 1) + i;
    out.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * The versions a project's period uses: the one in force on the first day of each of its months
 * (the start month's version, and — for a period that crosses a new version — each later one).
 */
export function versionsInForceDuring<V extends Pick<GuideVersion, 'effectiveFrom' | 'effectiveTo'>>(
  versions: readonly V[],
  start: string,
  months: number,
): V[] {
  const used = new Set<V>();
  for (const month of periodMonthsOf(start, months)) {
    const v = versionInForce(versions, monthStartDate(month));
    if (v) used.add(v);
  }
  return [...used];
}

export const isLocked = (lock: RecordLock | null): lock is RecordLock => lock !== null && (lock.documentNo !== null || lock.projects.length > 0);

/** Why it is locked, in a sentence: 有文号 X；被项目 A、B 使用 */
export function lockReason(lock: RecordLock): string {
  const parts: string[] = [];
  if (lock.documentNo) parts.push(`有文号 ${lock.documentNo}`);
  if (lock.projects.length) {
    const shown = lock.projects.slice(0, 5).join('、') + (lock.projects.length > 5 ? ` 等 ${lock.projects.length} 个项目` : '');
    parts.push(`被项目 ${shown} 使用`);
  }
  return parts.join('；');
}

/**
 * The store's refusal: `what` is the record as the user names it (指导价“X”的版本“2026 版”);
 * `instead` says what to do (另存为新版本后再修改).
 */
export function lockedMessage(what: string, doing: '修改' | '删除', lock: RecordLock, instead: string): string {
  const why = [lock.documentNo ? 'it has a document number' : '', lock.projects.length ? 'a project uses it' : ''].filter(Boolean).join(' and ');
  return `${what}已锁定（${lockReason(lock)}），不能直接${doing}；${instead} / locked (${why}): not ${doing === '修改' ? 'edited' : 'deleted'} in place`;
}
