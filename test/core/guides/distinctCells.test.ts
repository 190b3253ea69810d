import { describe, expect, it } from 'vitest';
import { DistinctCells, cellKey, repeatedCells } from '../../../src/core/guides/distinctCells';
import { GuideCellError, guideLookup } from '../../../src/core/guides/inlineGuide';
import type { InlineGuide } from '../../../src/core/spec/budgetSpec';

/**
 * 岗位 × 等级 × 档次 names one cell; a guide listing a cell twice has no single price for it. The store,
 * the workbook import, the paste grid, the version editor and a spec's inline guide all apply this
 * one rule: the first stands, each repeat is refused naming where the first one stood.
 */
const cells = [
  { post: '一线社工', grade: '社工师', step: 1 }, // 0
  { post: '一线社工', grade: '社工师', step: 2 }, // 1
  { post: '一线社工', grade: '社工师', step: 1 }, // 2: repeats 0
  { post: '督导', grade: '社工师', step: 1 }, // 3
  { post: '一线社工', grade: '社工师', step: 1 }, // 4: repeats 0 again — the first is named, not the latest
];

describe('repeatedCells', () => {
  it('names each repeat with the index of the first cell of that identity', () => {
    expect(repeatedCells(cells)).toEqual([
      { index: 2, first: 0 },
      { index: 4, first: 0 },
    ]);
  });
  it('a different step, grade or post is a different cell', () => {
    expect(repeatedCells(cells.slice(0, 2).concat([cells[3]!]))).toEqual([]);
  });
});

describe('DistinctCells — for readers that name places their own way', () => {
  it('answers where the first stood (a sheet address here), and keeps only the first', () => {
    const distinct = new DistinctCells<string>();
    expect(distinct.earlier(cells[0]!, '指导价!D6')).toBeUndefined();
    expect(distinct.earlier(cells[2]!, '指导价!D7')).toBe('指导价!D6');
    expect(distinct.earlier(cells[4]!, '指导价!D9')).toBe('指导价!D6');
  });
  it('keys are exact: names that only look alike when joined do not collide', () => {
    expect(cellKey('一线', '社工师', 1)).not.toBe(cellKey('一线社工', '师', 1));
  });
});

describe("an inline guide's lookup refuses a repeated cell", () => {
  it('at payGuide.rows[2]', () => {
    const guide = {
      name: '示例',
      includes: 'gross',
      rows: cells.slice(0, 3).map((c, i) => ({ ...c, monthly: `${6500 + i * 100}.00` })),
      allowances: [],
    } as unknown as InlineGuide;
    expect(() => guideLookup(guide)).toThrow(GuideCellError);
    try {
      guideLookup(guide);
    } catch (e) {
      expect((e as GuideCellError).path).toBe('payGuide.rows[2]');
      expect((e as Error).message).toBe('岗位/等级/档次重复：一线社工/社工师/1 / duplicate cell');
    }
  });
});
