import { describe, expect, it } from 'vitest';
import { readPastedBlock, valuesOfRows } from '../../renderer/components/pasteRows/parse';
import { projectFromDraft, type ProjectDraft } from '../../renderer/pages/projects/draft';
import { guideOptions } from '../../renderer/pages/projects/guideOptions';
import { projectMessages } from '../../renderer/pages/projects/messages';
import { nonSocialWorkOf, staffFromPaste, staffPasteFields, staffPasteProblems } from '../../renderer/pages/projects/pasteLines';

/**
 * Staff rows pasted from a sheet that marks its 非社工岗 (财务、行政、后勤…): a column headed 非社工岗 with 是/否, or
 * 岗位性质 with 非社工岗/社工岗, sets the line's nonSocialWork flag; the line is then outside the guide (post and
 * grade as pasted, priced at its agreed monthly pay). Any other value is a bad cell, named on that column.
 */
const excel = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
const fields = staffPasteFields(projectMessages.zh);
const options = guideOptions({
  label: '2026 版',
  effectiveFrom: '2026-01-01',
  unit: 'month',
  includes: 'gross',
  cells: [{ post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' }],
  allowances: [{ qualification: '社工师', amount: '300.00', kind: 'monthly' }],
} as Parameters<typeof guideOptions>[0]);

describe('a pasted 非社工岗 column', () => {
  it('headed 非社工岗 with 是/否: the 财务 row is a non-social-work line at its agreed pay', () => {
    const block = readPastedBlock(
      excel([
        ['岗位', '等级', '人数', '约定月薪', '非社工岗'],
        ['一线社工', '社工师', '4', '', '否'],
        ['财务', '会计', '0.5', '5,200.00', '是'],
      ]),
      fields,
    );
    expect(block.header).toBe(true);
    expect(block.mapping).toEqual(['post', 'grade', 'count', 'monthly', 'nonSocialWork']);
    const [social, finance] = valuesOfRows(block, block.mapping, fields);
    expect(staffPasteProblems(social!, options, 'zh')).toEqual([]);
    expect(staffPasteProblems(finance!, options, 'zh')).toEqual([]); // 财务 is not in the guide, and need not be
    const line = staffFromPaste(finance!, options, '12');
    expect(line).toMatchObject({ post: '财务', grade: '会计', count: '0.5', monthly: '5200.00', qualification: '', nonSocialWork: true });
    expect(staffFromPaste(social!, options, '12').nonSocialWork).toBeUndefined();

    // the pasted line is a valid line of the project: half a post at 5,200.00 a month, not a social-work post
    const draft: ProjectDraft = {
      name: '示例项目',
      purchaser: '',
      provider: '',
      periodStart: '2026-01',
      periodMonths: '12',
      guideId: 1,
      contributionSetId: 1,
      laterContributionSetIds: [],
      staff: [line],
      costs: [],
      managementPercent: '0',
      taxMethod: 'simple',
      taxPercent: '0',
      vatPercent: '1',
      surchargePercent: '12',
      minLabourPercent: '',
      maxManagementPercent: '',
      posts: undefined,
      pricePerPostYear: '',
      purchasePosts: '',
      notes: '',
      sample: false,
    };
    const checked = projectFromDraft(draft);
    expect(checked.ok && checked.project.staff[0]).toMatchObject({ post: '财务', count: 0.5, monthly: '5200.00', nonSocialWork: true });
  });

  it('headed 岗位性质 with 非社工岗/社工岗 (the header is not taken for 岗位)', () => {
    const block = readPastedBlock(
      excel([
        ['岗位性质', '岗位', '职级', '约定月薪'],
        ['非社工岗', '行政', '专员', '4800'],
      ]),
      fields,
    );
    expect(block.mapping).toEqual(['nonSocialWork', 'post', 'grade', 'monthly']);
    const [row] = valuesOfRows(block, block.mapping, fields);
    expect(staffFromPaste(row!, options, '12')).toMatchObject({ post: '行政', grade: '专员', monthly: '4800', nonSocialWork: true });
  });

  it.each([
    ['是', true],
    ['否', false],
    ['非社工岗', true],
    ['社工岗', false],
    ['', false],
    ['Yes', true],
    ['no', false],
    ['也许', null],
    ['2', null],
  ])('%j → %s', (cell, flag) => expect(nonSocialWorkOf(cell)).toBe(flag));

  it('a value that is neither is a bad cell on that column; a 非社工岗 row without its agreed pay is named on 约定月薪', () => {
    expect(staffPasteProblems({ post: '财务', grade: '会计', count: '1', monthly: '5200', nonSocialWork: '也许' }, options, 'zh')).toContainEqual({
      field: 'nonSocialWork',
      message: '“也许”不是“是/否”或“非社工岗/社工岗”',
    });
    expect(staffPasteProblems({ post: '财务', grade: '会计', count: '1', nonSocialWork: '是' }, options, 'zh').map((p) => p.field)).toEqual(['monthly']);
  });
});
