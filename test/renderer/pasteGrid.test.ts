import { describe, expect, it } from 'vitest';
import { applyPastedCells, normalizeNumberText, parsePastedGrid, parseStep, splitClipboardRows } from '../../renderer/pages/guides/pasteGrid';

/**
 * What a finance officer gets on the clipboard after selecting cells in Excel/WPS and pressing
 * Ctrl+C: cells joined by tabs, rows by CRLF, a final CRLF, and the numbers as the sheet displays them.
 */
const excelBlock = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

describe('splitClipboardRows', () => {
  it('splits tabs and CRLF, and keeps a quoted cell holding a line break as one cell', () => {
    const text = '岗位\t备注\r\n一线社工\t"第一行\n第二行"\r\n督导\t"说""好"""\r\n';
    expect(splitClipboardRows(text)).toEqual([
      ['岗位', '备注'],
      ['一线社工', '第一行\n第二行'],
      ['督导', '说"好"'],
    ]);
  });
});

describe('normalizeNumberText — numbers as a sheet shows them', () => {
  it.each([
    ['1,234.00', '1234.00'], // thousands separator from the #,##0.00 format
    ['１２３４．５', '1234.5'], // full-width digits and point from a Chinese IME
    ['6500元', '6500'], // trailing 元
    ['6,500.00 元/月', '6500.00'],
    ['￥6,500', '6500'],
    [' 0.85 ', '0.85'],
  ])('%s → %s', (raw, plain) => expect(normalizeNumberText(raw)).toBe(plain));

  it.each(['6.500,00', '12,34', '-100', '1e3', '六千', '', '6500美元'])('rejects %j', (raw) => {
    expect(normalizeNumberText(raw)).toBeNull();
  });
});

describe('parseStep', () => {
  it('reads 1, １, 1档, 第2档, 三档', () => {
    expect(['1', '１', '1档', '第2档', '三档'].map(parseStep)).toEqual([1, 1, 1, 2, 3]);
  });
  it('refuses 0, 1.5 and words', () => {
    expect(['0', '1.5', '高'].map(parseStep)).toEqual([null, null, null]);
  });
});

describe('parsePastedGrid', () => {
  it('takes a 4-column block without header: 岗位 等级 档次 金额, amounts to the fen', () => {
    const text = excelBlock([
      ['一线社工', '助理社工师', '1', '5,200.00'],
      ['一线社工', '助理社工师', '2', '５５００'],
      ['一线社工', '社工师', '1', '6500元'],
    ]);
    const result = parsePastedGrid(text);
    expect(result).toEqual({
      ok: true,
      headerSkipped: false,
      kind: 'amount',
      cells: [
        { post: '一线社工', grade: '助理社工师', step: 1, amount: '5200.00' },
        { post: '一线社工', grade: '助理社工师', step: 2, amount: '5500.00' },
        { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
      ],
    });
  });

  it('skips a header row and follows its column order; 3 columns mean step 1', () => {
    const text = excelBlock([
      ['等级', '岗位', '月薪（元）'],
      ['社工师', '督导', '8,000.5'],
    ]);
    const result = parsePastedGrid(text);
    expect(result).toEqual({
      ok: true,
      headerSkipped: true,
      kind: 'amount',
      cells: [{ post: '督导', grade: '社工师', step: 1, amount: '8000.50' }],
    });
  });

  it('a header naming 系数 makes the value column coefficients, kept exactly as written', () => {
    const text = excelBlock([
      ['岗位', '等级', '档次', '系数'],
      ['负责人', '十八级', '1', '1.3500'],
    ]);
    const result = parsePastedGrid(text);
    expect(result.ok && result.kind).toBe('coefficient');
    expect(result.ok && result.cells).toEqual([{ post: '负责人', grade: '十八级', step: 1, coefficient: '1.35' }]);
  });

  it('reports every bad cell as 第 r 行第 c 列 (counting the header row) and returns no cells', () => {
    const text = excelBlock([
      ['岗位', '等级', '档次', '金额'],
      ['一线社工', '社工师', '1', '6500'], // good
      ['', '社工师', '2', '6800'], // row 3: empty post
      ['一线社工', '社工师', '1.5', 'abc'], // row 4: bad step and bad amount
      ['督导', '社工师', '1', '6500.123'], // row 5: more than 2 decimals
    ]);
    const result = parsePastedGrid(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.col])).toEqual([
      [3, 1],
      [4, 3],
      [4, 4],
      [5, 4],
    ]);
    expect(result.problems[0]!.message).toBe('第 3 行第 1 列：岗位不能为空');
    expect(result.problems[2]!.message).toMatch(/^第 4 行第 4 列：“abc”不是金额/);
    expect(result.problems[3]!.message).toMatch(/^第 5 行第 4 列：金额“6500.123”超过两位小数/);
  });

  it('reports the same 岗位/等级/档次 pasted twice, naming the first row', () => {
    const result = parsePastedGrid(
      excelBlock([
        ['一线社工', '社工师', '1', '6500'],
        ['一线社工', '社工师', '1', '6600'],
      ]),
    );
    expect(result).toEqual({ ok: false, problems: [{ row: 2, col: 1, message: '第 2 行第 1 列：一线社工 / 社工师 / 第 1 档 与第 1 行重复' }] });
  });

  it('refuses a block of the wrong width, and an empty paste, in Chinese', () => {
    const wide = parsePastedGrid('a\tb\tc\td\te\r\n');
    expect(!wide.ok && wide.problems[0]!.message).toMatch(/^第 1 行第 5 列：应为 4 列/);
    const empty = parsePastedGrid('\r\n\r\n');
    expect(!empty.ok && empty.problems[0]!.message).toMatch(/粘贴内容为空/);
  });

  it('ignores blank rows and empty trailing cells a sheet selection carries', () => {
    const result = parsePastedGrid('一线社工\t社工师\t1\t6500\t\t\r\n\t\t\t\r\n');
    expect(result.ok && result.cells).toEqual([{ post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' }]);
  });
});

describe('applyPastedCells', () => {
  const grid = [
    { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
    { post: '督导', grade: '社工师', step: 1, amount: '8000.00' },
  ];
  const pasted = [
    { post: '督导', grade: '社工师', step: 1, amount: '8200.00' }, // replaces 8000.00 in place
    { post: '督导', grade: '高级社工师', step: 1, amount: '9500.00' }, // new, appended
  ];

  it('merge: same 岗位/等级/档次 is updated in place, new cells appended', () => {
    expect(applyPastedCells(grid, pasted, 'merge')).toEqual([
      { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
      { post: '督导', grade: '社工师', step: 1, amount: '8200.00' },
      { post: '督导', grade: '高级社工师', step: 1, amount: '9500.00' },
    ]);
  });

  it('replace: the pasted block becomes the whole grid', () => {
    expect(applyPastedCells(grid, pasted, 'replace')).toEqual(pasted);
  });
});

describe('parsePastedGrid — a grade × step table as published (steps across)', () => {
  it('reads 岗位 | 等级 | 一档 | 二档 | 三档 into one cell per filled step', () => {
    const text = excelBlock([
      ['岗位', '等级', '一档', '二档', '第3档'],
      ['一线社工', '初级', '5,000', '5,250', '5,500'],
      ['一线社工', '中级', '6,250', '6,600', ''], // no third step at this grade
    ]);
    expect(parsePastedGrid(text)).toEqual({
      ok: true,
      headerSkipped: true,
      kind: 'amount',
      cells: [
        { post: '一线社工', grade: '初级', step: 1, amount: '5000.00' },
        { post: '一线社工', grade: '初级', step: 2, amount: '5250.00' },
        { post: '一线社工', grade: '初级', step: 3, amount: '5500.00' },
        { post: '一线社工', grade: '中级', step: 1, amount: '6250.00' },
        { post: '一线社工', grade: '中级', step: 2, amount: '6600.00' },
      ],
    });
  });

  it('names a bad cell by its column in the table', () => {
    const text = excelBlock([
      ['岗位', '等级', '1档', '2档'],
      ['督导', '初级', '7000', '七千'],
    ]);
    expect(parsePastedGrid(text)).toEqual({
      ok: false,
      problems: [{ row: 2, col: 4, message: '第 2 行第 4 列：“七千”不是金额（应为不小于 0 的数字，如 6500.00）' }],
    });
  });
});

describe('parsePastedGrid — amounts and coefficients within the schema’s range (src/core/spec/fields.ts LIMITS)', () => {
  it('a 20-digit pay and a coefficient of 150 are refused by the cell, in the language asked for; 100 亿 is accepted', () => {
    const text = excelBlock([
      ['一线社工', '初级', '1', '12345678901234567890'],
      ['一线社工', '中级', '1', '10,000,000,000.00'],
    ]);
    expect(parsePastedGrid(text)).toEqual({
      ok: false,
      problems: [{ row: 1, col: 4, message: '第 1 行第 4 列：“12345678901234567890”：金额（元）须在 0 到 100 亿之间，最多两位小数' }],
    });
    expect(parsePastedGrid(excelBlock([['社区正职', '7级', '1', '150']]), 'coefficient', 'en')).toEqual({
      ok: false,
      problems: [{ row: 1, col: 4, message: 'Row 1, column 4: “150”: must be a coefficient from 0 to 100, at most 8 decimals' }],
    });
  });
});
