import type { StoredContributionSet } from '../contributions/schema';
import type { PayGuide, ReferenceWageRecord } from '../guides/schema';
import type { Project } from '../projects/schema';
import { projectToSpec } from '../projects/toSpec';
import type { BudgetSpec } from '../spec/budgetSpec';
import { type BudgetResult, computeBudget } from './compute';
import { budgetModelFromSpec } from './fromSpec';
import { type BudgetJson, budgetToJson } from './resultJson';

/**
 * The budget chain, in one place: spec → model → exact arithmetic and checks → the JSON every
 * caller shows (docs/design.md, "Budget arithmetic" and "Data flow"). The app's budget service
 * runs it after resolving records from the store; the budget editor runs it in the page on every
 * edit. Both therefore show the same fen for the same project.
 */
export interface PricedBudget {
  /** the spec as computed: its pay guide inline (a `ref` has been resolved before) */
  spec: BudgetSpec;
  /** the exact result, which the workbook writers read */
  result: BudgetResult;
  /** amounts as text with 2 decimals, labourShare with 4 */
  json: BudgetJson;
}

export function priceBudget(spec: BudgetSpec): PricedBudget {
  const result = computeBudget(budgetModelFromSpec(spec));
  return { spec, result, json: budgetToJson(result) };
}

/** What a stored project is priced with besides its own lines. */
export interface ProjectBudgetRefs {
  /** the guide; the versions in force during the project's period are used (projectToSpec: v1 for one, v2 for several) */
  guide: PayGuide;
  /** every reference wage, for coefficient cells (the one in force is picked) */
  wages: readonly ReferenceWageRecord[];
  contributionSet: StoredContributionSet;
  /** the project's later sets (期间内调整), in the order of `laterContributionSetIds`; none when absent */
  laterContributionSets?: readonly StoredContributionSet[];
}

/** A project (stored or being edited) through projectToSpec, then the chain above. */
export function priceProject(project: Project, refs: ProjectBudgetRefs): PricedBudget {
  return priceBudget(projectToSpec(project, refs.guide, refs.wages, refs.contributionSet, refs.laterContributionSets));
}
