import { type FitOutcome, type FitVary, fitJson, fitTotal, parseVary } from '../../core/budget/fitTotal';
import type { BudgetSpec } from '../../core/spec/budgetSpec';
import { type Decimal, formatMoney, formatPercent, parseDecimal } from '../../core/money/decimal';
import { ValidationError, moneyText } from '../../core/spec/fields';

/**
 * `paybench budget … --fit-total AMOUNT [--vary staff[i].count]` (docs/design.md §Budget arithmetic →
 * Solving for a cap): the options read and checked, and the fit said in Chinese after the summary.
 */
export const FIT_HELP = `  --fit-total AMOUNT  倒算：按购买方上限 AMOUNT（元）求能容纳的最多人数（每 0.5 人一档），输出倒算后的预算、
                      余额（上限 − 合计）与不超上限的最高管理费率（精确到 0.01%）；JSON 另有 "fit": { … }
  --vary staff[i].count  只调整第 i 行（从 0 起）的人数；缺省时各行人数按同一比例 k 缩放`;

export type FitRequest = { ceiling: Decimal; vary: FitVary };

/** The request, null when --fit-total is absent, or the message saying what is wrong with the options. */
export function fitRequest(fitTotal: string | undefined, vary: string | undefined): FitRequest | null | string {
  if (fitTotal === undefined) return vary === undefined ? null : '--vary 须与 --fit-total 一起使用';
  const amount = moneyText.safeParse(fitTotal.trim());
  if (!amount.success) return `--fit-total: ${amount.error.issues[0]!.message}`;
  let v: FitVary = { kind: 'mix' };
  if (vary !== undefined) {
    const line = parseVary(vary);
    if (!line) return `--vary 须为 staff[i].count（i 为人员行序号，从 0 起），现为“${vary}”`;
    v = line;
  }
  return { ceiling: parseDecimal(amount.data), vary: v };
}

/** The fit of a computed spec; a ceiling nothing fits is a problem of --fit-total, a missing line of --vary. */
export function fitOf(spec: BudgetSpec, req: FitRequest): FitOutcome {
  try {
    return fitTotal(spec, req.ceiling, req.vary);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const option: Record<string, string> = { ceiling: '--fit-total', vary: '--vary' };
    throw new ValidationError(e.problems.map((p) => ({ ...p, path: option[p.path] ?? p.path })));
  }
}

export function fitSummary(f: FitOutcome): string {
  const j = fitJson(f);
  const how =
    f.vary.kind === 'line' ? `人员第 ${f.vary.line + 1} 行人数取 ${j.count} 人` : `各行人数 × k = ${j.scale}（每行向下取到 0.5 人）：${j.counts.join('、')} 人`;
  return (
    `\n倒算（上限 ${formatMoney(f.ceiling)} 元）\n` +
    `  ${how}，合计 ${formatMoney(f.budget.result.totals.total)} 元，余额 ${formatMoney(f.remainder)} 元\n` +
    `  不超上限的最高管理费率 ${formatPercent(f.maxManagementRate)}\n`
  );
}
