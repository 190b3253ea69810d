import { DEFAULT_PLAN_TITLE, writePlanWorkbook } from '../../core/excel/planWorkbook';
import type { ContributionSet } from '../../core/contributions/schema';
import type { PayGuide, ReferenceWageRecord } from '../../core/guides/schema';
import { type AreaPlan, runAreaPlan } from '../../core/plan/areaPlan';
import type { Community } from '../../core/plan/community';
import type { PostMix } from '../../core/plan/postMix';
import type { UnionCounts } from '../../core/plan/unionPosts';
import { type PlanPricing, planPricing } from '../../core/plan/pricingInputs';
import { type ProjectionInput, type ProjectionYear, projectTeam } from '../../core/plan/projection';
import { ruleParameterLines } from '../../core/plan/ruleText';
import type { PolicyPoint } from '../../core/staffing/policyPoint';
import { type CommunityRuleSet, type CommunityRuleVersion, ruleVersionInForce } from '../../core/staffing/ruleSets';

/**
 * An area plan computed and written as its workbook from plain records, with no store: the host
 * resolves what the plan names (the rule set, the guide, the wages, the contribution set) and the
 * file worker (parseJobs.ts) computes and writes it, so a plan of 100,000 communities neither holds
 * up the host nor blocks a cancel (docs/design.md §Data flow, Long work: progress and cancel).
 * services/plan.ts computes through the same function, so the page, the CLI and the workbook agree.
 */

/** A multi-year team projection from the plan's year; `capToQuota` caps it at the plan's chosen total. */
export type ProjectionRequest = Omit<ProjectionInput, 'startYear'> & { capToQuota: boolean };

/** The stored records a plan is priced with, as plain data. */
export interface PricingRecords {
  guide: PayGuide;
  wages: ReferenceWageRecord[];
  contributionSet: ContributionSet;
  mix: PostMix | null;
}

export interface ComputedPlan {
  ruleSet: CommunityRuleSet;
  version: CommunityRuleVersion;
  plan: AreaPlan;
  pricing: PlanPricing | null;
  projection: ProjectionYear[] | null;
  steps: boolean;
}

export interface PlanComputation {
  ruleSet: CommunityRuleSet;
  version: CommunityRuleVersion;
  date: string;
  point: PolicyPoint;
  communities: readonly Community[];
  /** needs pricing; ignored without */
  projection?: ProjectionRequest | null;
  /** the area's trade-union counts (工会社工岗 on both bases) */
  union?: UnionCounts | null;
  steps: boolean;
}

/** The plan, priced when `pricing` is given, with its projection. */
export function computePlanWith(req: PlanComputation, pricing: PlanPricing | null): ComputedPlan {
  const { ruleSet, version } = req;
  const plan = runAreaPlan(req.communities, { ruleSet, version, point: req.point, pricer: pricing?.pricer ?? null, explain: req.steps, union: req.union });
  const p = req.projection;
  const projection =
    pricing && p
      ? projectTeam(
          { ...p, cap: p.capToQuota ? plan.totals.chosen : p.cap, startYear: Number(req.date.slice(0, 4)) },
          pricing.mix,
          pricing.guide,
          pricing.pricer.contributions,
        )
      : null;
  return { ruleSet, version, plan, pricing, projection, steps: req.steps };
}

/** The 区域规划 workbook's bytes, titled as its planner named it, else DEFAULT_PLAN_TITLE. */
export async function planWorkbookBytesOf(c: ComputedPlan, planTitle?: string): Promise<{ title: string; bytes: Uint8Array }> {
  const title = planTitle?.trim() || DEFAULT_PLAN_TITLE;
  const { pricing } = c;
  const bytes = await writePlanWorkbook({
    title,
    plan: c.plan,
    pricing: pricing ? { mix: pricing.mix, pricer: pricing.pricer, guideName: pricing.guideName, contributionsName: pricing.contributionsName } : null,
    projection: c.projection,
    parameters: ruleParameterLines(c.version),
  });
  return { title, bytes };
}

/** What the file worker is sent to write a plan's workbook. */
export interface PlanWorkbookRequest {
  title: string;
  ruleSet: CommunityRuleSet;
  date: string;
  point: PolicyPoint;
  communities: Community[];
  pricing: PricingRecords | null;
  projection: ProjectionRequest | null;
  union?: UnionCounts | null;
}

/** In the file worker: the plan from its records, then its workbook; progress by stage. */
export async function planWorkbookBytes(req: PlanWorkbookRequest, report: (fraction: number, label: string) => void = () => {}): Promise<Uint8Array> {
  report(0, '测算员额');
  const version = ruleVersionInForce(req.ruleSet, req.date);
  const pricing = req.pricing ? planPricing(req.pricing.guide, req.pricing.wages, req.pricing.contributionSet, req.pricing.mix, req.date) : null;
  const computed = computePlanWith({ ...req, version, steps: false }, pricing);
  // computing is about a fifth of the work, writing the sheets the rest
  report(0.2, '写出工作簿');
  const { bytes } = await planWorkbookBytesOf(computed, req.title);
  report(1, '已写出');
  return bytes;
}
