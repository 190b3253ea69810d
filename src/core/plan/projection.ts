import { z } from 'zod';
import type { ContributionsInput } from '../budget/model';
import { type Decimal, parseDecimal, toFixed } from '../money/decimal';
import { ratioToPercent } from '../money/percent';
import type { InlineGuide } from '../spec/budgetSpec';
import { rateText, ruleCount } from '../spec/fields';
import type { PostMix } from './postMix';
import { type TeamCost, TeamPricer, priceMixLines } from './pricing';

/**
 * 多年预测 — the team over N years (a city's 《社会工作者年度工作计划》: 40 qualified social workers
 * now, 50 more a year).
 * Year y (0 = the first year):
 *   headcount_y = min(start + addPerYear × y, cap)          recruitment target, capped at the quota
 *   cell_y      = round(cell_{y−1} × (1 + adjustment), 2)   the guide revised each year, to the fen
 *   step_y      = min(step + stepsPerYear × y, top step)    档次 moves up with service
 *   budget_y    = the team of headcount_y split by the mix, priced by the budget core
 * Certificate allowances are fixed yuan in the guides and are not adjusted.
 */
export const projectionSchema = z.strictObject({
  startYear: z.number().int().min(2000, '年份须在 2000–2100 之间').max(2100, '年份须在 2000–2100 之间'),
  years: z.number().int('须为整数').min(1, '至少 1 年 / at least 1 year').max(30, '最多 30 年 / at most 30 years'),
  adjustment: rateText.default('0'), // 指导价年调整幅度
  stepsPerYear: z.number().int().min(0).max(3).default(0), // 每年晋升档次
  start: ruleCount, // 起始人数
  addPerYear: ruleCount.default(0), // 每年新增
  cap: ruleCount.nullable().default(null), // 上限（如区域员额合计）
});

export type ProjectionInput = z.output<typeof projectionSchema>;

export interface ProjectionYear {
  year: number;
  headcount: number;
  /** monthly guide amount of each mix line that year (after adjustment and step moves) */
  monthly: { label: string; grade: string; step: number; monthly: string }[];
  cost: TeamCost;
  steps: string[];
}

export function projectTeam(p: ProjectionInput, mix: PostMix, guide: InlineGuide, contributions: ContributionsInput): ProjectionYear[] {
  const rate: Decimal = parseDecimal(p.adjustment);
  const out: ProjectionYear[] = [];
  for (let y = 0; y < p.years; y++) {
    const planned = p.start + p.addPerYear * y;
    const headcount = p.cap === null ? planned : Math.min(planned, p.cap);
    const lines = priceMixLines(mix, guide, { rate, years: y, stepShift: p.stepsPerYear * y });
    const pricer = new TeamPricer(mix, lines, contributions, guide.includes);
    const cost = pricer.cost(headcount);
    const steps = [
      `人数 = ${p.start} + ${p.addPerYear} × ${y} = ${planned}` + (headcount < planned ? `，不超过上限 ${p.cap}，取 ${headcount}` : ''),
      ...(y > 0 && p.adjustment !== '0' ? [`指导价逐年上调 ${ratioToPercent(p.adjustment)}%，第 ${y} 次调整，每次四舍五入到分`] : []),
      ...(y > 0 && p.stepsPerYear > 0 ? [`档次上移 ${p.stepsPerYear} × ${y} 档（不超过指导价最高档）`] : []),
      `岗位分配：${lines.map((l, i) => `${l.label} ${cost.counts[i]} 人`).join('，')}`,
    ];
    out.push({
      year: p.startYear + y,
      headcount,
      monthly: lines.map((l) => ({ label: l.label, grade: l.grade, step: l.step, monthly: toFixed(l.guideMonthly, 2) })),
      cost,
      steps,
    });
  }
  return out;
}
