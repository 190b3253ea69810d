import { computeBudget } from '../../src/core/budget/compute';
import { budgetModelFromSpec } from '../../src/core/budget/fromSpec';
import { type BudgetJson, budgetToJson } from '../../src/core/budget/resultJson';
import { parseDecimal } from '../../src/core/money/decimal';
import { communityPlanAt, runAreaPlan } from '../../src/core/plan/areaPlan';
import type { Community } from '../../src/core/plan/community';
import { type RuleParameter, ruleParameterLines, ruleParameters } from '../../src/core/plan/ruleText';
import { jilinRuleSet } from '../../src/core/staffing/jilin';
import { type PolicyPoint, choosePosts } from '../../src/core/staffing/policyPoint';
import { certificateRule, ngoShareRule, population18RuleSet, unionBranchesRule, unionEmployeesRule } from '../../src/core/staffing/presets';
import { pudongRuleSet } from '../../src/core/staffing/pudong';
import { oneInRatio } from '../../src/core/staffing/ratios';
import { type CommunityRuleSet, parseRuleSet } from '../../src/core/staffing/ruleSets';
import { certificateRequirement, socialWorkShare } from '../../src/core/staffing/shares';
import { unionQuota } from '../../src/core/staffing/union';
import { type RuleStep, step } from '../../src/core/staffing/steps';
import { type BudgetSpecInput, parseBudgetSpec } from '../../src/core/spec/budgetSpec';
import { designExample } from './specs';

/**
 * Real budgets and plans that between them raise every check code and take every kind of staffing
 * step, with the Chinese text the core gave each — for proving that a text table reproduces them.
 */

// ---- budgets -------------------------------------------------------------------------------------

function budget(change: (spec: BudgetSpecInput) => void): BudgetJson {
  const spec = designExample();
  change(spec);
  // through JSON, as the renderer and the CLI receive it
  return JSON.parse(JSON.stringify(budgetToJson(computeBudget(budgetModelFromSpec(parseBudgetSpec(spec)))))) as BudgetJson;
}

export function budgetsWithEveryCheck(): BudgetJson[] {
  return [
    // fee 15 %: labour share 81.68 % < 90 %, fee 12.62 % > 10 %
    budget((s) => {
      s.managementFee = { rate: '0.15' };
      s.rules = { minLabourShare: '0.90', maxManagementShare: '0.10' };
    }),
    budget((s) => {
      s.rules = { posts: { min: 10, max: 15, label: '吉林社工岗' } };
    }),
    budget((s) => {
      s.rules = { posts: { min: 1, max: 5.5 } };
    }),
    budget((s) => {
      (s.payGuide as { includes?: string }).includes = 'employerCost';
    }),
    // 6,800 × 13 ÷ 12 = 7,366.67 a month on average, below a reference of 8,000.00
    budget((s) => {
      s.rules = { payReference: { name: '上年度事业单位管理岗位人员平均工资', monthly: '8000.00' } };
    }),
    // 6 social-work posts and 3 非社工岗: 6 of 9 is 66.67 % < 70 %, ⌈0.7 × 9⌉ = 7 needed
    budget((s) => {
      s.rules = { minSocialWorkPostShare: '0.70' };
      s.staff!.push({ post: '财务', grade: '会计', count: 3, months: 12, monthly: '5000.00', nonSocialWork: true });
    }),
    budget((s) => {
      s.staff = [
        // agreed 6,000 below the guide's 6,800
        { post: '一线社工', grade: '社工师', step: 1, qualification: '社工师', count: 1, months: 12, monthly: '6000.00' },
        // no guide cell, and 3,000 below the base floor 4,500
        { post: '督导', grade: '高级', step: 2, count: 1, months: 12, monthly: '3000.00' },
        // above the base ceiling 28,000
        { post: '一线社工', grade: '社工师', step: 1, count: 1, months: 12, monthly: '30000.00' },
      ];
    }),
  ];
}

// ---- staffing --------------------------------------------------------------------------------------

export interface StepCase {
  step: RuleStep;
  /** the core's Chinese for it */
  zh: string;
}

const community = (households: number, extra: Partial<Community> = {}): Community => ({
  row: 1,
  name: '甲社区',
  district: '东区',
  street: '一街道',
  households,
  residents: households * 2,
  elderlyShare: null,
  urbanRural: 'urban',
  currentStaff: 0,
  certifiedStaff: 0,
  ...extra,
});

const COMMUNITIES: Community[] = [
  community(300, { currentStaff: 5, certifiedStaff: 5 }),
  community(1250, { elderlyShare: '0.35', currentStaff: 12, certifiedStaff: 3 }),
  community(1250, { elderlyShare: '0.20', urbanRural: 'rural', currentStaff: 1, certifiedStaff: 0 }),
  community(2600, { currentStaff: 9, certifiedStaff: 9 }),
  community(4100, { currentStaff: 10, certifiedStaff: 8 }),
  community(60, { residents: 60 }),
];

/** 按人口 with a range of rates and a minimum a small community cannot hold */
const denseRange: CommunityRuleSet = parseRuleSet({
  key: 'dense-range',
  name: '按常住人口 12–18 名',
  versions: [
    {
      label: '示例',
      effectiveFrom: '2020-01-01',
      quota: { family: 'density', basis: '常住人口', per: 10000, postsMin: 12, postsMax: 18, rounding: 'down' },
      minimumPosts: [{ family: 'minimumPosts', kind: '专职党建', minPosts: 3 }],
      certificate: { family: 'certificateRate', urban: '0.95', rural: '0.8' },
    },
  ],
});

export const RULE_SETS: readonly CommunityRuleSet[] = [jilinRuleSet, pudongRuleSet, population18RuleSet, denseRange];
const POINTS: readonly PolicyPoint[] = ['min', 'mid', 'max', '0.25'];

export function stepsOfEveryKind(): StepCase[] {
  const cases: StepCase[] = [];
  const add = (explanation: readonly RuleStep[], steps: readonly string[]) => explanation.forEach((s, i) => cases.push({ step: s, zh: steps[i]! }));
  for (const set of RULE_SETS) {
    const version = set.versions[0]!;
    for (const point of POINTS) {
      const plan = runAreaPlan(COMMUNITIES, { ruleSet: set, version, point, explain: true });
      plan.communities.forEach((c, i) => {
        const q = communityPlanAt(plan, i).quota;
        add(q.explanation, q.steps);
        const shortfall = plan.minimumNotMet.get(i);
        if (shortfall) {
          const m = version.minimumPosts[0]!;
          cases.push({ step: step('MINIMUM_NOT_MET', { kind: m.kind, minPosts: m.minPosts, quota: q.chosen }), zh: shortfall });
        }
      });
    }
  }
  for (const point of POINTS) {
    for (const [rule, n] of [
      [unionEmployeesRule, 12000],
      [unionBranchesRule, 95],
    ] as const) {
      const r = oneInRatio(rule, n, point);
      add(r.explanation, r.steps);
    }
    const r = socialWorkShare(ngoShareRule, parseDecimal(ngoShareRule.minShare), 7, point);
    add(r.explanation, r.steps);
    const union = unionQuota(12000, 95, point);
    add(union.explanation, union.steps);
  }
  for (const [area, staff, certified] of [
    ['rural', 11, 6],
    ['urban', 1, 1],
  ] as const) {
    const r = certificateRequirement(certificateRule, area, staff, certified, parseDecimal(area === 'urban' ? certificateRule.urban : certificateRule.rural));
    add(r.explanation, r.steps);
  }
  // a rule without an upper bound chooses its minimum (no shipped rule takes this path through a plan)
  const unbounded = choosePosts(2, null, 'max');
  cases.push({ step: unbounded.step!, zh: '取值 = 下限 2（无上限）' });
  return cases;
}

export interface ParameterCase {
  parameter: RuleParameter;
  zh: [string, string];
}

export function parametersOfEveryRule(): ParameterCase[] {
  return RULE_SETS.flatMap((set) => {
    const v = set.versions[0]!;
    const lines = ruleParameterLines(v);
    return ruleParameters(v).map((parameter, i) => ({ parameter, zh: lines[i]! }));
  });
}
