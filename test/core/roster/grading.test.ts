import { describe, expect, it } from 'vitest';
import { type GradingRules, gradeYears } from '../../../src/core/roster/grading';
import { ZHUHAI_LEVEL_MAP, certificateShortfall, ladderOrder, levelMapInForce, moveDirection } from '../../../src/core/roster/levelMap';

describe('the 专技 level map orders grades by the professional scale, not by their names', () => {
  const v = levelMapInForce(ZHUHAI_LEVEL_MAP, '2026-01-01')!;
  it('a ladder runs 助理二级 (12) → 助理一级 (11) → 社工师三级 (10) → 二级 (9) → 一级 (8)', () => {
    expect(ladderOrder(v, ['社会工作师一级', '助理社会工作师一级', '社会工作师三级', '助理社会工作师二级', '社会工作师二级'])).toEqual([
      '助理社会工作师二级',
      '助理社会工作师一级',
      '社会工作师三级',
      '社会工作师二级',
      '社会工作师一级',
    ]);
  });
  it('10级 → 11级 is a step down; 11级 → 10级 a promotion', () => {
    expect(moveDirection(v, '社会工作师三级', '助理社会工作师一级')).toBe(-1);
    expect(moveDirection(v, '助理社会工作师一级', '社会工作师三级')).toBe(1);
  });
  it('a 社会工作师 grade held with only the 助理 certificate is flagged; the certificate above suffices', () => {
    expect(certificateShortfall(v, '社会工作师三级', '助理社会工作师')).toBe('社会工作师三级（专技 10 级）须持社会工作师证书，现为助理社会工作师');
    expect(certificateShortfall(v, '助理社会工作师一级', '高级社会工作师')).toBeNull();
    expect(levelMapInForce(ZHUHAI_LEVEL_MAP, '2018-12-31')).toBeNull();
  });
});

// 三岗十八级 bands as in the sample guide: 正职 7–18, 副职 4–15, 一般工作人员 1–12; a level every 3 years
const rules: GradingRules = {
  bands: [
    { postType: '正职', from: 7, to: 18 },
    { postType: '副职', from: 4, to: 15 },
    { postType: '一般工作人员', from: 1, to: 12 },
  ],
  yearsPerLevel: 3,
  excellent: '优秀',
};

describe('三岗十八级 year by year, with the reason for every change', () => {
  it('two consecutive 优秀 (2024, 2025) → one level early in 2026; years in post give a level every 3 years', () => {
    const years = gradeYears(rules, {
      postType: '一般工作人员',
      level: 5,
      fromYear: 2025,
      years: 5,
      ratings: [
        { year: 2024, rating: '优秀' },
        { year: 2025, rating: '优秀' },
        { year: 2026, rating: '优秀' },
      ],
    });
    // 2025: 5 (start); 2026: 6 early (2024+2025); 2027: 2025 was used, 2026 alone is no pair → 6;
    // 2028: 6; 2029: three years at 6 → 7
    expect(years.map((y) => [y.year, y.level])).toEqual([
      [2025, 5],
      [2026, 6],
      [2027, 6],
      [2028, 6],
      [2029, 7],
    ]);
    expect(years[1]!.reasons).toEqual(['2024、2025 年连续考核优秀，提前升一级']);
    expect(years[4]!.reasons).toEqual(['年功：本级满 3 年升一级']);
  });

  it('the early level stops at the top of the band, with a note', () => {
    const [, second] = gradeYears(rules, {
      postType: '副职',
      level: 15,
      fromYear: 2025,
      years: 2,
      ratings: [
        { year: 2024, rating: '优秀' },
        { year: 2025, rating: '优秀' },
      ],
    });
    expect(second).toMatchObject({ level: 15, paidLevel: 15 });
    expect(second!.reasons).toContain('已到本岗位最高 15 级，不再晋级');
  });

  it('就高: a 副职 at 14 who becomes 书记 (正职 from 7) is paid at 14 until the new post passes it', () => {
    const years = gradeYears(
      { ...rules, yearsPerLevel: 1 },
      { postType: '副职', level: 14, fromYear: 2025, years: 3, ratings: [], changes: [{ year: 2026, postType: '正职', level: 13, secretary: true }] },
    );
    // 2026: 正职 13 by the new post, 14 kept (就高); 2027: one year at 13 → 14, the same as kept: paid 14 by the post itself
    expect(years.map((y) => [y.postType, y.level, y.paidLevel])).toEqual([
      ['副职', 14, 14],
      ['正职', 13, 14],
      ['正职', 14, 14],
    ]);
    expect(years[1]!.reasons).toEqual(['担任书记，新岗位 13 级；就高，按原 14 级发放']);
  });
});
