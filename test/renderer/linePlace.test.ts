import { describe, expect, it } from 'vitest';
import { describePath, describeProblem } from '../../renderer/pages/projects/draft';

describe('where a line problem is', () => {
  it('a cost line with no name is named by its table, line and 名称 — never as the project name', () => {
    // costs[2] is the third line of 其他费用; its `name` is the line's own 名称.
    expect(describeProblem('costs[2].name', '不能为空')).toBe('其他费用第 3 行「名称」：不能为空');
    expect(describePath('costs[2].name', 'en')).toBe('Other costs, line 3, name');
  });

  it('a staff count is placed in 人员经费, line by line from 1', () => {
    expect(describePath('staff[1].count')).toBe('人员经费第 2 行「人数」');
    expect(describePath('staff[1].count', 'en')).toBe('Staff costs, line 2, count');
  });

  it('the project’s own name keeps its label', () => {
    expect(describePath('name')).toBe('项目名称');
  });
});
