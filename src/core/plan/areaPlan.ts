import type { PolicyPoint } from '../staffing/policyPoint';
import type { CommunityRuleSet, CommunityRuleVersion } from '../staffing/ruleSets';
import type { RuleStep } from '../staffing/steps';
import type { Community } from './community';
import { type CommunityQuota, type QuotaColumns, checkRuleInputs, communityQuota, prepareRule, quotaColumns, quotaInto } from './quota';
import type { TeamCost, TeamPricer } from './pricing';
import { type PlanUnionPosts, type UnionCounts, planUnionPosts } from './unionPosts';
import { planWarning } from './warningText';
import { type CommunityWarningRule, type PlanWarning, RowList, communityWarningRule, communityWarningCodes, mixWarnings } from './warnings';

/**
 * 区域规划 — a community list through a rule set, priced, with totals by street and district.
 *
 * Built for a million communities: quotas are kept as columns (Int32Array), a community's cost is
 * the cost of a team of its size (priced once per distinct size by the TeamPricer), and a group's
 * money totals are Σ over team sizes of (communities of that size) × (cost of the team), in BigInt
 * fen — a few multiplications per group instead of additions per community.
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
  communities: readonly Community[];
  quotas: QuotaColumns;
  /** the arithmetic per community, when asked for */
  steps: string[][] | null;
  /** the same arithmetic as data (code and numbers), for the UI to say in its language */
  explanations: RuleStep[][] | null;
  /** community index → a minimum-posts rule its quota cannot hold */
  minimumNotMet: Map<number, string>;
  /** what the texts imply beyond the quotas (warnings.ts): rows outside the rule, district caps, the post mix */
  warnings: PlanWarning[];
  /** for the per-community warning codes of a row (communityWarningCodes) */
  warningRule: CommunityWarningRule;
  pricer: TeamPricer | null;
  /** 工会社工岗 on both bases (职工, 基层工会) for the counts the planner gave; null when none (unionPosts.ts) */
  union: PlanUnionPosts | null;
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
  /** the area's trade-union counts, for 工会社工岗 on both bases */
  union?: UnionCounts | null;
}

/** Community i of a plan as one object (for JSON, the workbook and the UI). */
export function communityPlanAt(plan: AreaPlan, i: number): CommunityPlan {
  const c = plan.communities[i]!;
  const q = plan.quotas;
  const chosen = q.chosen[i]!;
  const certifiedRequired = q.certifiedRequired[i]!;
  return {
    community: c,
    quota: {
      min: q.min[i]!,
      max: q.max[i]! < 0 ? null : q.max[i]!,
      chosen,
      explanation: plan.explanations?.[i] ?? [],
      steps: plan.steps?.[i] ?? [],
      staffGap: chosen - c.currentStaff,
      certifiedRequired,
      certificateGap: Math.max(0, certifiedRequired - c.certifiedStaff),
      minimumNotMet: plan.minimumNotMet.get(i) ?? null,
    },
    cost: plan.pricer ? plan.pricer.cost(chosen) : null,
  };
}

interface Accumulator {
  t: PlanTotals;
  /** team size → communities of that size */
  sizes: Map<number, number>;
}

function accumulator(district: string, street: string | null): Accumulator {
  return {
    t: {
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
    },
    sizes: new Map(),
  };
}

function add(a: Accumulator, c: Community, min: number, max: number, chosen: number, certifiedRequired: number): void {
  const t = a.t;
  t.communities++;
  t.households += c.households;
  t.min += min;
  t.max = t.max === null || max < 0 ? null : t.max + max;
  t.chosen += chosen;
  t.currentStaff += c.currentStaff;
  const gap = chosen - c.currentStaff;
  if (gap > 0) t.toRecruit += gap;
  else t.overQuota -= gap;
  t.certifiedStaff += c.certifiedStaff;
  t.certifiedRequired += certifiedRequired;
  if (certifiedRequired > c.certifiedStaff) t.certificateGap += certifiedRequired - c.certifiedStaff;
  a.sizes.set(chosen, (a.sizes.get(chosen) ?? 0) + 1);
}

function finish(a: Accumulator, pricer: TeamPricer | null): PlanTotals {
  if (pricer) {
    for (const [size, n] of a.sizes) {
      const cost = pricer.cost(size);
      const k = BigInt(n);
      a.t.gross += k * cost.gross;
      a.t.contributions += k * cost.contributions;
      a.t.levies += k * cost.levies;
      a.t.labour += k * cost.labour;
    }
  }
  return a.t;
}

export function runAreaPlan(communities: readonly Community[], opts: AreaPlanOptions): AreaPlan {
  checkRuleInputs(opts.version, communities);
  const rule = prepareRule(opts.version);
  const explain = opts.explain ?? false;
  const pricer = opts.pricer ?? null;
  const n = communities.length;
  const quotas = quotaColumns(n);
  const steps: string[][] | null = explain ? new Array(n) : null;
  const explanations: RuleStep[][] | null = explain ? new Array(n) : null;
  const minimumNotMet = new Map<number, string>();
  const streets = new Map<string, Accumulator>();
  const districts = new Map<string, Accumulator>();
  const totals = accumulator('合计', null);
  const v = opts.version;
  const warningRule = communityWarningRule(v);
  const wrongArea = new RowList();
  const outOfRange = new RowList();
  const short = v.minimumPosts.map(() => new RowList());
  // lists come sorted by street more often than not: reuse the last group instead of a key lookup
  let lastDistrict: string | null = null;
  let lastStreet: string | null = null;
  let d: Accumulator | undefined;
  let s: Accumulator | undefined;
  for (let i = 0; i < n; i++) {
    const c = communities[i]!;
    if (explain) {
      const q = communityQuota(rule, c, opts.point, true);
      quotas.min[i] = q.min;
      quotas.max[i] = q.max ?? -1;
      quotas.chosen[i] = q.chosen;
      quotas.certifiedRequired[i] = q.certifiedRequired;
      steps![i] = q.steps;
      explanations![i] = q.explanation;
      if (q.minimumNotMet) minimumNotMet.set(i, q.minimumNotMet);
    } else {
      const shortfall = quotaInto(rule, c, opts.point, quotas, i);
      if (shortfall) minimumNotMet.set(i, shortfall);
    }
    if (c.district !== lastDistrict) {
      d = districts.get(c.district);
      if (!d) districts.set(c.district, (d = accumulator(c.district, null)));
      lastDistrict = c.district;
      lastStreet = null;
    }
    if (c.street !== lastStreet) {
      const key = c.district + '\u0000' + c.street;
      s = streets.get(key);
      if (!s) streets.set(key, (s = accumulator(c.district, c.street)));
      lastStreet = c.street;
    }
    const min = quotas.min[i]!;
    const max = quotas.max[i]!;
    const chosen = quotas.chosen[i]!;
    const req = quotas.certifiedRequired[i]!;
    add(s!, c, min, max, chosen, req);
    add(d!, c, min, max, chosen, req);
    add(totals, c, min, max, chosen, req);
    if (warningRule.wrongArea !== null || warningRule.band !== null) {
      for (const code of communityWarningCodes(warningRule, c)) (code === 'OUT_OF_RULE_RANGE' ? outOfRange : wrongArea).add(c);
    }
    for (let k = 0; k < short.length; k++) if (chosen < v.minimumPosts[k]!.minPosts) short[k]!.add(c);
  }
  const districtTotals = [...districts.values()].map((a) => finish(a, pricer));
  const warnings: PlanWarning[] = [];
  const ruleName = opts.ruleSet.name;
  if (wrongArea.count)
    warnings.push(
      planWarning('warning', {
        code: warningRule.wrongArea === 'rural' ? 'RULE_URBAN_ONLY' : 'RULE_RURAL_ONLY',
        params: { rule: ruleName, ...wrongArea.value },
      }),
    );
  if (outOfRange.count && warningRule.band) {
    warnings.push(
      planWarning('warning', {
        code: 'OUT_OF_RULE_RANGE',
        params: { rule: ruleName, fromHouseholds: warningRule.band.from, toHouseholds: warningRule.band.to, ...outOfRange.value },
      }),
    );
  }
  short.forEach((r, k) => {
    const m = v.minimumPosts[k]!;
    if (r.count) warnings.push(planWarning('warning', { code: 'MINIMUM_POSTS_NOT_MET', params: { kind: m.kind, minPosts: m.minPosts, ...r.value } }));
  });
  if (v.districtCap) {
    const { posts: cap, label } = v.districtCap;
    for (const d of districtTotals) {
      warnings.push(
        d.chosen > cap
          ? planWarning('warning', { code: 'DISTRICT_CAP_EXCEEDED', params: { district: d.district, cap, chosen: d.chosen, over: d.chosen - cap, label } })
          : planWarning('info', { code: 'DISTRICT_CAP', params: { district: d.district, cap, chosen: d.chosen, remaining: cap - d.chosen, label } }),
      );
    }
  }
  if (pricer) for (const w of mixWarnings(v, ruleName, pricer.mix)) warnings.push(planWarning('warning', w));
  return {
    rule: { key: opts.ruleSet.key, name: opts.ruleSet.name, version: v.label, effectiveFrom: v.effectiveFrom, sample: v.sample },
    point: opts.point,
    priced: pricer !== null,
    communities,
    quotas,
    steps,
    explanations,
    minimumNotMet,
    warnings,
    warningRule,
    pricer,
    union: planUnionPosts(opts.union, opts.point),
    streets: [...streets.values()].map((a) => finish(a, pricer)),
    districts: districtTotals,
    totals: finish(totals, pricer),
  };
}
