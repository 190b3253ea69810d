import { describe, expect, it } from 'vitest';
import { parseDecimal, toPlainString } from '../../../src/core/money/decimal';
import { percentFromRatio, percentToRatio, ratioFromPercent, ratioToPercent } from '../../../src/core/money/percent';

/**
 * Percent ↔ ratio, the one copy that the contribution form, the budget editor, the post-mix editor,
 * the community import and 整体调标 share: a shift of two decimal places, never a division.
 */
describe('percentToRatio — as a notice prints a rate', () => {
  it.each([
    ['16', '0.16'], // 养老保险
    ['0.5', '0.005'], // 工伤保险
    ['0.26', '0.0026'], // exact, no float: 0.26 / 100 in binary is 0.0026000000000000003
    ['100', '1'],
    ['16%', '0.16'],
    ['16 ％', '0.16'],
    [' 8 ', '0.08'],
  ])('%j → %s', (percent, ratio) => expect(percentToRatio(percent)).toBe(ratio));

  it('refuses what is not a plain number, and a sign unless signs are asked for', () => {
    expect(['十六', '', '%', '-1', '+1', '1e2', '16%%'].map((p) => percentToRatio(p))).toEqual(Array(7).fill(null));
    expect(percentToRatio('-1.5', { signed: true })).toBe('-0.015');
    expect(percentToRatio('+5', { signed: true })).toBe('0.05');
  });
});

describe('ratioToPercent', () => {
  it.each([
    ['0.16', '16'],
    ['0.0026', '0.26'],
    ['0.08', '8'],
    ['0.5', '50'],
    ['1', '100'],
    ['0.160', '16'],
    ['0', '0'],
  ])('%s → %s', (ratio, percent) => expect(ratioToPercent(ratio)).toBe(percent));

  it('round-trips every rate the forms show', () => {
    for (const ratio of ['0.16', '0.095', '0.0026', '0.005', '0.02', '1']) expect(percentToRatio(ratioToPercent(ratio))).toBe(ratio);
  });
});

describe('on decimals', () => {
  it('3 % → 0.03 and −1.5 % → −0.015 (the 整体调标 factor is 1 + that); 0.0026 → 0.26 %', () => {
    expect(toPlainString(ratioFromPercent(parseDecimal('3')))).toBe('0.03');
    expect(toPlainString(ratioFromPercent(parseDecimal('-1.5')))).toBe('-0.015');
    expect(toPlainString(percentFromRatio(parseDecimal('0.0026')))).toBe('0.26');
    expect(toPlainString(percentFromRatio(parseDecimal('0.5')))).toBe('50');
  });
});
