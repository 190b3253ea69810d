import { z } from 'zod';
import { LIMITS, nonEmptyText, wholeNumber } from '../spec/fields';
import { AGE_BANDS, EDUCATION_BANDS, type RosterStats, STATS_DIMENSIONS, type StatsDimension } from './stats';
import { CERTIFICATES, TITLES } from './schema';

/**
 * A demand table (需求表) by the statistics' own dimensions — how many people of each age band,
 * education band, title, certificate and field the district needs — and the gap to the roster on
 * a date (docs/design.md §People: roster and statistics). A dimension the demand leaves out has no
 * gap; a band it names must be one the statistics count (a field may be any name).
 */

export type Demand = Partial<Record<StatsDimension, Partial<Record<string, number>>>>;

const needCount = wholeNumber({ min: 0, max: LIMITS.unitStaff.max * 10 });
const bandsOf: Record<Exclude<StatsDimension, 'byField'>, readonly string[]> = {
  byAge: AGE_BANDS,
  byEducation: EDUCATION_BANDS,
  byTitle: TITLES,
  byCertificate: CERTIFICATES,
};

const band = (dim: Exclude<StatsDimension, 'byField'>) =>
  z.partialRecord(z.enum(bandsOf[dim] as [string, ...string[]], { error: `须为 ${bandsOf[dim].join(' / ')} 之一 / unknown band` }), needCount);

export const demandSchema = z.strictObject({
  byAge: band('byAge').optional(),
  byEducation: band('byEducation').optional(),
  byTitle: band('byTitle').optional(),
  byCertificate: band('byCertificate').optional(),
  byField: z.record(nonEmptyText, needCount).optional(),
});

export interface GapLine {
  dimension: StatsDimension;
  band: string;
  have: number;
  need: number;
  /** need − have: positive is a shortfall (缺口), negative a surplus */
  gap: number;
}

export function demandGap(stats: RosterStats, demand: Demand): GapLine[] {
  const lines: GapLine[] = [];
  for (const dimension of STATS_DIMENSIONS) {
    const need = demand[dimension];
    if (!need) continue;
    for (const [band, n] of Object.entries(need)) {
      if (n === undefined) continue;
      const have = stats[dimension][band] ?? 0;
      lines.push({ dimension, band, have, need: n, gap: n - have });
    }
  }
  return lines;
}
