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

export interface PlanWorkbookInput {
  title: string;
  plan: AreaPlan;
  /** the pricing used; null when the plan counts posts only */
  pricing: PlanPricing | null;
  projection?: readonly ProjectionYear[] | null;
  /** the rule's parameters as label/value lines for the 参数 sheet */
  parameters: readonly [string, string][];
}
