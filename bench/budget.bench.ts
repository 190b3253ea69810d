/**
 * Budget recompute speed (issue 2): a typical budget (20 staff lines, 30 cost lines) ≤ 0.2 ms median;
 * a 10,000-line budget ≤ 50 ms. "Recompute" is what happens on an edit: the validated spec is turned
 * into exact decimals (budgetModelFromSpec) and computed with every check (computeBudget). Schema
 * validation (zod) of untrusted input is timed separately: the editor validates only the edited field.
 */
import { computeBudget } from '../src/budget/compute';
import { budgetModelFromSpec } from '../src/budget/fromSpec';
import { type BudgetSpecInput, parseBudgetSpec } from '../src/spec/budgetSpec';
import { finish, median, report, timeMs } from './harness';

function syntheticSpec(staffLines: number, costLines: number, distinctPay = false): BudgetSpecInput {
  const posts = ['一线社工', '督导', '项目主管', '行政'];
  const grades = ['助理社工师', '社工师', '高级社工师'];
  const rows = posts.flatMap((post, p) =>
    grades.flatMap((grade, g) => [1, 2, 3].map((step) => ({ post, grade, step, monthly: (4200 + p * 900 + g * 750 + step * 180.55).toFixed(2) }))),
  );
  return {
    version: 1,
    name: `合成预算 ${staffLines} 人员行`,
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
      ...(distinctPay ? { monthly: (5000 + i * 0.37).toFixed(2) } : {}),
    })),
    costs: Array.from({ length: costLines }, (_, i) => ({ category: ['活动费', '督导培训费', '行政办公费'][i % 3]!, name: `费用 ${i + 1}`, unitPrice: (100 + i * 37.5).toFixed(2), quantity: 1 + (i % 12), times: 1 })),
    managementFee: { rate: '0.08' },
    tax: { method: 'gross-up', vat: '0.03', surcharge: '0.12' },
    rules: { minLabourShare: '0.60', maxManagementShare: '0.10' },
  };
}

function bench(name: string, staff: number, costs: number, runs: number, target: number | undefined, distinctPay = false) {
  const spec = parseBudgetSpec(syntheticSpec(staff, costs, distinctPay));
  const model = budgetModelFromSpec(spec);
  for (let i = 0; i < Math.min(runs, 50); i++) computeBudget(budgetModelFromSpec(spec)); // warm up the JIT
  const recompute: number[] = [];
  const computeOnly: number[] = [];
  for (let i = 0; i < runs; i++) {
    recompute.push(timeMs(() => computeBudget(budgetModelFromSpec(spec))));
    computeOnly.push(timeMs(() => computeBudget(model)));
  }
  report(`${name}: recompute (decimals + arithmetic + checks), median of ${runs}`, median(recompute), 'ms', target);
  report(`${name}: arithmetic + checks on a ready model, median of ${runs}`, median(computeOnly), 'ms');
  const raw = syntheticSpec(staff, costs, distinctPay);
  report(`${name}: full zod validation of the spec, median of 20`, median(Array.from({ length: 20 }, () => timeMs(() => parseBudgetSpec(raw)))), 'ms');
}

bench('typical budget (20 staff lines, 30 cost lines)', 20, 30, 2000, 0.2);
bench('10,000-line budget (10,000 staff lines, 84 distinct)', 10_000, 0, 30, 50);
// Worst case, no target: every line has its own agreed pay, so nothing is priced once for many lines.
bench('10,000 staff lines, every one with a different agreed pay', 10_000, 0, 30, undefined, true);
finish();
