/**
 * Budget recompute speed: a typical budget (20 staff lines, 30 cost lines) ≤ 0.2 ms median;
 * a 10,000-line budget ≤ 50 ms. "Recompute" is what happens on an edit: the validated spec is turned
 * into exact decimals (budgetModelFromSpec) and computed with every check (computeBudget). Schema
 * validation (zod) of untrusted input is timed separately: the editor validates only the edited field.
 */
import { computeBudget } from '../src/core/budget/compute';
import { budgetModelFromSpec } from '../src/core/budget/fromSpec';
import { parseBudgetSpec } from '../src/core/spec/budgetSpec';
import { finish, median, report, timeMs } from './harness';
import { syntheticSpec } from './syntheticBudget';

function bench(name: string, staff: number, costs: number, runs: number, target: number | undefined, distinctPay = false) {
  const spec = parseBudgetSpec(syntheticSpec(staff, costs, { distinctPay }));
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
  const raw = syntheticSpec(staff, costs, { distinctPay });
  report(`${name}: full zod validation of the spec, median of 20`, median(Array.from({ length: 20 }, () => timeMs(() => parseBudgetSpec(raw)))), 'ms');
}

bench('typical budget (20 staff lines, 30 cost lines)', 20, 30, 2000, 0.2);
bench('10,000-line budget (10,000 staff lines, 84 distinct)', 10_000, 0, 30, 50);
// Worst case, no target: every line has its own agreed pay, so nothing is priced once for many lines.
bench('10,000 staff lines, every one with a different agreed pay', 10_000, 0, 30, undefined, true);
finish();
