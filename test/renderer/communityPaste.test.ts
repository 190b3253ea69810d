import { describe, expect, it } from 'vitest';
import { checkHeader, mapColumn, missingFields, placeProblems, readPaste } from '../../renderer/pages/plan/communityPaste';

/**
 * Rows copied from Excel into the 区域规划 community list: tab-separated cells, one row per line.
 * With a header row the columns are matched by name (Chinese or English, any order); without one
 * they are taken in the template's order. The host's check reports "第 N 行 户数（D 列）", placed
 * back on the block's row N − firstRow and its fourth column.
 */
describe('pasting community rows', () => {
  it('a block with a header row: columns by name, in any order; the header is not a community', () => {
    const text = '户数\t社区名称\t区\t街道\t备注\r\n4100\t新民社区\t朝阳区\t南湖街道\t老旧小区\r\n2400\t长春路社区\t朝阳区\t南湖街道\t\r\n';
    const block = readPaste(text);
    expect(block.headerRow).toEqual(['户数', '社区名称', '区', '街道', '备注']);
    expect(block.mapping).toEqual(['households', 'name', 'district', 'street', null]);
    expect(block.rows).toEqual([
      ['4100', '新民社区', '朝阳区', '南湖街道', '老旧小区'],
      ['2400', '长春路社区', '朝阳区', '南湖街道', ''],
    ]);
    expect(missingFields(block.mapping)).toEqual([]);
    // what the host's check reads: each mapped column under its Chinese name, the ignored one blank
    expect(checkHeader(block.mapping)).toEqual(['户数', '社区名称', '区', '街道', '']);
  });

  it('a block without a header: the template order 社区名称, 区, 街道, 户数 …; blank lines dropped, short rows padded', () => {
    const block = readPaste('南湖社区\t南关区\t桃源街道\t3600\t9800\n\n新民社区\t朝阳区\t南湖街道\n');
    expect(block.headerRow).toBeNull();
    expect(block.mapping).toEqual(['name', 'district', 'street', 'households', 'residents']);
    expect(block.rows[1]).toEqual(['新民社区', '朝阳区', '南湖街道', '', '']);
  });

  it('remapping a column to a field another column has moves it: one column per field', () => {
    const mapping = mapColumn(['name', 'district', 'street', 'households', 'residents'], 4, 'households');
    expect(mapping).toEqual(['name', 'district', 'street', null, 'households']);
    expect(missingFields(['name', null, 'street', null])).toEqual(['district', 'households']);
  });

  it('a cell Excel quoted (it holds a tab or a line break) stays one cell', () => {
    const block = readPaste('"和平\t社区"\t朝阳区\t和平街道\t100\n');
    expect(block.rows[0]![0]).toBe('和平\t社区');
  });

  it('places the check’s problems: 第 13 行 户数（D 列） with the first pasted row numbered 12 is row 1, column 3', () => {
    const placed = placeProblems(
      [
        { path: '第 13 行 户数（D 列）', message: '“四千”不是不小于 0 的整数 / must be a whole number ≥ 0' },
        { path: '第 1,012 行 社区名称（A 列）', message: '不能为空 / must not be empty' },
        { path: '第 12 行', message: '名单中没有社区 / the list has no communities' },
      ],
      12,
    );
    expect(placed.map((p) => [p.row, p.column])).toEqual([
      [1, 3],
      [1000, 0],
      [0, null],
    ]);
  });
});
