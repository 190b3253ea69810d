import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money/decimal';
import { rmbCapitals } from '../../../src/core/excel/chineseCapitals';

const cap = (s: string) => rmbCapitals(parseDecimal(s));

describe('人民币大写 (《支付结算办法》 rules)', () => {
  it('a full amount reads every place: 123,456.78 → 壹拾贰万叁仟肆佰伍拾陆元柒角捌分', () => {
    expect(cap('123456.78')).toBe('壹拾贰万叁仟肆佰伍拾陆元柒角捌分');
  });
  it('an amount that stops at 元 ends in 整; one that stops at 角 ends in 整 after 角', () => {
    expect(cap('740212.00')).toBe('柒拾肆万零贰佰壹拾贰元整');
    expect(cap('1200.50')).toBe('壹仟贰佰元伍角整');
  });
  it('角 zero with 分 not zero reads 元零…分; under one yuan has no 元', () => {
    expect(cap('1000.08')).toBe('壹仟元零捌分');
    expect(cap('0.78')).toBe('柒角捌分');
    expect(cap('0.05')).toBe('伍分');
  });
  it('zeros inside are read once, trailing zeros of a section are silent', () => {
    expect(cap('10005')).toBe('壹万零伍元整'); // 1|0005
    expect(cap('100500')).toBe('壹拾万零伍佰元整'); // 10|0500
    expect(cap('1010')).toBe('壹仟零壹拾元整');
    expect(cap('1000000')).toBe('壹佰万元整');
    expect(cap('100010000')).toBe('壹亿零壹万元整'); // 1|0001|0000
    expect(cap('120000000.01')).toBe('壹亿贰仟万元零壹分');
  });
  it('zero and negatives', () => {
    expect(cap('0')).toBe('零元整');
    expect(cap('-24146.74')).toBe('负贰万肆仟壹佰肆拾陆元柒角肆分');
  });
  it('rounds to the fen first (四舍五入): 0.995 → 壹元整', () => {
    expect(cap('0.995')).toBe('壹元整');
  });
});
