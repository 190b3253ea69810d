import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleGuides } from '../../../db/sampleData';
import { payGuideSchema } from '../../../src/core/guides/schema';
import { parseGuideWorkbook } from '../../../src/core/excel/readers/guideImport';
import { guideTemplateBuffer, guideWorkbookBuffer } from '../../../src/core/excel/guideWorkbook';
import { halfWidth, parseAmount, parseStep } from '../../../src/core/spec/printedNumbers';
import { isDateFormat } from '../../../src/core/excel/readers/xlsxRows';
import { colLetters, sheetDataXml, sheetXlsx, craftXlsx, worksheetXml } from '../../corpus/craft';
import { convertWithLibreOffice } from '../../support/libreoffice';

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('round trip: export a guide version to the template, import it back, get the same version', () => {
  const guides = sampleGuides.map((g) => payGuideSchema.parse(g));
  const versions = guides.flatMap((g) => g.versions.map((v) => ({ g, v })));

  it.each(versions.map(({ g, v }) => [`${g.name} ${v.label}`, g, v] as const))('%s', async (_label, g, v) => {
    const r = await parseGuideWorkbook(await guideWorkbookBuffer(g, v), 'x.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.version).toEqual(v);
    expect(r.guide).toEqual({ name: g.name, issuer: g.issuer, region: g.region });
    expect(r.notices).toEqual([]);
  });

  it('covers yearly units, coefficients and one-off allowances among the samples', () => {
    expect(versions.some(({ v }) => v.cells.some((c) => c.coefficient !== undefined))).toBe(true);
    expect(versions.length).toBeGreaterThan(1);
  });

  it('the blank template imports as its two example rows', async () => {
    const r = await parseGuideWorkbook(await guideTemplateBuffer(), '模板.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.version.cells).toEqual([
      { post: '一线社工', grade: '助理社工师', step: 1, amount: '5200.00' },
      { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
    ]);
    expect(r.version.unit).toBe('month');
    expect(r.version.allowances).toEqual([{ qualification: '社工师', amount: '300.00', kind: 'monthly' }]);
  });
});

/** A guide laid out the way a civil-affairs bureau publishes it. */
function publishedGuide(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件1');
  ws.addRow(['某市社会工作者薪酬指导价（自2026年1月1日起执行）']);
  ws.mergeCells('A1:E1');
  ws.addRow(['发布单位：某市民政局', null, null, '（单位：元/月）']);
  ws.addRow(['岗位', '等级', '薪酬标准', null, null]);
  ws.addRow([null, null, '一档', '二档', '三档']);
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:E3');
  ws.addRow(['一线社工', '助理社工师', '５，２００．００', '5,400', 5600]);
  ws.addRow([null, '社工师', '6,500.00', '６８００', '—']); // post left blank under the one above; no third step
  ws.addRow(['督导', '高级社工师', 9000.5, 9300, 9600]);
  ws.addRow(['注：以上为税前应发工资。']);
  ws.addRow([]);
  ws.addRow(['持证等级', '津贴标准', '发放方式']);
  ws.addRow(['社工师', '３００', '按月']);
  ws.addRow(['高级社工师', '2,000.00', '一次性']);
  return wb;
}

describe('tolerant import of a published guide', () => {
  it('title row, merged two-row header with steps as columns, 元/月 stated, full-width digits, thousands separators, a footnote', async () => {
    const r = await parseGuideWorkbook(await bufferOf(publishedGuide()), '某市指导价.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.guide).toEqual({ name: '某市社会工作者薪酬指导价（自2026年1月1日起执行）', issuer: '某市民政局', region: '' });
    expect(r.version).toMatchObject({ label: '2026 版', effectiveFrom: '2026-01-01', unit: 'month', includes: 'gross', notes: '注：以上为税前应发工资。' });
    expect(r.version.cells).toEqual([
      { post: '一线社工', grade: '助理社工师', step: 1, amount: '5200.00' },
      { post: '一线社工', grade: '助理社工师', step: 2, amount: '5400.00' },
      { post: '一线社工', grade: '助理社工师', step: 3, amount: '5600.00' },
      { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
      { post: '一线社工', grade: '社工师', step: 2, amount: '6800.00' },
      { post: '督导', grade: '高级社工师', step: 1, amount: '9000.50' },
      { post: '督导', grade: '高级社工师', step: 2, amount: '9300.00' },
      { post: '督导', grade: '高级社工师', step: 3, amount: '9600.00' },
    ]);
    expect(r.version.allowances).toEqual([
      { qualification: '社工师', amount: '300.00', kind: 'monthly' },
      { qualification: '高级社工师', amount: '2000.00', kind: 'oneOff' },
    ]);
    expect(r.notices).toEqual([]);
  });

  it('a yearly guide: 年薪（元/年） in the header sets the unit to 元/年', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['生效日期', '2026/7/1']);
    ws.addRow(['岗位', '等级', '档次', '年薪（元/年）']);
    ws.addRow(['主管', '社工师', '第二档', '96,000']);
    const r = await parseGuideWorkbook(await bufferOf(wb), 'y.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.version.unit).toBe('year');
    expect(r.version.effectiveFrom).toBe('2026-07-01');
    expect(r.version.cells).toEqual([{ post: '主管', grade: '社工师', step: 2, amount: '96000.00' }]);
    expect(r.guide.name).toBe('y');
  });

  it('no unit stated anywhere: 元/月 is assumed, and the import says so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['生效日期：2026年3月1日']);
    ws.addRow(['岗位', '等级', '金额']);
    ws.addRow(['行政', '员级', 4000]);
    const r = await parseGuideWorkbook(await bufferOf(wb), 'm.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.version.unit).toBe('month');
    expect(r.notices).toEqual(['未注明金额单位，按“元/月”处理']);
  });

  it('coefficient columns (三岗十八级 style) need the reference wage named', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['生效日期', '2026-01-01']);
    ws.addRow(['参考工资', '上年度城镇非私营单位在岗职工平均工资']);
    ws.addRow(['岗位', '等级', '系数']);
    ws.addRow(['负责人', '十八级', '１．８５']);
    const r = await parseGuideWorkbook(await bufferOf(wb), 'c.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.version.cells).toEqual([{ post: '负责人', grade: '十八级', step: 1, coefficient: '1.85' }]);
    expect(r.version.referenceWage).toBe('上年度城镇非私营单位在岗职工平均工资');
  });
});

describe('every problem names its cell, in Chinese, and nothing is returned to write', () => {
  it('bad number, duplicate, missing grade, both amount and coefficient, conflicting unit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指导价');
    ws.addRow(['生效日期', '2026-01-01']);
    ws.addRow(['金额单位', '元/年']);
    ws.addRow(['岗位', '等级', '档次', '金额（元/月）', '系数']);
    ws.addRow(['一线社工', '社工师', 1, '6,5OO']); // row 4: letter O
    ws.addRow(['一线社工', '社工师', 2, '6500.123']); // row 5: three decimals
    ws.addRow(['一线社工', '社工师', 3, 6600]);
    ws.addRow(['一线社工', '社工师', '第三档', 6700]); // row 7: duplicate of row 6
    ws.addRow(['督导', null, 1, 8000]); // row 8: no grade
    ws.addRow(['督导', '高级', '甲', 8000]); // row 9: step not a number
    ws.addRow(['督导', '中级', 1, 8000, 1.2]); // row 10: both
    const r = await parseGuideWorkbook(await bufferOf(wb), 'bad.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { cell: '指导价!D4', message: '金额“6,5OO”不是数字' },
      { cell: '指导价!D5', message: '金额“6500.123”最多两位小数（到分）' },
      { cell: '指导价!D7', message: '岗位/等级/档次“一线社工/社工师/3档”与 指导价!D6 重复' },
      { cell: '指导价!B8', message: '缺少等级' },
      { cell: '指导价!C9', message: '档次“甲”应为正整数，如 1、2 或“第二档”' },
      { cell: '指导价!E10', message: '金额与系数只能填一项' },
      { cell: '指导价!D3', message: '金额单位 元/月 与 指导价!B2 的 元/年 不一致；同一版本只能有一种单位' },
    ]);
  });

  it('no header, no date, not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1').addRow(['姓名', '金额']);
    const r1 = await parseGuideWorkbook(await bufferOf(wb), 'a.xlsx');
    expect(r1).toEqual({ ok: false, problems: [{ cell: '表1!A1', message: expect.stringContaining('未找到指导价表头') }] });

    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet('表1');
    ws2.addRow(['岗位', '等级', '金额']);
    ws2.addRow(['行政', '员级', 4000]);
    const r2 = await parseGuideWorkbook(await bufferOf(wb2), 'b.xlsx');
    expect(r2).toEqual({ ok: false, problems: [{ cell: '表1!A1', message: '未找到生效日期：请在表头上方加一行“生效日期 | 2026-01-01”' }] });

    const r3 = await parseGuideWorkbook(Buffer.from('not a zip'), '坏文件.xlsx');
    expect(r3).toEqual({ ok: false, problems: [{ cell: '坏文件.xlsx', message: '无法读取：不是有效的 Excel 工作簿（.xlsx）' }] });
  });
});

describe('number text of published guides', () => {
  it('full-width digits and separators become half-width', () => {
    expect(halfWidth('６，５００．００')).toBe('6,500.00');
  });
  it('amounts: 6,500 → 6500.00; ¥7,200.5元 → 7200.50; 1,23,4 is not a number', () => {
    expect(parseAmount('6,500', '6,500')).toEqual({ ok: true, value: '6500.00' });
    expect(parseAmount('¥7,200.5元', '')).toEqual({ ok: true, value: '7200.50' });
    expect(parseAmount('1,23,4', '1,23,4').ok).toBe(false);
    expect(parseAmount(-5, '-5')).toEqual({ ok: false, message: '金额“-5”不能为负数' });
  });
  it('steps: 第二档 → 2, 十二档 → 12, 3 → 3', () => {
    expect([parseStep('第二档'), parseStep('十二档'), parseStep(3), parseStep('二十'), parseStep('0')]).toEqual([2, 12, 3, 20, null]);
  });
});

describe('the workbook reader (xlsxGuard.ts, xlsxRows.ts): real files in, crafted ones refused before they cost anything', () => {
  it('a published guide re-saved by LibreOffice (shared strings, its own styles and merges) reads as the exceljs original', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-lo-guide-'));
    try {
      const original = path.join(dir, 'guide.xlsx');
      await publishedGuide().xlsx.writeFile(original);
      const [resaved] = convertWithLibreOffice([original], 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'lo'));
      const fromExceljs = await parseGuideWorkbook(fs.readFileSync(original), '某市指导价.xlsx');
      const fromLibreOffice = await parseGuideWorkbook(fs.readFileSync(resaved!), '某市指导价.xlsx');
      expect(fromLibreOffice.ok).toBe(true);
      expect(fromLibreOffice).toEqual(fromExceljs);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cell in column ZZZZZZ is column 26 × (26⁵ + 26⁴ + 26³ + 26² + 26 + 1) = 321,272,406: refused at that cell, limit named', async () => {
    const r = await parseGuideWorkbook(sheetXlsx('指导价', [['生效日期', '2026-01-01', { xml: '<c r="ZZZZZZ1"><v>1</v></c>' }]]), 'far.xlsx');
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          cell: '指导价!ZZZZZZ1',
          message: '无法导入：工作表“指导价”引用了单元格 ZZZZZZ1（第 321,272,406 列），超出指导价工作簿的上限 200 列（GR 列）/ column beyond the limit of 200',
        },
      ],
    });
  });

  it('column 200 (GR) is the last a guide may use; 201 (GS) is refused', async () => {
    const at = (col: number) =>
      sheetXlsx('Sheet1', [
        ['生效日期', '2026-01-01', { xml: `<c r="${colLetters(col)}1"><v>1</v></c>` }],
        ['岗位', '等级', '金额'],
        ['行政', '员级', 4000],
      ]);
    expect((await parseGuideWorkbook(at(200), 'a.xlsx')).ok).toBe(true);
    expect(await parseGuideWorkbook(at(201), 'b.xlsx')).toMatchObject({ ok: false, problems: [{ cell: 'Sheet1!GS1' }] });
  });

  it('<row> tags that never close are refused at the first, however long the sheet: 30,000 of them (2.5 MB) in well under a second', async () => {
    let rows = '';
    for (let r = 1; r <= 30_000; r++) rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>岗位${r}</t></is></c><c r="B${r}"><v>${r}</v></c>`;
    const started = performance.now();
    const r = await parseGuideWorkbook(craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml(`<sheetData>${rows}</sheetData>`) }] }), 'rows.xlsx');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r).toEqual({
      ok: false,
      problems: [{ cell: 'Sheet1!A1', message: '无法读取：工作表“Sheet1”第 1 行的 <row> 没有结束标记，文件已损坏 / unclosed row' }],
    });
  });

  it('a number in a date format is a date (46023 = 2026-01-01), so an amount typed into a date-formatted cell is refused', async () => {
    const r = await parseGuideWorkbook(
      craftXlsx({
        sheets: [
          {
            name: 'Sheet1',
            xml: worksheetXml(
              sheetDataXml([
                ['生效日期', { date: 46023 }],
                ['岗位', '等级', '金额'],
                ['行政', '员级', { date: 46023 }],
              ]),
            ),
          },
        ],
      }),
      'd.xlsx',
    );
    expect(r).toEqual({ ok: false, problems: [{ cell: 'Sheet1!C3', message: '金额“2026-01-01”不是数字' }] });
  });

  it('date formats are told by their codes, not by the letters in quotes or brackets', () => {
    expect(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'h:mm', '[$-F800]dddd, mmmm dd, yyyy', 'm/d/yy h:mm'].every(isDateFormat)).toBe(true);
    expect(['General', '0.00', '#,##0.00_);[Red](#,##0.00)', '0"户"', '0.0%', '@', '"m"0'].some(isDateFormat)).toBe(false);
  });
});
