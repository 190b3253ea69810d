import { ratioToPercent } from '../money/percent';
import { type CommunityRows, type PlanWarning, type PlanWarningData, type PlanWarningTexts, planWarningSentence } from './warnings';

/**
 * The plan warnings in Chinese, as the CLI prints them, the plan JSON carries them (`message`) and the
 * plan workbook's 规划汇总 lists them; the UI's Chinese is the same table.
 */
const pct = (fraction: string) => `${ratioToPercent(fraction)}%`;
/** 第 3、5 行（甲社区、乙社区）等 12 个社区 */
const rows = (r: CommunityRows) =>
  `${r.count} 个社区（第 ${r.rows.join('、')} 行${r.count > r.rows.length ? ' 等' : ''}：${r.names.join('、')}${r.count > r.names.length ? '……' : ''}）`;

export const PLAN_WARNING_TEXT_ZH: PlanWarningTexts = {
  RULE_URBAN_ONLY: (p) => `规则“${p.rule}”适用于城市社区，名单中有 ${rows(p)}标为农村，其员额仅供参考。`,
  RULE_RURAL_ONLY: (p) => `规则“${p.rule}”适用于农村社区，名单中有 ${rows(p)}标为城市，其员额仅供参考。`,
  OUT_OF_RULE_RANGE: (p) => `规则“${p.rule}”适用于 ${p.fromHouseholds}–${p.toHouseholds} 户，${rows(p)}的户数在此范围之外，按档起点或终点配备，请核实。`,
  DISTRICT_CAP: (p) => `${p.district}：员额取值合计 ${p.chosen} 人，总量控制 ${p.cap} 人${p.label ? `（${p.label}）` : ''}，尚余 ${p.remaining} 人。`,
  DISTRICT_CAP_EXCEEDED: (p) => `${p.district}：员额取值合计 ${p.chosen} 人，超过总量控制 ${p.cap} 人${p.label ? `（${p.label}）` : ''}，超出 ${p.over} 人。`,
  MINIMUM_POSTS_NOT_MET: (p) => `${rows(p)}的员额少于 ${p.minPosts} 人，容不下${p.kind}岗（至少 ${p.minPosts} 个）。`,
  MIX_LACKS_MINIMUM_POSTS: (p) => `岗位结构“${p.mix}”没有每社区至少 ${p.minPosts} 人的“${p.kind}”固定行（书记、副书记不计入），请加上。`,
  MIX_PAY_DIFFERS: (p) =>
    `规则“${p.rule}”的薪酬含绩效奖金 ${pct(p.performanceShare)}，岗位结构“${p.mix}”按${p.mixPerformanceShare === null ? '不含绩效' : `绩效 ${pct(p.mixPerformanceShare)}`}计价，人员经费与规则不符。`,
};

export function planWarningMessageZh(w: Pick<PlanWarning, 'code' | 'params'>): string {
  return planWarningSentence(PLAN_WARNING_TEXT_ZH, w);
}

/** A warning with its Chinese message. */
export function planWarning(level: PlanWarning['level'], w: PlanWarningData): PlanWarning {
  return { level, ...w, message: planWarningMessageZh(w) } as PlanWarning;
}
