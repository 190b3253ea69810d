import { describe, expect, it } from 'vitest';
import { ColumnWidths, MONEY_FORMAT, RATE_FORMAT, cellAddress, columnLetter, sheetRange, sheetRef, shownNumber } from '../../../src/core/excel/cells';
import { parseDecimal } from '../../../src/core/money/decimal';

/** The one column-letter rule every writer and reader uses (the raw row writer, the guide and community readers). */
describe('columnLetter', () => {
  it('1 → A, 26 → Z, 27 → AA, 52 → AZ, 702 → ZZ, 703 → AAA, 16384 → XFD (the last column)', () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map((n) => columnLetter(n))).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
  });
  it('addresses and references on a Chinese sheet name, quoted', () => {
    expect(cellAddress(2, 7)).toBe('B7');
    expect(sheetRef('参数', 2, 5)).toBe("'参数'!$B$5");
    expect(sheetRef("O'Brien", 1, 1)).toBe("'O''Brien'!$A$1");
    expect(sheetRange('社区测算', 5, 3, 12)).toBe("'社区测算'!E3:E12");
  });
});

/** Column widths come from what a cell shows, so nothing prints as "###". */
describe('shownNumber: a number as the workbook formats print it', () => {
  it('money with thousands separators and two places; rates as percentages with two to four places; counts as they are', () => {
    expect(shownNumber(740212.66, MONEY_FORMAT)).toBe('740,212.66');
    expect(shownNumber(-24146.7, MONEY_FORMAT)).toBe('-24,146.70');
    expect(shownNumber(4500108.12, MONEY_FORMAT)).toBe('4,500,108.12');
    expect([0.16, 0.0026, 0.12345].map((r) => shownNumber(r, RATE_FORMAT))).toEqual(['16.00%', '0.26%', '12.345%']);
    expect([12, 0.5, 0.33].map((n) => shownNumber(n))).toEqual(['12', '0.5', '0.33']);
    expect(shownNumber(10100, '#,##0')).toBe('10,100');
  });
});

describe('ColumnWidths', () => {
  it('a money column fits its widest amount, 1,696,173.60 (12 characters) → 13, even above the text bound', () => {
    const fit = new ColumnWidths([null, MONEY_FORMAT]).header(['岗位', '人员经费\n（元）']);
    fit.row(['一般工作人员', parseDecimal('189906.96')]).row(['合计', parseDecimal('1696173.60')]);
    // 一般工作人员: 6 CJK characters count 12, plus 2 for the margins; the header's longest line, （元）, is 6
    expect(fit.widths({ max: 10 })).toEqual([10, 13]);
    expect(fit.widths({ max: 20 })).toEqual([14, 13]);
  });

  it('a formula is measured by its cached result, a negative amount with its sign', () => {
    const fit = new ColumnWidths([MONEY_FORMAT]).cell(1, { result: 1000 }).cell(1, parseDecimal('-99999.99'));
    expect(fit.widths({ min: 4 })).toEqual(['-99,999.99'.length + 1]);
  });
});
