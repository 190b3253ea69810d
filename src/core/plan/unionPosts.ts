import { z } from 'zod';
import { ruleCount } from '../spec/fields';
import type { PolicyPoint, RuleOutcome } from '../staffing/policyPoint';
import { unionBranchesRule, unionEmployeesRule } from '../staffing/presets';
import { oneInRatio } from '../staffing/ratios';
import { unionQuota } from '../staffing/union';

/**
 * 工会社工岗 of an area plan: 珠海方案 item 4 推进工会岗位开发 (citing 粤工总〔2019〕34号) — “每 3000 至
 * 5000 名职工或 30 至 50 家基层工会配备 1 名” — on the counts the planner gives for the plan's area
 * (its trade unions' 职工, and its 基层工会). The text joins the two bases with “或”, so both are
 * computed and shown side by side, neither preferred (docs/design.md §Plan warnings); a count not
 * given leaves its base out. Each base: min = ⌈n / 5000⌉ (or ⌈m / 50⌉), max = ⌈n / 3000⌉ (⌈m / 30⌉),
 * chosen at the plan's 取值点.
 */
export const unionCountsSchema = z.strictObject({
  /** 职工: the employees the area's trade unions organise */
  employees: ruleCount.nullable().default(null),
  /** 基层工会: the grassroots unions */
  branches: ruleCount.nullable().default(null),
});

export type UnionCounts = z.output<typeof unionCountsSchema>;

export interface PlanUnionPosts {
  employees: number | null;
  branches: number | null;
  /** by 职工 (每 3000–5000 名 1 名); null when the count is not given */
  byEmployees: RuleOutcome | null;
  /** by 基层工会 (每 30–50 家 1 名); null when the count is not given */
  byBranches: RuleOutcome | null;
  /** the arithmetic of both bases in Chinese, ending with the line that sets them side by side when both are given */
  steps: string[];
}

/** The union posts of the counts given; null when neither is. */
export function planUnionPosts(counts: UnionCounts | null | undefined, point: PolicyPoint): PlanUnionPosts | null {
  if (!counts || (counts.employees === null && counts.branches === null)) return null;
  const { employees, branches } = counts;
  if (employees !== null && branches !== null) {
    const q = unionQuota(employees, branches, point);
    return { employees, branches, byEmployees: q.byEmployees, byBranches: q.byBranches, steps: [...q.byEmployees.steps, ...q.byBranches.steps, ...q.steps] };
  }
  const byEmployees = employees === null ? null : oneInRatio(unionEmployeesRule, employees, point);
  const byBranches = branches === null ? null : oneInRatio(unionBranchesRule, branches, point);
  return { employees, branches, byEmployees, byBranches, steps: (byEmployees ?? byBranches)!.steps };
}

/** As the plan JSON carries it: counts and the three figures of each base, with the arithmetic. */
export function unionPostsJson(u: PlanUnionPosts) {
  const base = (o: RuleOutcome | null) => (o ? { min: o.min, chosen: o.chosen, max: o.max } : null);
  return {
    employees: u.employees,
    branches: u.branches,
    byEmployees: base(u.byEmployees),
    byBranches: base(u.byBranches),
    steps: u.steps,
  };
}
