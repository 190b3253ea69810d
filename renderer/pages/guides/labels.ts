import type { GuideVersion } from '../../../src/guides/schema';

/** Chinese wording of the guide model's enumerations, shared by the list, the forms and the grid. */
export const INCLUDES_LABEL: Record<GuideVersion['includes'], string> = {
  gross: '应发工资（不含单位缴费）',
  employerCost: '单位全部用人成本（含五险一金）',
};

export const UNIT_LABEL: Record<GuideVersion['unit'], string> = { month: '元/月', year: '元/年' };

export const ALLOWANCE_KIND_LABEL = { monthly: '按月', oneOff: '一次性' } as const;

export const PER_LABEL = { month: '元/月', year: '元/年' } as const;

export const ROUNDING_LABEL = { yuan: '取整到元', ten: '取整到十元' } as const;

export function periodText(v: Pick<GuideVersion, 'effectiveFrom' | 'effectiveTo'>): string {
  return v.effectiveTo ? `${v.effectiveFrom} 至 ${v.effectiveTo}` : `${v.effectiveFrom} 起`;
}
