import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetter, sheetRange, sheetRef } from '../../../src/core/excel/cells';

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
