import { fromFen, toFixed } from '../money/decimal';
import { type AreaPlan, type PlanTotals, communityPlanAt } from './areaPlan';
import type { ProjectionYear } from './projection';
import { unionPostsJson } from './unionPosts';
import { communityWarningCodes } from './warnings';

/**
 * The plan as plain JSON (CLI --json, the API): counts as numbers, money as strings with 2
 * decimals, so nothing downstream sees a binary float amount.
 */
export const yuan = (fen: bigint) => toFixed(fromFen(fen), 2);

export function totalsJson(t: PlanTotals, priced: boolean) {
  return {
    district: t.district,
    ...(t.street === null ? {} : { street: t.street }),
    communities: t.communities,
    households: t.households,
    min: t.min,
    chosen: t.chosen,
    max: t.max,
    currentStaff: t.currentStaff,
    toRecruit: t.toRecruit,
    overQuota: t.overQuota,
    certifiedStaff: t.certifiedStaff,
    certifiedRequired: t.certifiedRequired,
    certificateGap: t.certificateGap,
    ...(priced ? { gross: yuan(t.gross), contributions: yuan(t.contributions), levies: yuan(t.levies), labour: yuan(t.labour) } : {}),
  };
}

export function planJson(plan: AreaPlan, mixLabels: readonly string[] = [], opts: { steps?: boolean } = {}) {
  return {
    rule: plan.rule,
    point: plan.point,
    communities: plan.communities.map((_, i) => {
      const p = communityPlanAt(plan, i);
      const c = p.community;
      const q = p.quota;
      const warnings = communityWarningCodes(plan.warningRule, c);
      return {
        row: c.row,
        name: c.name,
        district: c.district,
        street: c.street,
        households: c.households,
        residents: c.residents,
        elderlyShare: c.elderlyShare,
        urbanRural: c.urbanRural,
        min: q.min,
        chosen: q.chosen,
        max: q.max,
        currentStaff: c.currentStaff,
        staffGap: q.staffGap,
        certifiedStaff: c.certifiedStaff,
        certifiedRequired: q.certifiedRequired,
        certificateGap: q.certificateGap,
        ...(q.minimumNotMet ? { minimumNotMet: q.minimumNotMet } : {}),
        ...(warnings.length ? { warnings } : {}),
        ...(p.cost
          ? {
              posts: Object.fromEntries(mixLabels.map((l, i) => [l, p.cost!.counts[i] ?? 0])),
              gross: yuan(p.cost.gross),
              contributions: yuan(p.cost.contributions),
              levies: yuan(p.cost.levies),
              labour: yuan(p.cost.labour),
            }
          : {}),
        ...(opts.steps ? { steps: q.steps } : {}),
      };
    }),
    streets: plan.streets.map((t) => totalsJson(t, plan.priced)),
    districts: plan.districts.map((t) => totalsJson(t, plan.priced)),
    totals: totalsJson(plan.totals, plan.priced),
    /** what the texts imply beyond the quotas: { level, code, params, message } (warnings.ts) */
    warnings: plan.warnings,
    /** 工会社工岗 on both bases, when the plan gives its trade-union counts (unionPosts.ts) */
    ...(plan.union ? { union: unionPostsJson(plan.union) } : {}),
  };
}

export function projectionJson(years: readonly ProjectionYear[]) {
  return years.map((y) => ({
    year: y.year,
    headcount: y.headcount,
    monthly: y.monthly,
    gross: yuan(y.cost.gross),
    contributions: yuan(y.cost.contributions),
    levies: yuan(y.cost.levies),
    labour: yuan(y.cost.labour),
    steps: y.steps,
  }));
}

export type PlanJson = ReturnType<typeof planJson>;
export type ProjectionJson = ReturnType<typeof projectionJson>;
