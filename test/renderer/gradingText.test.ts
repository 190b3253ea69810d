import { describe, expect, it } from 'vitest';
import { certificateCheckText, describeGradingProblem, gradingReasonText, gradingWords } from '../../renderer/pages/roster/gradingMessages';
import { workerCertificateChecks } from '../../src/core/roster/certificateRules';
import { gradeYears } from '../../src/core/roster/grading';
import { gradingSchemeSchema } from '../../src/core/roster/gradingScheme';

// 一般工作人员 1–12, a level every 3 years; 优秀 2024 and 2025 at level 12 → an early level, capped at 12
const rules = { bands: [{ postType: '一般工作人员', from: 1, to: 12 }], yearsPerLevel: 3, excellent: '优秀' };

describe('grading reasons said from their codes, in either language', () => {
  const [first, second] = gradeYears(rules, {
    postType: '一般工作人员',
    level: 12,
    fromYear: 2025,
    years: 2,
    ratings: [
      { year: 2024, rating: '优秀' },
      { year: 2025, rating: '优秀' },
    ],
  });
  it('Chinese is the core’s own sentence', () => {
    expect(second!.why.map((r) => gradingReasonText(r, 'zh'))).toEqual(second!.reasons);
    expect(second!.reasons).toEqual(['2024、2025 年连续考核优秀，提前升一级', '已到本岗位最高 12 级，不再晋级']);
  });
  it('English names the post type, the rating and the cap in English', () => {
    expect(gradingReasonText(first!.why[0]!, 'en')).toBe('Start: general staff level 12 (this post’s band 1–12)');
    expect(second!.why.map((r) => gradingReasonText(r, 'en'))).toEqual([
      'Rated Excellent in 2024 and 2025 running: one level early',
      'At the top of this post’s band (level 12): no further rise',
    ]);
  });
  it('就高 on becoming Party secretary', () => {
    const reason = {
      code: 'POST_CHANGE',
      params: { secretary: true, fromPostType: '一般工作人员', toPostType: '正职', level: 7, oldLevel: 11, keptLevel: 11 },
    } as const;
    expect(gradingReasonText(reason, 'en')).toBe('Becomes Party secretary, new post at level 7; paid at the higher old level 11');
  });
});

describe('the 专技 grades and certificate checks in English', () => {
  it('社会工作师三级 → Social Worker grade 3; 助理二级 → Assistant Social Worker grade 2; 专技11级 → 专技 level 11', () => {
    expect(gradingWords.en.grade('社会工作师三级')).toBe('Social Worker grade 3');
    expect(gradingWords.en.grade('助理二级')).toBe('Assistant Social Worker grade 2');
    expect(gradingWords.en.grade('专技11级')).toBe('专技 level 11');
    expect(gradingWords.en.grade('督导')).toBe('督导');
  });
  it('a 社会工作师三级 held with the 助理 certificate', () => {
    const v = gradingSchemeSchema.parse({
      key: 't',
      name: 't',
      versions: [
        {
          effectiveFrom: '2024-01-01',
          bands: rules.bands,
          yearsPerLevel: 3,
          secretaryPostType: '一般工作人员',
          levelMap: [{ name: '社会工作师三级', level: 10, requires: '社会工作师' }],
        },
      ],
    }).versions[0]!;
    const [check] = workerCertificateChecks(v, [{ seq: 3, name: '甲', postLevel: '社会工作师三级', certificate: '助理社会工作师' }]);
    expect(certificateCheckText(check!, 'en')).toBe(
      'Row 3 甲: Social Worker grade 3 (专技 level 10) requires the Social Worker certificate; holds Assistant Social Worker',
    );
    expect(certificateCheckText(check!, 'zh')).toBe(check!.message);
  });
});

describe('a problem of an edited version names its table, row and field', () => {
  const message = '须为 1 到 18 的整数 / must be a whole number from 1 to 18';
  it.each([
    ['startingLevels[3].level', 'zh', '起点定级第 4 行 等级：须为 1 到 18 的整数'],
    ['version.startingLevels[3].level', 'en', 'Starting levels, row 4 level: must be a whole number from 1 to 18'],
    ['versions[1].bands[0].from', 'zh', '等级区间第 1 行 起始级：须为 1 到 18 的整数'],
    ['yearsPerLevel', 'zh', '年功年限：须为 1 到 18 的整数'],
  ] as const)('%s (%s)', (path, lang, text) => expect(describeGradingProblem(path, message, lang)).toBe(text));
});
