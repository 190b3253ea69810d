import { describe, expect, it } from 'vitest';
import { checkVersionDraft, describeProblem, draftFromVersion, emptyDraft, type VersionDraft } from '../../renderer/pages/guides/versionDraft';

const draft = (over: Partial<VersionDraft>): VersionDraft => ({ ...emptyDraft('2026 版', '2026-01-01'), ...over });
const cell = (post: string, grade: string, step: string, value: string, kind: 'amount' | 'coefficient' = 'amount') => ({
  key: post + grade + step,
  post,
  grade,
  step,
  kind,
  value,
});

describe('checkVersionDraft — the grid as typed becomes the stored version', () => {
  it('normalizes what a user types: 6,500 → "6500.00", coefficient 1.350 → "1.35"', () => {
    const result = checkVersionDraft(
      draft({
        referenceWage: '上年度平均工资',
        cells: [cell('一线社工', '社工师', '1', '6,500'), cell('负责人', '十八级', '１', '1.350', 'coefficient')],
        allowances: [{ key: 'a', qualification: '社工师', amount: '300', kind: 'monthly' }],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.version.cells).toEqual([
      { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
      { post: '负责人', grade: '十八级', step: 1, coefficient: '1.35' },
    ]);
    expect(result.version.allowances).toEqual([{ qualification: '社工师', amount: '300.00', kind: 'monthly' }]);
    expect(draftFromVersion(result.version).cells.map((c) => c.value)).toEqual(['6500.00', '1.35']);
  });

  it('names every bad input by its row, and saves nothing', () => {
    const result = checkVersionDraft(
      draft({
        cells: [
          cell('一线社工', '社工师', '1', '6500'),
          cell('一线社工', '社工师', '1', '6600'),
          cell('', '社工师', '0', 'abc'),
          cell('督导', '社工师', '1', '1.2', 'coefficient'),
        ],
        effectiveTo: '2025-12-31',
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        'cells[1].post': '与第 1 行的岗位/等级/档次重复',
        'cells[2].step': '档次须是正整数',
        'cells[2].value': '金额须是不小于 0、最多两位小数的数字',
        'cells[2].post': '不能为空',
        referenceWage: '有系数单元格时须选定参考工资',
        effectiveTo: '失效日期不能早于生效日期',
      },
    });
    expect(describeProblem('cells[2].step', '档次须是正整数')).toBe('单元格第 3 行 档次：档次须是正整数');
  });
});
