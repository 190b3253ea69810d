import { describe, expect, it } from 'vitest';
import { chineseNumber, halfWidth, parseAmount, parseCoefficient, parseDate, parseStep, printedDecimal } from '../../../src/core/spec/printedNumbers';

/**
 * One reading of numbers as Chinese documents and spreadsheets print them. It replaced two copies —
 * the guide importer's and the paste grid's — that disagreed: the paste grid read every full-width
 * form and 6,500.00 元/月 but neither 十二档 nor 档次2; the importer read those but only some
 * full-width characters and a bare 元. Each old copy's inputs are below and still read the same.
 */
describe('halfWidth — what an IME types', () => {
  it('turns every full-width form into ASCII: digits, separators, percent, letters; the ideographic space into a space', () => {
    expect(halfWidth('６，５００．００')).toBe('6,500.00');
    expect(halfWidth('１６％')).toBe('16%');
    expect(halfWidth('Ａ级　２档')).toBe('A级 2档');
    expect(halfWidth('２０２６／１／１')).toBe('2026/1/1');
  });
});

describe('printedDecimal — a printed number as exact decimal text', () => {
  it.each([
    // the paste grid's examples
    ['1,234.00', '1234.00'], // thousands separator from the #,##0.00 format
    ['１２３４．５', '1234.5'], // full-width digits and point
    ['6500元', '6500'],
    ['6,500.00 元/月', '6500.00'],
    ['￥6,500', '6500'],
    [' 0.85 ', '0.85'],
    // the importer's examples
    ['6,500', '6500'],
    ['¥7,200.5元', '7200.5'],
    ['５，２００．００', '5200.00'],
    // what only one of them read before
    ['６５００元／月', '6500'], // full-width slash after 元
    ['¥ 7,200.50 元/年', '7200.50'],
    ['3,000元/人月', '3000'],
  ])('%j → %s', (raw, plain) => expect(printedDecimal(raw)).toBe(plain));

  it.each(['6.500,00', '12,34', '1,23,4', '-100', '+100', '1e3', '六千', '', '6500美元', 'abc'])('refuses %j', (raw) => {
    expect(printedDecimal(raw)).toBeNull();
  });

  it('reads a minus only when asked, so that a caller can say "negative" instead of "not a number"', () => {
    expect(printedDecimal('-6,500', { negative: true })).toBe('-6500');
    expect(printedDecimal('－５', { negative: true })).toBe('-5');
    expect(printedDecimal('+5', { negative: true })).toBeNull();
  });
});

describe('parseAmount and parseCoefficient — a guide cell, spreadsheet number or printed text', () => {
  it('amounts to the fen: 6,500 → 6500.00; ¥7,200.5元 → 7200.50; 6,500.00 元/月 → 6500.00', () => {
    expect(parseAmount('6,500', '6,500')).toEqual({ ok: true, value: '6500.00' });
    expect(parseAmount('¥7,200.5元', '')).toEqual({ ok: true, value: '7200.50' });
    expect(parseAmount('6,500.00 元/月', '6,500.00 元/月')).toEqual({ ok: true, value: '6500.00' });
    expect(parseAmount(9000.5, '9000.5')).toEqual({ ok: true, value: '9000.50' });
  });
  it('names what is wrong: not a number, negative (typed or stored), more than two places', () => {
    expect(parseAmount('1,23,4', '1,23,4')).toEqual({ ok: false, message: '金额“1,23,4”不是数字' });
    expect(parseAmount(-5, '-5')).toEqual({ ok: false, message: '金额“-5”不能为负数' });
    expect(parseAmount('－５', '－５')).toEqual({ ok: false, message: '金额“－５”不能为负数' });
    expect(parseAmount('6500.123', '6500.123')).toEqual({ ok: false, message: '金额“6500.123”最多两位小数（到分）' });
  });
  it('coefficients keep their places, at least two: 0.7 → 0.70, 1.3333 → 1.3333', () => {
    expect(parseCoefficient(0.7, '0.7')).toEqual({ ok: true, value: '0.70' });
    expect(parseCoefficient('１．３３３３', '')).toEqual({ ok: true, value: '1.3333' });
    expect(parseCoefficient('1.123456789', '1.123456789')).toEqual({ ok: false, message: '系数“1.123456789”最多八位小数' });
  });

  it('within the schema’s ranges (src/core/spec/fields.ts LIMITS): up to 100 亿 yuan, coefficients up to 100', () => {
    expect(parseAmount('10,000,000,000.00', '')).toEqual({ ok: true, value: '10000000000.00' });
    expect(parseAmount('12345678901234567890', '12345678901234567890')).toEqual({ ok: false, message: '金额“12345678901234567890”超过 100 亿元' });
    expect(parseAmount('9'.repeat(400), '9…9')).toEqual({ ok: false, message: '金额“9…9”超过 100 亿元' });
    expect(parseCoefficient(150, '150')).toEqual({ ok: false, message: '系数“150”超过 100' });
  });
});

describe('chineseNumber', () => {
  it('一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十二 → 22', () => {
    expect(['一', '十', '十二', '二十', '二十二'].map(chineseNumber)).toEqual([1, 10, 12, 20, 22]);
  });
  it('refuses what is not a numeral written that way', () => {
    expect(['三三', '百', '', '2'].map((t) => chineseNumber(t))).toEqual([null, null, null, null]);
  });
});

describe('parseStep — 档次', () => {
  it("reads the paste grid's forms: 1, １, 1档, 第2档, 三档", () => {
    expect(['1', '１', '1档', '第2档', '三档'].map((s) => parseStep(s))).toEqual([1, 1, 1, 2, 3]);
  });
  it("reads the importer's forms: 第二档, 十二档, the number 3, 二十", () => {
    expect([parseStep('第二档'), parseStep('十二档'), parseStep(3), parseStep('二十')]).toEqual([2, 12, 3, 20]);
  });
  it('and the labels a header prints: 档次2, 薪档3, 第 2 档, 三级', () => {
    expect(['档次2', '薪档3', '第 2 档', '三级', '第十二档'].map((s) => parseStep(s))).toEqual([2, 3, 2, 3, 12]);
  });
  it('refuses 0, 1.5, words and what is not text or a number', () => {
    expect(['0', '1.5', '高', '', '第档'].map((s) => parseStep(s))).toEqual([null, null, null, null, null]);
    expect([parseStep(0), parseStep(1.5), parseStep(null)]).toEqual([null, null, null]);
  });
});

describe('parseDate', () => {
  it('2026-01-01, 2026/1/1, 2026.1.1, 2026年1月1日 and its full-width form all mean 2026-01-01', () => {
    expect(['2026-01-01', '2026/1/1', '2026.1.1', '2026年1月1日', '２０２６年１月１日'].map(parseDate)).toEqual(Array(5).fill('2026-01-01'));
    expect(parseDate(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01');
  });
  it('refuses a day that does not exist', () => {
    expect(parseDate('2026-02-30')).toBeNull();
  });
});
