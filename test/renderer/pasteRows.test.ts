import { describe, expect, it } from 'vitest';
import { isBlockPaste, readPastedBlock, valuesOfRows } from '../../renderer/components/pasteRows/parse';
import { guideOptions } from '../../renderer/pages/projects/guideOptions';
import { projectMessages } from '../../renderer/pages/projects/messages';
import {
  costFromPaste,
  costPasteFields,
  costPasteProblems,
  staffFromPaste,
  staffPasteFields,
  staffPasteProblems,
} from '../../renderer/pages/projects/pasteLines';

/**
 * Rows copied in Excel/WPS and pasted into the budget tables: what the clipboard holds (cells by
 * tabs, rows by CRLF, a final CRLF, numbers as the sheet shows them), which field each column
 * fills, and what is wrong with a row — before anything is added.
 */
const excel = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
const costFields = costPasteFields(projectMessages.zh);
const staffFields = staffPasteFields(projectMessages.zh);

describe('isBlockPaste — a block goes to the preview, one value into its box', () => {
  it.each([
    ['800', false],
    ['800\r\n', false], // one cell copied from Excel still ends with a line break
    ['社区活动\t800', true],
    ['800\r\n900\r\n', true],
  ])('%j → %s', (text, block) => expect(isBlockPaste(text)).toBe(block));
});

describe('readPastedBlock — which column fills which field', () => {
  it('a header row names the columns in any order; its numbers are read as the sheet shows them', () => {
    const text = excel([
      ['单价（元）', '名称', '数量', '备注'],
      ['1,200.00', '督导培训', '２', '外请督导'],
      ['800元', '社区活动', '24', ''],
    ]);
    const block = readPastedBlock(text, costFields);
    expect(block.header).toBe(true);
    expect(block.mapping).toEqual(['unitPrice', 'name', 'quantity', 'note']);
    expect(valuesOfRows(block, block.mapping, costFields)).toEqual([
      { unitPrice: '1200.00', name: '督导培训', quantity: '2', note: '外请督导' },
      { unitPrice: '800', name: '社区活动', quantity: '24', note: '' },
    ]);
  });

  it('without a header the columns fill the fields from the box pasted into, left to right', () => {
    const block = readPastedBlock(excel([['社区活动', '800', '24']]), costFields, 'name');
    expect(block.header).toBe(false);
    expect(block.mapping).toEqual(['name', 'unitPrice', 'quantity']);
    // a column beyond the last field fills nothing
    expect(readPastedBlock('备注一\t多余\r\n', costFields, 'note').mapping).toEqual(['note', null]);
  });

  it('data that happens to hold one header word ("1档") is not taken for a header', () => {
    const block = readPastedBlock(excel([['一线社工', '社工师', '1档', '2']]), staffFields);
    expect(block.header).toBe(false);
    expect(block.mapping).toEqual(['post', 'grade', 'step', 'qualification']);
  });
});

describe('pasted rows as budget lines, and their problems', () => {
  it('a cost row without a name is refused on 名称; fields not pasted take 添加费用’s defaults', () => {
    expect(costPasteProblems({ name: '', unitPrice: '500' }, 'zh')).toEqual([{ field: 'name', message: expect.stringContaining('不能为空') }]);
    const line = costFromPaste({ name: '社区活动', unitPrice: '800', quantity: '24' });
    expect(line).toMatchObject({ category: '服务活动', name: '社区活动', unitPrice: '800', quantity: '24', times: '1', note: '' });
    // 800 × 24 × 1 = 19,200.00 once priced; here the line only has to pass its schema
    expect(costPasteProblems({ name: '社区活动', unitPrice: '800', quantity: '24' }, 'zh')).toEqual([]);
  });

  it('a cost row whose price is "8OO" (letters O) is refused on 单价', () => {
    const problems = costPasteProblems({ name: '社区活动', unitPrice: '8OO' }, 'zh');
    expect(problems.map((p) => p.field)).toEqual(['unitPrice']);
  });

  it('a staff row is checked against the guide in force: a post it has not is named, unless an agreed pay is given', () => {
    const options = guideOptions({
      label: '2026 版',
      effectiveFrom: '2026-01-01',
      unit: 'month',
      includes: 'gross',
      cells: [
        { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
        { post: '一线社工', grade: '社工师', step: 2, amount: '6800.00' },
      ],
      allowances: [{ qualification: '社工师', amount: '300.00', kind: 'monthly' }],
    } as Parameters<typeof guideOptions>[0]);
    expect(staffPasteProblems({ post: '一线社工', grade: '社工师', step: '二档', count: '2' }, options, 'zh')).toEqual([]);
    expect(staffFromPaste({ post: '一线社工', grade: '社工师', step: '二档', qualification: '无' }, options, '12')).toMatchObject({
      step: 2,
      qualification: '',
      months: '12',
    });
    expect(staffPasteProblems({ post: '督导', grade: '督导一级', count: '1' }, options, 'zh')).toEqual([
      { field: 'post', message: '指导价中没有岗位“督导”（或填写约定月薪）' },
    ]);
    expect(staffPasteProblems({ post: '督导', grade: '督导一级', count: '1', monthly: '9000' }, options, 'zh')).toEqual([]);
    expect(staffPasteProblems({ post: '一线社工', grade: '社工师', step: '高', count: '1' }, options, 'zh').map((p) => p.field)).toEqual(['step']);
  });
});
