import type { ContributionSet } from '../contributions/schema';
import type { PayGuide, ReferenceWageRecord } from '../guides/schema';
import { versionInForce } from '../guides/versions';
import { inlineGuideFromVersion } from '../projects/toSpec';
import type { InlineGuide } from '../spec/budgetSpec';
import { ValidationError } from '../spec/fields';
import { mixForGuide } from './mixPresets';
import type { PostMix } from './postMix';
import { TeamPricer, contributionsInput, priceMixLines } from './pricing';

/**
 * The stored guide (version in force on the plan's date), contribution set and post mix a plan is
 * priced with — the same resolution a stored project's budget uses (projects/toSpec.ts).
 */
export interface PlanPricing {
  guide: InlineGuide;
  mix: PostMix;
  pricer: TeamPricer;
  guideName: string;
  contributionsName: string;
}

export function planPricing(guide: PayGuide, wages: readonly ReferenceWageRecord[], set: ContributionSet, mix: PostMix | null, date: string): PlanPricing {
  const version = versionInForce(guide.versions, date);
  if (!version) throw new ValidationError([{ path: 'guide', message: `指导价“${guide.name}”在 ${date} 没有生效的版本 / no version in force` }]);
  const inline = inlineGuideFromVersion(guide, version, wages, date);
  const chosen = mix ?? mixForGuide(inline.rows);
  if (!chosen) {
    throw new ValidationError([
      { path: 'mix', message: `指导价“${guide.name}”没有适用的预置岗位结构，请给出岗位结构（各类岗位对应的岗位/等级/档次与比例）/ give a post mix` },
    ]);
  }
  const contributions = contributionsInput(set);
  return {
    guide: inline,
    mix: chosen,
    pricer: new TeamPricer(chosen, priceMixLines(chosen, inline), contributions, inline.includes),
    guideName: inline.name,
    contributionsName: set.name,
  };
}
