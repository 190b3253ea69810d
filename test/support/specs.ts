import type { BudgetSpecInput } from '../../src/core/spec/budgetSpec';

/** The example budget of docs/design.md §Budget spec: 6 社工师 at 6,500 + 300 allowance, one activity line, gross-up tax. */
export function designExample(): BudgetSpecInput {
  return {
    version: 1,
    name: '某街道家庭综合服务中心 2026 年度服务项目',
    period: { start: '2026-01', months: 12 },
    payGuide: {
      name: '示例市社工薪酬指导价 2026',
      rows: [{ post: '一线社工', grade: '社工师', step: 1, monthly: '6500.00' }],
      allowances: [{ qualification: '社工师', monthly: '300.00' }],
    },
    contributions: {
      floor: '4500.00',
      ceiling: '28000.00',
      items: [
        { name: '养老保险', rate: '0.16' },
        { name: '住房公积金', rate: '0.05', round: 'yuan' },
      ],
      levies: [{ name: '工会经费', rate: '0.02' }],
    },
    staff: [{ post: '一线社工', grade: '社工师', step: 1, qualification: '社工师', count: 6, months: 12, bonusMonths: 1 }],
    costs: [{ category: '活动费', name: '社区活动', unitPrice: '800.00', quantity: 24, times: 1 }],
    managementFee: { rate: '0.08' },
    tax: { method: 'gross-up', vat: '0.03', surcharge: '0.12' },
    rules: { minLabourShare: '0.60', maxManagementShare: '0.10' },
  };
}
