import type { GuideVersion, ReferenceWageRecord } from './schema';

/**
 * Dated parameters, as OpenFisca keeps them: a version holds from its effective date until its
 * explicit end, or until the next version starts. Dates are ISO "YYYY-MM-DD" so text order is date order.
 */
export function versionInForce<V extends Pick<GuideVersion, 'effectiveFrom' | 'effectiveTo'>>(versions: readonly V[], date: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (v.effectiveTo !== null && v.effectiveTo < date) continue;
    if (best === null || v.effectiveFrom > best.effectiveFrom) best = v;
  }
  return best;
}

/** The reference wage of that name in force on the date (latest effectiveFrom not after it). */
export function referenceWageInForce<W extends Pick<ReferenceWageRecord, 'name' | 'effectiveFrom'>>(wages: readonly W[], name: string, date: string): W | null {
  let best: W | null = null;
  for (const w of wages) {
    if (w.name !== name || w.effectiveFrom > date) continue;
    if (best === null || w.effectiveFrom > best.effectiveFrom) best = w;
  }
  return best;
}

/** "2026-01" → "2026-01-01" */
export const monthStartDate = (yearMonth: string) => `${yearMonth}-01`;
