import { type PolicyPoint, type RuleOutcome } from './policyPoint';
import { unionBranchesRule, unionEmployeesRule } from './presets';
import { oneInRatio } from './ratios';
import { type RuleStep, step } from './steps';
import { stepsZh } from './stepText';

/**
 * 工会: “每 3000 至 5000 名职工或 30 至 50 家基层工会配备 1 名” (珠海《关于加强社会工作专业岗位开发与
 * 人才激励保障工作方案》第4项, 粤工总〔2019〕34号). The rule has two bases joined by “或”, so a union is
 * shown both: by its employees (⌈n/5000⌉–⌈n/3000⌉) and by its grassroots unions (⌈m/50⌉–⌈m/30⌉),
 * each with its own arithmetic, and a line that sets them side by side. Neither is preferred.
 */
export interface UnionQuota {
  byEmployees: RuleOutcome;
  byBranches: RuleOutcome;
  /** the two results side by side */
  explanation: RuleStep[];
  steps: string[];
}

export function unionQuota(employees: number, branches: number, point: PolicyPoint): UnionQuota {
  const byEmployees = oneInRatio(unionEmployeesRule, employees, point);
  const byBranches = oneInRatio(unionBranchesRule, branches, point);
  const explanation = [
    step('UNION_BASES', {
      employees,
      employeesMin: byEmployees.min,
      employeesMax: byEmployees.max!,
      branches,
      branchesMin: byBranches.min,
      branchesMax: byBranches.max!,
    }),
  ];
  return { byEmployees, byBranches, explanation, steps: stepsZh(explanation) };
}
