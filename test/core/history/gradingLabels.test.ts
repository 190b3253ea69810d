import { describe, expect, it } from 'vitest';
import { changeLine, fieldLabel } from '../../../src/core/history/labels';

/**
 * A change to the grading scheme (定级晋升参数) is kept field by field; the history shows the field
 * as the bureau's tables name it, never as the stored path.
 */
describe('grading scheme changes in the history', () => {
  it('names the version, the table, the row and the field', () => {
    expect(fieldLabel('versions[2027-01-01].bands[正职].to', 'zh')).toBe('2027-01-01 版 等级区间 正职 最高等级');
    expect(fieldLabel('versions[2027-01-01].bands[正职].to', 'en')).toBe('Version 2027-01-01 Band 正职 To level');
    // starting-level rules are tried in order, so a rule is named by its place
    expect(fieldLabel('versions[2027-01-01].startingLevels[#4].level', 'zh')).toBe('2027-01-01 版 起点定级 第 4 条 等级');
    expect(fieldLabel('versions[2027-01-01].yearsPerLevel', 'zh')).toBe('2027-01-01 版 每满几年升一级');
    expect(fieldLabel('versions[2028-01-01]', 'en')).toBe('Version 2028-01-01');
    expect(fieldLabel('certificationTargets[2026-01-01].rural', 'zh')).toBe('2026-01-01 起 农村持证率目标');
  });

  it('reads a whole change as a line: a starting level raised from 2 to 5', () => {
    expect(changeLine({ action: 'update', field: 'versions[2027-01-01].startingLevels[#1].level', old: '2', new: '5' }, 'zh')).toBe(
      '2027-01-01 版 起点定级 第 1 条 等级: 2 → 5',
    );
  });

  it('leaves the fields of guides and contribution sets as they were', () => {
    expect(fieldLabel('cells[一线社工/社工师/1]', 'zh')).toBe('单元格 一线社工/社工师/1档');
    expect(fieldLabel('floor', 'zh')).toBe('缴费基数下限');
  });
});
