import { type Decimal, ONE, add, divRound, fromInteger, isDecimalText, mul, parseDecimal, round, toFixed, toPlainString } from '../money/decimal';
import { ratioFromPercent } from '../money/percent';
import type { GuideVersion } from './schema';

/**
 * 整体调标: a new version of a pay guide with every fixed-yuan cell raised (or lowered) by one
 * percentage and rounded 四舍五入 to the yuan or to ten yuan, as a bureau publishes it.
 *
 *   new = round(amount × (1 + percent / 100), to 1 or 10 yuan)
 *
 * Coefficient cells are kept as they are: their pay is coefficient × the reference wage, and a
 * guide of that shape is raised by publishing the new reference wage, not by rewriting its
 * coefficients (a yuan rounding has no meaning for a coefficient). They are counted in `keptCoefficients`.
 * Allowances are raised only when asked (`allowances: true`): they are usually set by a separate policy.
 */
export type AdjustRounding = 'yuan' | 'tenYuan';

export interface AdjustOptions {
  /** e.g. "3" for +3 %, "-1.5" for −1.5 % */
  percent: string;
  rounding: AdjustRounding;
  label: string;
  effectiveFrom: string;
  documentNo?: string;
  allowances?: boolean;
}

export interface AdjustResult {
  version: GuideVersion;
  adjustedCells: number;
  keptCoefficients: number;
  adjustedAllowances: number;
}

const TEN = fromInteger(10);
export const ROUNDING_LABEL: Record<AdjustRounding, string> = { yuan: '四舍五入到元', tenYuan: '四舍五入到十元' };

/** 1 + percent/100, exact: "3" → 1.03, "-1.5" → 0.985. */
export function adjustFactor(percent: string): Decimal {
  if (!isDecimalText(percent)) throw new RangeError(`调整比例必须是数字，如 "3" 或 "-1.5"：${percent}`);
  const factor = add(ONE, ratioFromPercent(parseDecimal(percent)));
  if (factor.units <= 0n) throw new RangeError(`调整比例必须大于 -100%：${percent}`);
  return factor;
}

export function roundAmount(value: Decimal, rounding: AdjustRounding): Decimal {
  const yuan = rounding === 'yuan' ? round(value, 0) : mul(divRound(value, TEN, 0), TEN);
  return round(yuan, 2);
}

export function adjustAmount(amount: string, factor: Decimal, rounding: AdjustRounding): string {
  return toFixed(roundAmount(mul(parseDecimal(amount), factor), rounding), 2);
}

export function adjustVersion(from: GuideVersion, opts: AdjustOptions): AdjustResult {
  const factor = adjustFactor(opts.percent);
  let adjustedCells = 0;
  let keptCoefficients = 0;
  const cells = from.cells.map((c) => {
    if (c.amount === undefined) {
      keptCoefficients++;
      return { ...c };
    }
    adjustedCells++;
    return { ...c, amount: adjustAmount(c.amount, factor, opts.rounding) };
  });
  const allowances = from.allowances.map((a) => (opts.allowances ? { ...a, amount: adjustAmount(a.amount, factor, opts.rounding) } : { ...a }));
  const sign = opts.percent.trim().startsWith('-') ? '' : '+';
  const what = `由“${from.label}”整体调整 ${sign}${toPlainString(parseDecimal(opts.percent))}%（${ROUNDING_LABEL[opts.rounding]}）生成`;
  const kept = keptCoefficients ? `；${keptCoefficients} 个系数单元格保持不变（随参考工资调整）` : '';
  return {
    version: {
      ...from,
      label: opts.label,
      effectiveFrom: opts.effectiveFrom,
      effectiveTo: null,
      documentNo: opts.documentNo ?? '',
      notes: what + kept + (opts.allowances ? '；津贴同比例调整' : '；津贴未调整'),
      cells,
      allowances,
    },
    adjustedCells,
    keptCoefficients,
    adjustedAllowances: opts.allowances ? allowances.length : 0,
  };
}
