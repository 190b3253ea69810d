import { describe, expect, it } from 'vitest';
import { adjustVersion, adjustAmount, adjustFactor } from '../../../src/core/guides/adjust';
import { guideVersionSchema } from '../../../src/core/guides/schema';

const version = guideVersionSchema.parse({
  label: '2025 版',
  effectiveFrom: '2025-01-01',
  documentNo: '示例〔2025〕1号',
  referenceWage: '上年度平均工资',
  cells: [
    { post: '一线社工', grade: '中级', step: 2, amount: '6550.00' },
    { post: '一线社工', grade: '员级', step: 1, amount: '4200.00' },
    { post: '一般工作人员', grade: '1级', step: 1, coefficient: '0.50' },
  ],
  allowances: [{ qualification: '社工师', amount: '300.00' }],
});

describe('adjusting a whole version by a percentage (整体调标)', () => {
  it('rounds 四舍五入 to the yuan: 6,550.00 × 1.03 = 6,746.50 → 6,747.00 (half away from zero)', () => {
    const r = adjustVersion(version, { percent: '3', rounding: 'yuan', label: '2026 版', effectiveFrom: '2026-01-01' });
    expect(r.version.cells[0]!.amount).toBe('6747.00');
    // 4,200.00 × 1.03 = 4,326.00 exactly
    expect(r.version.cells[1]!.amount).toBe('4326.00');
  });

  it('rounds 四舍五入 to ten yuan: 6,746.50 → 6,750.00; 4,326.00 → 4,330.00', () => {
    const r = adjustVersion(version, { percent: '3', rounding: 'tenYuan', label: '2026 版', effectiveFrom: '2026-01-01' });
    expect(r.version.cells.slice(0, 2).map((c) => c.amount)).toEqual(['6750.00', '4330.00']);
    // exactly half of ten: 4,125.00 × 1.00 = 4,125 → 4,130 (half away from zero)
    expect(adjustAmount('4125.00', adjustFactor('0'), 'tenYuan')).toBe('4130.00');
  });

  it('gets the half-yuan right where binary floating point does not: 1,300.00 × 1.025 = 1,332.50 → 1,333.00', () => {
    expect(Math.round(1300 * 1.025)).toBe(1332); // 1332.4999999999998 in doubles
    expect(adjustAmount('1300.00', adjustFactor('2.5'), 'yuan')).toBe('1333.00');
  });

  it('lowers by a negative percentage: 5,250.00 × (1 − 1.5 %) = 5,171.25 → 5,171.00, or 5,170.00 to ten yuan', () => {
    expect(adjustAmount('5250.00', adjustFactor('-1.5'), 'yuan')).toBe('5171.00');
    expect(adjustAmount('5250.00', adjustFactor('-1.5'), 'tenYuan')).toBe('5170.00');
  });

  it('keeps coefficient cells (they follow the reference wage) and allowances unless asked, and says so in the notes', () => {
    const r = adjustVersion(version, { percent: '3', rounding: 'yuan', label: '2026 版', effectiveFrom: '2026-01-01' });
    expect(r.version.cells[2]).toEqual({ post: '一般工作人员', grade: '1级', step: 1, coefficient: '0.50' });
    expect(r.version.allowances[0]!.amount).toBe('300.00');
    expect(r).toMatchObject({ adjustedCells: 2, keptCoefficients: 1, adjustedAllowances: 0 });
    expect(r.version.notes).toBe('由“2025 版”整体调整 +3%（四舍五入到元）生成；1 个系数单元格保持不变（随参考工资调整）；津贴未调整');
    // the new version is its own: new label and date, open-ended, no document number carried over
    expect(r.version).toMatchObject({ label: '2026 版', effectiveFrom: '2026-01-01', effectiveTo: null, documentNo: '', referenceWage: '上年度平均工资' });
    // 300.00 × 1.03 = 309.00 when allowances are included
    const withAllowances = adjustVersion(version, { percent: '3', rounding: 'yuan', label: 'x', effectiveFrom: '2026-01-01', allowances: true });
    expect(withAllowances.version.allowances[0]!.amount).toBe('309.00');
  });

  it('refuses −100 % or less and text that is not a number', () => {
    expect(() => adjustFactor('-100')).toThrow(/大于 -100%/);
    expect(() => adjustFactor('三')).toThrow(/必须是数字/);
  });
});
