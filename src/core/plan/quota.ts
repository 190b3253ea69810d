import { parseDecimal } from '../money/decimal';
import { householdBandsQuota } from '../staffing/householdBands';
import { minimumPosts } from '../staffing/minimumPosts';
import { type PolicyPoint, type RuleOutcome, ceilDiv } from '../staffing/policyPoint';
import { densityRatio } from '../staffing/ratios';
import type { CommunityRuleVersion } from '../staffing/ruleSets';
import { ceilShare } from '../staffing/shares';
import { step } from '../staffing/steps';
import { stepTextZh, stepsZh } from '../staffing/stepText';
import { ValidationError } from '../spec/fields';
import type { Community } from './community';

/**
 * One community through a rule set: the quota (min / chosen / max with its arithmetic), the
 * minimum posts of a kind that must fit in it, the gap between current staff and the quota, and
 * the certificate-rate gap (持证缺口) of the current staff.
 */
export interface CommunityQuota extends RuleOutcome {
  /** chosen − current staff: > 0 posts to fill, < 0 staff above the quota (超编) */
  staffGap: number;
  /** ⌈rate × current staff⌉ who must hold a certificate (城市 100 %, 农村 80 %) */
  certifiedRequired: number;
  certificateGap: number;
  /** a minimum-posts rule the chosen quota cannot hold (e.g. 2 party-building posts in a quota of 1) */
  minimumNotMet: string | null;
}

export interface PreparedRule {
  version: CommunityRuleVersion;
  urbanRate: ReturnType<typeof parseDecimal> | null;
  ruralRate: ReturnType<typeof parseDecimal> | null;
  /** the rates as whole numbers u / s (s = 10^places) for the fast path: ⌈u × n / s⌉ */
  urbanParts: { u: number; s: number } | null;
  ruralParts: { u: number; s: number } | null;
}

const parts = (d: ReturnType<typeof parseDecimal>) => ({ u: Number(d.units), s: 10 ** d.scale });

export function prepareRule(version: CommunityRuleVersion): PreparedRule {
  const c = version.certificate;
  const urbanRate = c ? parseDecimal(c.urban) : null;
  const ruralRate = c ? parseDecimal(c.rural) : null;
  return { version, urbanRate, ruralRate, urbanParts: urbanRate && parts(urbanRate), ruralParts: ruralRate && parts(ruralRate) };
}

/** Quotas of many communities as columns (a million communities must fit in memory and time). */
export interface QuotaColumns {
  min: Int32Array;
  /** −1 = no upper bound */
  max: Int32Array;
  chosen: Int32Array;
  certifiedRequired: Int32Array;
}

export function quotaColumns(n: number): QuotaColumns {
  return { min: new Int32Array(n), max: new Int32Array(n), chosen: new Int32Array(n), certifiedRequired: new Int32Array(n) };
}

/**
 * The numbers of communityQuota without the arithmetic text, written into row i of the columns.
 * Returns the minimum-posts shortfall text, or null (rare: only a quota below the minimum).
 */
export function quotaInto(rule: PreparedRule, c: Community, point: PolicyPoint, cols: QuotaColumns, i: number): string | null {
  const q = rule.version.quota;
  const outcome =
    q.family === 'householdBands'
      ? householdBandsQuota(q, { households: c.households, elderlyShare: share(c.elderlyShare) }, point, false)
      : densityRatio(q, c.residents ?? 0, point, false);
  cols.min[i] = outcome.min;
  cols.max[i] = outcome.max ?? -1;
  cols.chosen[i] = outcome.chosen;
  const rate = c.urbanRural === 'urban' ? rule.urbanParts : rule.ruralParts;
  cols.certifiedRequired[i] = rate ? ceilDiv(rate.u * c.currentStaff, rate.s) : 0;
  for (const m of rule.version.minimumPosts) {
    if (outcome.chosen < m.minPosts) return minimumNotMetText(m.kind, m.minPosts, outcome.chosen);
  }
  return null;
}

/** A rule by population needs 常住人口 on every row: say which rows lack it before computing. */
export function checkRuleInputs(version: CommunityRuleVersion, communities: readonly Community[]): void {
  if (version.quota.family !== 'density') return;
  const missing = communities.filter((c) => c.residents === null);
  if (missing.length) {
    throw new ValidationError(
      missing.slice(0, 50).map((c) => ({
        path: `第 ${c.row} 行 常住人口`,
        message: `规则按${version.quota.family === 'density' ? version.quota.basis : '人口'}测算，须填写常住人口 / residents required by this rule`,
      })),
    );
  }
}

// elderly shares repeat a lot in real lists; parse each text once
const shareCache = new Map<string, ReturnType<typeof parseDecimal>>();
function share(text: string | null) {
  if (text === null) return null;
  let d = shareCache.get(text);
  if (d === undefined) {
    if (shareCache.size > 10_000) shareCache.clear();
    shareCache.set(text, (d = parseDecimal(text)));
  }
  return d;
}

const minimumNotMetText = (kind: string, minPosts: number, quota: number) => stepTextZh(step('MINIMUM_NOT_MET', { kind, minPosts, quota }));

export function communityQuota(rule: PreparedRule, c: Community, point: PolicyPoint, explain = true): CommunityQuota {
  const q = rule.version.quota;
  const outcome =
    q.family === 'householdBands'
      ? householdBandsQuota(q, { households: c.households, elderlyShare: share(c.elderlyShare) }, point, explain)
      : densityRatio(q, c.residents ?? 0, point, explain);
  const explanation = explain ? [...outcome.explanation] : outcome.explanation;
  let minimumNotMet: string | null = null;
  for (const m of rule.version.minimumPosts) {
    const r = minimumPosts(m, outcome.chosen, explain);
    if (explain) explanation.push(...r.explanation);
    if (!r.fits && minimumNotMet === null) minimumNotMet = minimumNotMetText(m.kind, m.minPosts, outcome.chosen);
  }
  const staffGap = outcome.chosen - c.currentStaff;
  const current = c.currentStaff;
  if (explain) {
    explanation.push(
      staffGap > 0
        ? step('STAFF_SHORT', { current, chosen: outcome.chosen, gap: staffGap })
        : staffGap < 0
          ? step('STAFF_OVER', { current, over: -staffGap })
          : step('STAFF_EVEN', { current }),
    );
  }
  const rate = c.urbanRural === 'urban' ? rule.urbanRate : rule.ruralRate;
  let certifiedRequired = 0;
  let certificateGap = 0;
  if (rate) {
    certifiedRequired = ceilShare(rate, c.currentStaff);
    certificateGap = Math.max(0, certifiedRequired - c.certifiedStaff);
    if (explain) {
      const rateText = c.urbanRural === 'urban' ? rule.version.certificate!.urban : rule.version.certificate!.rural;
      explanation.push(
        step('COMMUNITY_CERTIFICATE', {
          area: c.urbanRural,
          rate: rateText,
          staff: current,
          required: certifiedRequired,
          certified: c.certifiedStaff,
          gap: certificateGap,
        }),
      );
    }
  }
  const steps = explain ? stepsZh(explanation) : outcome.steps;
  return { ...outcome, explanation, steps, staffGap, certifiedRequired, certificateGap, minimumNotMet };
}
