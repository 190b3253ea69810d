import { describe, expect, it } from 'vitest';
import {
  divRound,
  formatMoney,
  formatPercent,
  fromNumber,
  mul,
  parseDecimal,
  round,
  roundToYuan,
  toFixed,
  toPlainString,
} from '../../../src/core/money/decimal';

const d = parseDecimal;
const fixed = (text: string, places = 2) => toFixed(d(text), places);

describe('money is exact decimal yuan, rounded 四舍五入 half away from zero', () => {
  it('a half fen that binary floating point gets wrong comes out right', () => {
    // 上海 work-injury rate 0.26 % on a base of 4,525.00 yuan: 4525 × 0.0026 = 11.765 exactly → 11.77.
    // In doubles 4525 * 0.0026 = 11.764999999999999, so Math.round(x*100)/100 gives 11.76 — one fen short.
    expect(Math.round(4525 * 0.0026 * 100) / 100).toBe(11.76);
    expect(toFixed(round(mul(d('4525.00'), d('0.0026')), 2))).toBe('11.77');
    // 4,546.25 × 0.4 % = 18.185 → 18.19 (doubles say 18.18)
    expect(Math.round(4546.25 * 0.004 * 100) / 100).toBe(18.18);
    expect(toFixed(round(mul(d('4546.25'), d('0.004')), 2))).toBe('18.19');
  });

  it('rounds halves away from zero, like spreadsheet ROUND, for negative amounts too', () => {
    expect(toFixed(round(d('2.345'), 2))).toBe('2.35');
    expect(toFixed(round(d('-2.345'), 2))).toBe('-2.35');
    expect(toFixed(round(d('2.3449999'), 2))).toBe('2.34');
    expect(toFixed(round(d('0.005'), 2))).toBe('0.01');
    expect(toFixed(round(d('-0.005'), 2))).toBe('-0.01');
  });

  it('rounds to the yuan where an item says so (housing fund 住房公积金)', () => {
    // 6,800.00 × 5 % = 340.00; 6,810.00 × 5 % = 340.50 → 341 yuan; 6,809.00 × 5 % = 340.45 → 340 yuan
    expect(toFixed(roundToYuan(mul(d('6810.00'), d('0.05'))))).toBe('341.00');
    expect(toFixed(roundToYuan(mul(d('6809.00'), d('0.05'))))).toBe('340.00');
  });

  it('divides exactly and rounds once', () => {
    // 100,000 yuan a year is 8,333.333… a month → 8,333.33; 2/3 → 0.6667 to four places
    expect(toFixed(divRound(d('100000.00'), d('12'), 2))).toBe('8333.33');
    expect(toFixed(divRound(d('2'), d('3'), 4), 4)).toBe('0.6667');
    expect(toFixed(divRound(d('-1'), d('8'), 2))).toBe('-0.13');
  });

  it('reads head counts and months written as JSON numbers exactly', () => {
    expect(toPlainString(fromNumber(0.5))).toBe('0.5');
    expect(toPlainString(fromNumber(0.1))).toBe('0.1');
    expect(toPlainString(fromNumber(12))).toBe('12');
  });

  it('formats for people without changing the value', () => {
    expect(formatMoney(d('1234567.8'))).toBe('1,234,567.80');
    expect(formatMoney(d('-1000'))).toBe('-1,000.00');
    expect(formatPercent(d('0.6'))).toBe('60.00%');
    expect(fixed('7')).toBe('7.00');
  });

  it('refuses text that is not a plain decimal', () => {
    for (const bad of ['1e3', '1,000', '', '.5', 'abc', '1.2.3']) expect(() => d(bad)).toThrow();
  });
});
