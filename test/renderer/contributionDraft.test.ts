import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromSet, percentToRate, rateToPercent, type ContributionDraft } from '../../renderer/pages/contributions/contributionDraft';

describe('percent ⇄ stored rate, by moving the decimal point two places (no float)', () => {
  it.each([
    ['16', '0.16'], // 养老 16 %
    ['0.5', '0.005'], // 失业 0.5 %
    ['0.26', '0.0026'], // 工伤 ≈ 0.26 %
    ['12%', '0.12'], // 公积金, typed with the sign
    ['100', '1'],
  ])('%s %% → %s', (percent, rate) => {
    expect(percentToRate(percent)).toBe(rate);
    expect(rateToPercent(rate)).toBe(percent.replace('%', ''));
  });

  it('refuses text and negative numbers', () => {
    expect([percentToRate('十六'), percentToRate('-1'), percentToRate('')]).toEqual([null, null, null]);
  });
});

const beijing2022: ContributionDraft = {
  city: '北京市',
  name: '北京市 2022 年度社保公积金参数',
  effectiveFrom: '2022-07-01',
  floor: '5869.00',
  ceiling: '31884.00',
  items: [
    { name: '养老保险', ratePercent: '16', round: 'fen' },
    { name: '医疗保险', ratePercent: '9', round: 'fen' },
    { name: '工伤保险', ratePercent: '0.4', round: 'fen' },
    { name: '住房公积金', ratePercent: '12', round: 'yuan' },
  ],
  levies: [{ name: '工会经费', ratePercent: '2' }],
  source: '北京 2022 年度社会保险缴费基数（公开资料）',
  sample: true,
};

describe('checkDraft', () => {
  it('a good draft becomes the stored set with fractional rates', () => {
    const result = checkDraft(beijing2022);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.set.items.map((i) => i.rate)).toEqual(['0.16', '0.09', '0.004', '0.12']);
    expect(result.set.levies).toEqual([{ name: '工会经费', rate: '0.02' }]);
    expect(draftFromSet(result.set)).toEqual(beijing2022); // and back, unchanged
  });

  it('puts one Chinese message on each bad field, by path', () => {
    const result = checkDraft({
      ...beijing2022,
      city: ' ',
      floor: '40000.00', // above the ceiling 31,884
      items: [
        { name: '养老保险', ratePercent: '十六', round: 'fen' },
        { name: '养老保险', ratePercent: '160', round: 'fen' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        'items[0].rate': '“十六”不是百分比数字，如 16 或 0.5',
        city: '不能为空',
        'items[1].rate': '费率须在 0 到 100 之间（百分比），最多 6 位小数',
        floor: '缴费基数下限不能高于上限',
        'items[1].name': '与第 1 项重名',
      },
    });
  });

  it('accepts 5,869 typed with a thousands separator as 5869.00', () => {
    const result = checkDraft({ ...beijing2022, floor: '5,869' });
    expect(result.ok && result.set.floor).toBe('5869.00');
  });
});

describe('exampleMonth — one person, one month, by the budget core', () => {
  it('clamps the base to the floor and rounds the fund to the yuan', async () => {
    const { exampleMonth } = await import('../../renderer/pages/contributions/example');
    const { toFixed } = await import('../../src/core/money/decimal');
    const check = checkDraft(beijing2022);
    if (!check.ok) throw new Error('draft should be valid');
    // pay 5,000 < floor 5,869 → base 5,869.00
    // 养老 5869 × 0.16 = 939.04; 医疗 × 0.09 = 528.21; 工伤 × 0.004 = 23.476 → 23.48;
    // 公积金 × 0.12 = 704.28 → 704 (to the yuan); sum 939.04 + 528.21 + 23.48 + 704.00 = 2,194.73
    // 工会经费 2 % of gross 5,000 = 100.00
    const ex = exampleMonth(check.set, '5000.00');
    expect(ex.clamp).toBe('floor');
    expect(toFixed(ex.base)).toBe('5869.00');
    expect(ex.items.map((i) => toFixed(i.amount))).toEqual(['939.04', '528.21', '23.48', '704.00']);
    expect(toFixed(ex.contributions)).toBe('2194.73');
    expect(ex.levies.map((l) => toFixed(l.amount))).toEqual(['100.00']);
  });
});
