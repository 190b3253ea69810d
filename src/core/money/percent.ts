import { type Decimal, isDecimalText, parseDecimal, toPlainString } from './decimal';

/**
 * Percent ↔ ratio. A notice prints rates in percent (养老保险 16 %, 工会经费 2 %, 管理费 8 %) while the
 * spec and the store keep ratios ("0.16"); converting is a shift of two decimal places, done on the
 * decimal digits so that 0.26 % is exactly 0.0026 and nothing is ever rounded.
 */

/** 16 → 0.16, 0.26 → 0.0026, -1.5 → -0.015. */
export function ratioFromPercent(percent: Decimal): Decimal {
  return { units: percent.units, scale: percent.scale + 2 };
}

/** 0.16 → 16, 0.0026 → 0.26, 1 → 100. */
export function percentFromRatio(ratio: Decimal): Decimal {
  return ratio.scale >= 2 ? { units: ratio.units, scale: ratio.scale - 2 } : { units: ratio.units * (ratio.scale === 1 ? 10n : 100n), scale: 0 };
}

export interface PercentTextOptions {
  /** accept a leading + or − (an adjustment of −1.5 %); a rate or a share is never signed */
  signed?: boolean;
}

/**
 * Percent text as typed ("16", "0.5", "16%", "16 ％") → ratio text ("0.16", "0.005"); null when it
 * is not a plain number (or is signed and signs were not asked for).
 */
export function percentToRatio(percent: string, options: PercentTextOptions = {}): string | null {
  const text = percent.trim().replace(/\s*[%％]$/, '');
  if (!isDecimalText(text) || (!options.signed && /^[+-]/.test(text))) return null;
  return toPlainString(ratioFromPercent(parseDecimal(text)));
}

/** Ratio text → percent text: "0.16" → "16", "0.0026" → "0.26", "1" → "100". */
export function ratioToPercent(ratio: string): string {
  return toPlainString(percentFromRatio(parseDecimal(ratio)));
}
