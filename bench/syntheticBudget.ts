/**
 * A synthetic budget for the benches: 4 posts × 3 grades × 3 steps in the guide, five contribution
 * items and 工会经费, staff lines cycling through the cells (every 7th half-time), optional notes and
 * a different agreed pay on every line for the worst case.
 */
import type { BudgetSpecInput } from '../src/core/spec/budgetSpec';

export interface SyntheticOptions {
  /** every staff line gets its own agreed monthly pay, so no two lines price alike */
  distinctPay?: boolean;
  /** a note on every 10th line (text cells in the workbook) */
  notes?: boolean;
}

export function syntheticSpec(staffLines: number, costLines: number, options: SyntheticOptions = {}): BudgetSpecInput {
  const posts = ['一线社工', '督导', '项目主管', '行政'];
  const grades = ['助理社工师', '社工师', '高级社工师'];
  const rows = posts.flatMap((post, p) =>
    grades.flatMap((grade, g) => [1, 2, 3].map((step) => ({ post, grade, step, monthly: (4200 + p * 900 + g * 750 + step * 180.55).toFixed(2) }))),
  );
  return {
    version: 1,
    name: `合成预算 ${staffLines} 人员行`,
    purchaser: '某区民政局',
    provider: '某社会工作服务中心',
    period: { start: '2026-01', months: 12 },
    payGuide: { name: '合成指导价', rows, allowances: grades.map((q, i) => ({ qualification: q, monthly: String(200 + i * 150) + '.00' })) },
    contributions: {
      floor: '4500.00',
      ceiling: '28000.00',
      items: [
        { name: '养老保险', rate: '0.16' },
        { name: '医疗保险', rate: '0.095' },
        { name: '失业保险', rate: '0.005' },
        { name: '工伤保险', rate: '0.0026' },
        { name: '住房公积金', rate: '0.07', round: 'yuan' },
      ],
      levies: [{ name: '工会经费', rate: '0.02' }],
    },
    staff: Array.from({ length: staffLines }, (_, i) => ({
      post: posts[i % 4]!,
      grade: grades[i % 3]!,
      step: (i % 3) + 1,
      qualification: grades[(i + 1) % 3]!,
      count: i % 7 === 0 ? 0.5 : 1 + (i % 3),
      months: 12,
      bonusMonths: 1,
      ...(options.distinctPay ? { monthly: (5000 + i * 0.37).toFixed(2) } : {}),
      ...(options.notes && i % 10 === 0 ? { note: `第 ${i + 1} 行备注` } : {}),
    })),
    costs: Array.from({ length: costLines }, (_, i) => ({
      category: ['活动费', '督导培训费', '行政办公费'][i % 3]!,
      name: `费用 ${i + 1}`,
      unitPrice: (100 + i * 37.5).toFixed(2),
      quantity: 1 + (i % 12),
      times: 1,
    })),
    managementFee: { rate: '0.08' },
    tax: { method: 'gross-up', vat: '0.03', surcharge: '0.12' },
    rules: { minLabourShare: '0.60', maxManagementShare: '0.10' },
  };
}
