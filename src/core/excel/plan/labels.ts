import { fromInteger, mul, parseDecimal, toPlainString } from '../../money/decimal';
import type { AreaPlan } from '../../plan/areaPlan';
import { POINT_LABEL, type PolicyPoint } from '../../staffing/policyPoint';

/**
 * The plan's settings as a reader of the workbook says them, never as the program keys them:
 * 取值点 in the words of the 区域规划 page's selector (下限 / 中值 / 上限) or as a percentage of the
 * way from the minimum to the maximum (docs/design.md §Rules and their policy sources: chosen = min + round(point × (max − min))).
 */
export function pointText(point: PolicyPoint): string {
  if (point === 'min' || point === 'max') return POINT_LABEL[point];
  if (point === 'mid') return `${POINT_LABEL.mid}（下限与上限之间的 50%）`;
  return `下限与上限之间的 ${toPlainString(mul(parseDecimal(point), fromInteger(100)))}%`;
}

/** 吉林省城市社区“社工岗”配备（2020 版，2020-01-01 起）（含示例参数） */
export function ruleText(rule: AreaPlan['rule']): string {
  return `${rule.name}（${rule.version}，${rule.effectiveFrom} 起）${rule.sample ? '（含示例参数）' : ''}`;
}
