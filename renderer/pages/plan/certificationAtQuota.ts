import { parseDecimal } from '../../../src/core/money/decimal';
import { NATIONAL_CERTIFICATES } from '../../../src/core/roster/stats';
import type { ApiInput, ApiOutput } from '../../api';

/**
 * The plan's certification at full quota (docs/design.md §Grading as data, certificate rules): the
 * plan's communities as the lines `roster.planCertification` takes — one line for 城市 and one for
 * 农村, each with Σ chosen quota and Σ certified, a community's certified counted at most up to its
 * quota (as the operation counts each line) — and what the page adds beside its answer: the
 * certified people the full quota needs, and the roster's certified workers.
 */
export type CertificationLines = ApiInput<'roster.planCertification'>['lines'];
export type CertificationAnswer = ApiOutput<'roster.planCertification'>;

export interface QuotaCommunity {
  urbanRural: 'urban' | 'rural';
  /** the plan's chosen quota (员额取值): every post filled */
  chosen: number;
  certifiedStaff: number;
}

export function certificationLines(communities: readonly QuotaCommunity[]): CertificationLines {
  const sums = { urban: { quota: 0, certified: 0 }, rural: { quota: 0, certified: 0 } };
  for (const c of communities) {
    const s = sums[c.urbanRural];
    s.quota += c.chosen;
    s.certified += Math.min(c.certifiedStaff, c.chosen);
  }
  return [
    { name: '城市', urbanRural: 'urban', ...sums.urban },
    { name: '农村', urbanRural: 'rural', ...sums.rural },
  ];
}

/** Certified people a target rate needs of a quota, rounded up to whole people: 80 % of 11 posts is 9. */
export function certifiedNeeded(target: string, quota: number): number {
  const d = parseDecimal(target);
  const scaled = d.units * BigInt(quota);
  const unit = 10n ** BigInt(d.scale);
  return Number((scaled + unit - 1n) / unit);
}

/** The roster's certified workers in a statistics answer: the national certificate levels. */
export function rosterCertified(byCertificate: Readonly<Record<string, number>>): number {
  return NATIONAL_CERTIFICATES.reduce((n, c) => n + (byCertificate[c] ?? 0), 0);
}
