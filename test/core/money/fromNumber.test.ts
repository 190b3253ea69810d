import { describe, expect, it } from 'vitest';
import { divRound, fromNumber, parseDecimal, toPlainString } from '../../../src/core/money/decimal';

/**
 * A JSON number becomes an exact decimal by its shortest text — also when that text has an
 * exponent. (The spec's ranges refuse such numbers first; this is what the arithmetic would see.)
 */
describe('fromNumber reads exponent forms exactly', () => {
  it.each([
    [1e-30, '0.000000000000000000000000000001'], // once toFixed(20) made this 0
    [1.5e-7, '0.00000015'],
    [-2.5e-8, '-0.000000025'],
    [1e21, '1000000000000000000000'], // once "1e+21" reached parseDecimal and failed
    [1.2345e25, '12345000000000000000000000'], // the double's shortest text, not its binary expansion
    [0.1, '0.1'],
    [12, '12'],
  ])('%s → %s', (n, text) => {
    expect(toPlainString(fromNumber(n))).toBe(text);
  });
});

describe('the arithmetic’s own refusals are in the "中文 / English" form', () => {
  it('text that is no decimal, a non-finite number, a zero divisor', () => {
    expect(() => parseDecimal('1e+21')).toThrow('不是十进制数：“1e+21” / not a decimal number');
    expect(() => parseDecimal('9'.repeat(100))).not.toThrow();
    expect(() => parseDecimal('x'.repeat(100))).toThrow(`不是十进制数：“${'x'.repeat(40)}…” / not a decimal number`);
    expect(() => fromNumber(Infinity)).toThrow('不是有限的数：Infinity / not a finite number');
    expect(() => divRound(parseDecimal('1'), parseDecimal('0'))).toThrow('除数为 0 / division by zero');
  });
});
