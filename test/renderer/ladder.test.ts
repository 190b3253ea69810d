import { describe, expect, it } from 'vitest';
import { cellMonthly, ladderData, wageForVersion } from '../../renderer/pages/guides/ladder';
import { toFixed } from '../../src/core/money/decimal';

const fixed = (d: ReturnType<typeof cellMonthly>) => (d === null ? null : toFixed(d, 2));

describe('cellMonthly — the monthly pay a budget will use for a cell', () => {
  it('a monthly amount is itself', () => {
    expect(fixed(cellMonthly({ amount: '6500.00' }, 'month', null))).toBe('6500.00');
  });

  it('a yearly amount is ÷ 12 rounded once to the fen: 80,700 / 12 = 6,725.00; 100,000 / 12 = 8,333.333… → 8,333.33', () => {
    expect(fixed(cellMonthly({ amount: '80700.00' }, 'year', null))).toBe('6725.00');
    expect(fixed(cellMonthly({ amount: '100000.00' }, 'year', null))).toBe('8333.33');
  });

  it('a coefficient × a yearly reference wage ÷ 12: 1.35 × 98,000 = 132,300 / 12 = 11,025.00', () => {
    const wage = { name: '上年度平均工资', amount: { units: 9800000n, scale: 2 }, per: 'year' as const };
    expect(fixed(cellMonthly({ coefficient: '1.35' }, 'month', wage))).toBe('11025.00');
  });

  it('a coefficient × a monthly wage, half away from zero: 1.005 × 7,310.50 = 7,347.0525 → 7,347.05', () => {
    const wage = { name: '月平均工资', amount: { units: 731050n, scale: 2 }, per: 'month' as const };
    expect(fixed(cellMonthly({ coefficient: '1.005' }, 'month', wage))).toBe('7347.05');
  });

  it('a coefficient without a reference wage has no monthly value yet', () => {
    expect(cellMonthly({ coefficient: '1.2' }, 'month', null)).toBeNull();
  });
});

describe('wageForVersion', () => {
  const wages = [
    { id: 1, name: '上年度平均工资', region: '', amount: '90000.00', per: 'year' as const, effectiveFrom: '2024-07-01', source: '', sample: true },
    { id: 2, name: '上年度平均工资', region: '', amount: '98000.00', per: 'year' as const, effectiveFrom: '2025-07-01', source: '', sample: true },
  ];
  it('takes the wage of the version’s name in force on its effective date', () => {
    expect(wageForVersion({ referenceWage: '上年度平均工资', effectiveFrom: '2025-01-01' }, wages)?.amount).toBe('90000.00');
    expect(wageForVersion({ referenceWage: '上年度平均工资', effectiveFrom: '2026-01-01' }, wages)?.amount).toBe('98000.00');
    expect(wageForVersion({ referenceWage: null, effectiveFrom: '2026-01-01' }, wages)).toBeNull();
  });
});

describe('ladderData', () => {
  it('orders numbered grades by level across posts, one series per post, null where a post has no cell', () => {
    const cells = [
      { post: '负责人', grade: '3级', step: 1, amount: '9000.00' },
      { post: '工作人员', grade: '1级', step: 1, amount: '5000.00' },
      { post: '工作人员', grade: '2级', step: 1, amount: '5500.00' },
      { post: '负责人', grade: '2级', step: 1, amount: '8000.00' },
    ];
    expect(ladderData(cells, 'month', null)).toEqual({
      posts: ['负责人', '工作人员'],
      order: { by: 'levelNumber', unmapped: [], mapIndex: null },
      points: [
        { label: '1级', 负责人: null, 工作人员: 5000 },
        { label: '2级', 负责人: 8000, 工作人员: 5500 },
        { label: '3级', 负责人: 9000, 工作人员: null },
      ],
    });
  });

  it('keeps unnumbered grades in grid order and labels steps when a grade has several', () => {
    const cells = [
      { post: '一线社工', grade: '初级', step: 1, amount: '60000.00' },
      { post: '一线社工', grade: '初级', step: 2, amount: '63000.00' },
      { post: '一线社工', grade: '中级', step: 1, amount: '75000.00' },
    ];
    // yearly: 60,000/12 = 5,000; 63,000/12 = 5,250; 75,000/12 = 6,250
    expect(ladderData(cells, 'year', null).points).toEqual([
      { label: '初级·1档', 一线社工: 5000 },
      { label: '初级·2档', 一线社工: 5250 },
      { label: '中级·1档', 一线社工: 6250 },
    ]);
  });
});

describe('ladderData — grades named as the Zhuhai scheme names them follow the 专技 level map', () => {
  // 珠海 map: 社会工作师一级/二级/三级 ↔ 专技 8/9/10 级, 助理社会工作师一级/二级 ↔ 11/12 级; a smaller 专技 number is the higher post
  const zhuhai = [
    { name: '社会工作师一级', level: 8, requires: '社会工作师' as const },
    { name: '社会工作师二级', level: 9, requires: '社会工作师' as const },
    { name: '社会工作师三级', level: 10, requires: '社会工作师' as const },
    { name: '助理社会工作师一级', level: 11, requires: '助理社会工作师' as const },
    { name: '助理社会工作师二级', level: 12, requires: '助理社会工作师' as const },
  ];
  // the guide lists its rows by name: 社会工作师 levels first, then 助理 levels
  const cells = ['社会工作师一级', '社会工作师二级', '社会工作师三级', '助理社会工作师一级', '助理社会工作师二级'].map((grade, i) => ({
    post: '社工',
    grade,
    step: 1,
    amount: `${9000 - 500 * i}.00`,
  }));

  it('lowest post first: 助理二级 (12) → 助理一级 (11) → 社工师三级 (10) → 二级 (9) → 一级 (8), never 助理一级 between 社工师 levels', () => {
    const d = ladderData(cells, 'month', null, [zhuhai]);
    expect(d.points.map((p) => p.label)).toEqual(['助理社会工作师二级', '助理社会工作师一级', '社会工作师三级', '社会工作师二级', '社会工作师一级']);
    // pay rises along the axis: 7,000 → 7,500 → 8,000 → 8,500 → 9,000
    expect(d.points.map((p) => p['社工'])).toEqual([7000, 7500, 8000, 8500, 9000]);
    expect(d.order).toEqual({ by: 'levelMap', unmapped: [], mapIndex: 0 });
  });

  it('without a map placing them, the guide’s own row order is kept (not 一级 before 二级 by number, not alphabetical) and the grades are named', () => {
    const d = ladderData(cells, 'month', null, []);
    expect(d.points.map((p) => p.label)).toEqual(['社会工作师一级', '社会工作师二级', '社会工作师三级', '助理社会工作师一级', '助理社会工作师二级']);
    expect(d.order.by).toBe('given');
    expect(d.order.unmapped).toHaveLength(5);
  });
});
