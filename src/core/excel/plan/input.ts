import type { AreaPlan } from '../../plan/areaPlan';
import type { PostMix } from '../../plan/postMix';
import type { TeamPricer } from '../../plan/pricing';
import type { ProjectionYear } from '../../plan/projection';

/** How the plan's teams were priced: the post mix, its pricer and the names of the guide and contribution set. */
export interface PlanPricing {
  mix: PostMix;
  pricer: TeamPricer;
  guideName: string;
  contributionsName: string;
}

/** The title a plan goes by when its planner gave none (never the community list's file name). */
export const DEFAULT_PLAN_TITLE = '区域社工岗位规划';

export interface PlanWorkbookInput {
  /** the plan's own title, as the planner wrote it; blank: DEFAULT_PLAN_TITLE */
  title: string;
  plan: AreaPlan;
  /** the pricing used; null when the plan counts posts only */
  pricing: PlanPricing | null;
  projection?: readonly ProjectionYear[] | null;
  /** the rule's parameters as label/value lines for the 参数 sheet */
  parameters: readonly [string, string][];
}
