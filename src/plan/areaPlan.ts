import type { PolicyPoint } from '../staffing/policyPoint';
import type { CommunityRuleSet, CommunityRuleVersion } from '../staffing/ruleSets';
import type { Community } from './community';
import { type CommunityQuota, checkRuleInputs, communityQuota, prepareRule } from './quota';
import type { TeamCost, TeamPricer } from './pricing';

/**
 * 区域规划 — a community list through a rule set, priced, with totals by street and district.
 * Each community keeps its quota and a reference to the (shared) cost of a team of its size.
 */
export interface CommunityPlan {
  community: Community;
  quota: CommunityQuota;
  cost: TeamCost | null;
}

export interface PlanTotals {
  district: string;
  street: string | null;
  communities: number;
  households: number;
  min: number;
  max: number | null;
  chosen: number;
  currentStaff: number;
  /** Σ max(0, chosen − current): posts to fill; over-quota communities do not offset it */
  toRecruit: number;
  /** Σ max(0, current − chosen) */
  overQuota: number;
  certifiedStaff: number;
  certifiedRequired: number;
  certificateGap: number;
  gross: bigint;
  contributions: bigint;
  levies: bigint;
  labour: bigint;
}

export interface AreaPlan {
  rule: { key: string; name: string; version: string; effectiveFrom: string; sample: boolean };
  point: PolicyPoint;
  priced: boolean;
  communities: CommunityPlan[];
  streets: PlanTotals[];
  districts: PlanTotals[];
  totals: PlanTotals;
}

export interface AreaPlanOptions {
  ruleSet: CommunityRuleSet;
  version: CommunityRuleVersion;
  point: PolicyPoint;
  pricer?: TeamPricer | null;
  /** keep the arithmetic text of every community (the UI shows it; a million-row run does not need it) */
  explain?: boolean;
}

function emptyTotals(district: string, street: string | null): PlanTotals {
  return {
    district,
    street,
    communities: 0,
    households: 0,
    min: 0,
    max: 0,
    chosen: 0,
    currentStaff: 0,
    toRecruit: 0,
    overQuota: 0,
    certifiedStaff: 0,
    certifiedRequired: 0,
    certificateGap: 0,
    gross: 0n,
    contributions: 0n,
    levies: 0n,
    labour: 0n,
  };
}

function accumulate(t: PlanTotals, p: CommunityPlan): void {
  const c = p.community;
  const q = p.quota;
  t.communities++;
  t.households += c.households;
  t.min += q.min;
  t.max = t.max === null || q.max === null ? null : t.max + q.max;
  t.chosen += q.chosen;
  t.currentStaff += c.currentStaff;
  if (q.staffGap > 0) t.toRecruit += q.staffGap;
  else t.overQuota -= q.staffGap;
  t.certifiedStaff += c.certifiedStaff;
  t.certifiedRequired += q.certifiedRequired;
  t.certificateGap += q.certificateGap;
  if (p.cost) {
    t.gross += p.cost.gross;
    t.contributions += p.cost.contributions;
    t.levies += p.cost.levies;
    t.labour += p.cost.labour;
  }
}

export function runAreaPlan(communities: readonly Community[], opts: AreaPlanOptions): AreaPlan {
  checkRuleInputs(opts.version, communities);
  const rule = prepareRule(opts.version);
  const explain = opts.explain ?? false;
  const pricer = opts.pricer ?? null;
  const plans: CommunityPlan[] = new Array(communities.length);
  const streets = new Map<string, PlanTotals>();
  const districts = new Map<string, PlanTotals>();
  const totals = emptyTotals('合计', null);
  for (let i = 0; i < communities.length; i++) {
    const c = communities[i]!;
    const quota = communityQuota(rule, c, opts.point, explain);
    const p: CommunityPlan = { community: c, quota, cost: pricer ? pricer.cost(quota.chosen) : null };
    plans[i] = p;
    let d = districts.get(c.district);
    if (!d) districts.set(c.district, (d = emptyTotals(c.district, null)));
    const sk = c.district + '\u0000' + c.street;
    let s = streets.get(sk);
    if (!s) streets.set(sk, (s = emptyTotals(c.district, c.street)));
    accumulate(s, p);
    accumulate(d, p);
    accumulate(totals, p);
  }
  const v = opts.version;
  return {
    rule: { key: opts.ruleSet.key, name: opts.ruleSet.name, version: v.label, effectiveFrom: v.effectiveFrom, sample: v.sample },
    point: opts.point,
    priced: pricer !== null,
    communities: plans,
    streets: [...streets.values()],
    districts: [...districts.values()],
    totals,
  };
}
