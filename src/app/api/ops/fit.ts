import { z } from 'zod';
import { type FitVary, fitJson, fitTotal, parseVary } from '../../../core/budget/fitTotal';
import { parseDecimal } from '../../../core/money/decimal';
import { budgetSpecSchema } from '../../../core/spec/budgetSpec';
import { moneyText } from '../../../core/spec/fields';
import { budgetOfProject, budgetOfSpec } from '../../services/budget';
import { recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/**
 * 倒算 (docs/design.md §Budget arithmetic → Solving for a cap): a stored project or a spec solved for
 * the purchaser's ceiling — by one line's count (`vary: "staff[i].count"`) or, without `vary`, by
 * the whole mix — answered with the fitted budget and the fit (remainder, highest management fee rate).
 */
const vary = z
  .string()
  .refine((v) => parseVary(v) !== null, { message: 'vary 须为 "staff[i].count"（i 为人员行序号，从 0 起）/ vary must be "staff[i].count"' })
  .optional();
const fitFields = { ceiling: moneyText, vary };

export const fitOps = {
  'budget.fitTotal': storeOperation({
    title: '按上限倒算预算',
    input: z.union([z.strictObject({ projectId: id, ...fitFields }), z.strictObject({ spec: budgetSpecSchema, ...fitFields })], {
      error: '须给出 projectId（已保存的项目）或 spec（预算文件），以及上限 ceiling / give projectId or spec, and ceiling',
    }),
    run(ctx, input) {
      const budget = 'projectId' in input ? budgetOfProject(ctx.store, input.projectId) : budgetOfSpec(input.spec, () => ctx.store);
      const how: FitVary = input.vary === undefined ? { kind: 'mix' } : parseVary(input.vary)!;
      const fit = fitTotal(budget.spec, parseDecimal(input.ceiling), how);
      return { budget: fit.budget.json, fit: fitJson(fit) };
    },
  }),
};
