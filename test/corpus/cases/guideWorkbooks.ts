import ExcelJS from 'exceljs';
import { type CraftCell, STYLES_XML, colLetters, craftXlsx, sharedStringsXml, sheetDataXml, sheetXlsx, workbookEntries, worksheetXml, zip } from '../craft';
import type { CorpusCase, CorpusExpect } from '../types';

/**
 * Pay-guide workbooks (excel.importGuide, docs/design.md §Excel workbooks): good ones in the shapes
 * real files come in, crafted ones that once crashed the host (a cell in column ZZZZZZ, a row
 * numbered 1,048,576,000, a cell at XFD1048576, <row> tags never closed), zip bombs and broken
 * zips, and guides with the mistakes people make. Each names the outcome: accepted with N guide
 * cells, or refused with a problem at a sheet cell (or the file) saying what is wrong.
 */

/** 生效日期 above the header, two guide rows: 2 cells */
const GUIDE: CraftCell[][] = [
  ['生效日期', '2026-01-01'],
  ['岗位', '等级', '金额'],
  ['一线社工', '社工师', 6500],
  ['督导', '高级社工师', 9000],
];

const withRow = (row: number, cells: CraftCell[]): CraftCell[][] => GUIDE.map((r, i) => (i === row - 1 ? cells : r));

function guide(name: string, about: string, bytes: () => Uint8Array | Promise<Uint8Array>, expect: CorpusExpect): CorpusCase {
  return { name, kind: 'guideWorkbook', fileName: `${name}.xlsx`, about, bytes, expect };
}

const ok = (count: number): CorpusExpect => ({ ok: true, count });
const bad = (where: string | RegExp | undefined, message: RegExp): CorpusExpect => ({ ok: false, where, message });

/** the guide's sheet with one more raw <c> appended to row 1 */
const guideWithCell = (cellXml: string) => sheetXlsx('Sheet1', withRow(1, ['生效日期', '2026-01-01', { xml: cellXml }]));

/** the guide's sheet XML with something placed before <sheetData> (a dimension) or after it (merges) */
const guideSheet = (before: string, after = '') => craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE) + after, before) }] });

async function exceljsBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const good: CorpusCase[] = [
  guide(
    'minimal-inline-strings',
    'the smallest guide: 生效日期, 岗位 | 等级 | 金额 and two rows, text as inline strings',
    () => sheetXlsx('Sheet1', GUIDE),
    ok(2),
  ),
  guide(
    'shared-strings',
    'the same guide with its text in sharedStrings.xml, as Excel writes it',
    () => {
      const strings = ['生效日期', '2026-01-01', '岗位', '等级', '金额', '一线社工', '社工师', '督导', '高级社工师'];
      const rows: CraftCell[][] = [
        [{ shared: 0 }, { shared: 1 }],
        [{ shared: 2 }, { shared: 3 }, { shared: 4 }],
        [{ shared: 5 }, { shared: 6 }, 6500],
        [{ shared: 7 }, { shared: 8 }, 9000],
      ];
      return sheetXlsx('Sheet1', rows, { sharedStrings: sharedStringsXml(strings) });
    },
    ok(2),
  ),
  guide(
    'namespace-prefixed-xml',
    'elements written with a prefix (<x:row>, <x:c>), as the Open XML SDK does',
    () => {
      const xml = worksheetXml(sheetDataXml(GUIDE))
        .replace('<worksheet xmlns=', '<x:worksheet xmlns:x=')
        .replace('</worksheet>', '</x:worksheet>')
        .replace(/<(\/?)(sheetData|row|c|is|t|v)\b/g, '<$1x:$2');
      return craftXlsx({ sheets: [{ name: 'Sheet1', xml }] });
    },
    ok(2),
  ),
  guide(
    'exceljs-published-layout',
    'a guide as a bureau publishes it (written by exceljs): title, merged two-row header, steps as columns, full-width digits',
    () =>
      exceljsBuffer((wb) => {
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
        ws.addRow([null, '社工师', '6,500.00', '６８００', '—']);
        ws.addRow(['督导', '高级社工师', 9000.5, 9300, 9600]);
      }),
    ok(8),
  ),
  guide(
    'effective-date-as-date-cell',
    '生效日期 typed as a date: 46023 in a date format is 2026-01-01',
    () => sheetXlsx('Sheet1', withRow(1, ['生效日期', { date: 46023 }])),
    ok(2),
  ),
  guide(
    'date1904-workbook',
    'a workbook on the 1904 date system (old Mac Excel): 44561 is 2026-01-01 there',
    () => sheetXlsx('Sheet1', withRow(1, ['生效日期', { date: 44561 }]), { date1904: true }),
    ok(2),
  ),
  guide(
    'help-sheet-first',
    'the template’s 填写说明 sheet first, the guide on 指导价',
    () =>
      craftXlsx({
        sheets: [
          { name: '填写说明', xml: worksheetXml(sheetDataXml([['岗位', '等级', '金额'], ['按模板填写']])) },
          { name: '指导价', xml: worksheetXml(sheetDataXml(GUIDE)) },
        ],
      }),
    ok(2),
  ),
  guide(
    'table-on-third-sheet',
    'a cover sheet and a notes sheet before the sheet that holds the table',
    () =>
      craftXlsx({
        sheets: [
          { name: '封面', xml: worksheetXml(sheetDataXml([['2026 年薪酬指导价'], ['某市民政局']])) },
          { name: '说明', xml: worksheetXml(sheetDataXml([['本表金额为税前应发工资']])) },
          { name: '表3', xml: worksheetXml(sheetDataXml(GUIDE)) },
        ],
      }),
    ok(2),
  ),
  guide(
    'chart-sheet-first',
    'a chart sheet before the data: it has no cells and is passed over',
    () =>
      craftXlsx({
        sheets: [
          { name: '图表', xml: '<chartsheet/>', chart: true },
          { name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE)) },
        ],
      }),
    ok(2),
  ),
  guide(
    'styled-empty-cells-to-column-200',
    'formatted but empty cells out to column GR (200): nothing is kept for them',
    () => guideWithCell(`<c r="${colLetters(200)}1" s="1"/>`),
    ok(2),
  ),
  guide(
    'formatted-empty-row-20000',
    'an empty, formatted row 20,000 (the last row a guide may use)',
    () =>
      craftXlsx({
        sheets: [{ name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE).replace('</sheetData>', '<row r="20000" ht="20" customHeight="1"/></sheetData>')) }],
      }),
    ok(2),
  ),
  guide(
    'bom-comments-cdata',
    'a byte-order mark, comments, a processing instruction and a DOCTYPE in the sheet XML',
    () => {
      const xml = worksheetXml(sheetDataXml(GUIDE)).replace('<worksheet', '<!DOCTYPE worksheet><?pi data?><!-- 注释 <row> --><worksheet');
      return craftXlsx({ sheets: [{ name: 'Sheet1', xml: `\uFEFF${xml}` }] });
    },
    ok(2),
  ),
  guide(
    'rich-text-and-phonetic',
    'a header in rich-text runs with a phonetic guide (<rPh>), joined as “岗位”',
    () => {
      const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>岗</t></r><r><rPr><b/></rPr><t>位</t></r><rPh sb="0" eb="1"><t>gǎng</t></rPh></si></sst>`;
      return sheetXlsx('Sheet1', withRow(2, [{ shared: 0 }, '等级', '金额']), { sharedStrings: sst });
    },
    ok(2),
  ),
  guide(
    'formula-cached-values',
    'amounts as formulas with their cached values (=6000+500 → 6500)',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', { xml: '<c r="C3"><f>6000+500</f><v>6500</v></c>' }])),
    ok(2),
  ),
  guide(
    'unclosed-si-is-ended-by-the-next',
    'shared strings whose </si> is missing: each is ended by the next <si>, in one pass',
    () => {
      const strings = ['生效日期', '2026-01-01', '岗位', '等级', '金额', '一线社工', '社工师', '督导', '高级社工师'];
      const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${s}</t>`).join('')}</sst>`;
      const rows: CraftCell[][] = [
        [{ shared: 0 }, { shared: 1 }],
        [{ shared: 2 }, { shared: 3 }, { shared: 4 }],
        [{ shared: 5 }, { shared: 6 }, 6500],
        [{ shared: 7 }, { shared: 8 }, 9000],
      ];
      return sheetXlsx('Sheet1', rows, { sharedStrings: sst });
    },
    ok(2),
  ),
  guide(
    'cdata-and-comment-in-text',
    'the header “岗位” written as <t><![CDATA[岗]]><!-- 注 -->位</t>',
    () => sheetXlsx('Sheet1', withRow(2, [{ xml: '<c r="A2" t="inlineStr"><is><t><![CDATA[岗]]><!-- 注 -->位</t></is></c>' }, '等级', '金额'])),
    ok(2),
  ),
  guide(
    'backslash-part-names',
    'parts named with backslashes (xl\\worksheets\\sheet1.xml), as some Windows tools write them',
    () =>
      zip(workbookEntries({ sheets: [{ name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE)) }] }).map((e) => ({ ...e, name: e.name.replace(/\//g, '\\') }))),
    ok(2),
  ),
  guide(
    'no-workbook-part',
    'xl/workbook.xml missing: the first worksheet is found at its usual place',
    () => sheetXlsx('Sheet1', GUIDE, { omit: ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'] }),
    ok(2),
  ),
  guide(
    '5000-rows',
    '5,000 guide rows (a large but real guide): read in well under a second',
    () => {
      const rows: CraftCell[][] = [
        ['生效日期', '2026-01-01'],
        ['岗位', '等级', '档次', '金额'],
      ];
      for (let i = 0; i < 5000; i++) rows.push([`岗位${Math.floor(i / 18) + 1}`, `${(i % 18) + 1}级`, 1, 4000 + i]);
      return sheetXlsx('Sheet1', rows);
    },
    ok(5000),
  ),
];

const limits: CorpusCase[] = [
  guide(
    'cell-in-column-ZZZZZZ',
    'the probe’s 2.5 KB workbook: one cell in column ZZZZZZ (321,272,406) once made exceljs allocate 1.9 GB',
    () => guideWithCell('<c r="ZZZZZZ1"><v>1</v></c>'),
    bad('Sheet1!ZZZZZZ1', /ZZZZZZ1.*上限 200 列/),
  ),
  guide(
    'cell-at-XFD1048576',
    'one cell at Excel’s last cell XFD1048576: refused at its column (16,384 > 200)',
    () => guideWithCell('<c r="XFD1048576"><v>1</v></c>'),
    bad('Sheet1!XFD1048576', /第 16,384 列.*上限 200 列/),
  ),
  guide(
    'row-1048576000',
    '<row r="1048576000">: beyond Excel’s grid, refused before anything is kept',
    () =>
      craftXlsx({
        sheets: [{ name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE).replace('</sheetData>', '<row r="1048576000"><c><v>1</v></c></row></sheetData>')) }],
      }),
    bad('Sheet1!A1048576000', /第 1,048,576,000 行.*上限 20,000 行/),
  ),
  guide(
    'row-20001',
    'an empty row 20,001: one past the guide limit',
    () => craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE).replace('</sheetData>', '<row r="20001"/></sheetData>')) }] }),
    bad('Sheet1!A20001', /第 20,001 行.*上限 20,000 行/),
  ),
  guide(
    'dimension-whole-grid',
    '<dimension ref="A1:XFD1048576">: the sheet claims all of Excel’s grid',
    () => guideSheet('<dimension ref="A1:XFD1048576"/>'),
    bad('Sheet1!XFD1048576', /上限/),
  ),
  guide(
    'dimension-column-ZZZZZZ',
    '<dimension ref="A1:ZZZZZZ9">: a column beyond Excel’s',
    () => guideSheet('<dimension ref="A1:ZZZZZZ9"/>'),
    bad('Sheet1!ZZZZZZ9', /上限 200 列/),
  ),
  guide('dimension-garbage', '<dimension ref="A1:!!">', () => guideSheet('<dimension ref="A1:!!"/>'), bad('Sheet1', /范围 A1:!! 无效/)),
  guide(
    'merge-whole-grid',
    '<mergeCell ref="A1:XFD1048576">: exceljs made a cell object for each of its 17 billion cells',
    () => guideSheet('', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    bad('Sheet1!A1:XFD1048576', /上限/),
  ),
  guide(
    'merge-area-over-cell-limit',
    'a merge A1:GR6000 (1,200,000 cells) within the row and column limits, beyond the 1,000,000-cell one',
    () => guideSheet('', '<mergeCells count="1"><mergeCell ref="A1:GR6000"/></mergeCells>'),
    bad('Sheet1!A1:GR6000', /超过 1,000,000 个单元格/),
  ),
  guide(
    'merge-garbage',
    '<mergeCell ref="A0:B">',
    () => guideSheet('', '<mergeCells count="1"><mergeCell ref="A0:B"/></mergeCells>'),
    bad('Sheet1', /合并单元格 A0:B 无效/),
  ),
  guide(
    'unclosed-rows-228kb',
    'the probe’s 228 KB sheet whose <row> tags never close (it took 108–131 s): refused at the first, in one pass',
    () => {
      let rows = '';
      for (let r = 1; r <= 3000; r++) rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>岗位${r}</t></is></c><c r="B${r}"><v>${r}</v></c>`;
      return craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml(`<sheetData>${rows}</sheetData>`) }] });
    },
    bad('Sheet1!A1', /第 1 行的 <row> 没有结束标记/),
  ),
  guide(
    'unclosed-cell',
    'a <c> never closed before the next <c>',
    () => sheetXlsx('Sheet1', withRow(3, [{ xml: '<c r="A3" t="inlineStr"><is><t>一线社工</t></is>' }, '社工师', 6500])),
    bad('Sheet1!A3', /单元格 A3 没有结束标记/),
  ),
  guide(
    'truncated-sheet-xml',
    'the sheet XML cut off inside a tag',
    () => craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE)).slice(0, 400) }] }),
    bad(undefined, /不完整/),
  ),
  guide(
    'sheet-ends-inside-a-row',
    'the sheet XML ends after a complete cell, inside its row',
    () => {
      const xml = worksheetXml(sheetDataXml(GUIDE));
      return craftXlsx({ sheets: [{ name: 'Sheet1', xml: xml.slice(0, xml.lastIndexOf('</c>') + 4) }] });
    },
    bad('Sheet1!A4', /中断|没有结束/),
  ),
  guide(
    'shared-string-index-past-end',
    't="s" with index 999 in a table of 3 strings',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', { shared: 999 }, 6500]), { sharedStrings: sharedStringsXml(['a', 'b', 'c']) }),
    bad('Sheet1!B3', /共享字符串 #999（共 3 条）/),
  ),
  guide(
    'shared-string-index-negative',
    't="s" with index -1',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', { shared: -1 }, 6500]), { sharedStrings: sharedStringsXml(['a']) }),
    bad('Sheet1!B3', /共享字符串 #-1/),
  ),
  guide(
    'shared-string-index-text',
    't="s" whose value is not a number',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', { xml: '<c r="B3" t="s"><v>abc</v></c>' }, 6500]), { sharedStrings: sharedStringsXml(['a']) }),
    bad('Sheet1!B3', /共享字符串 #abc/),
  ),
  guide(
    'shared-strings-count-2-billion',
    '<sst uniqueCount="2000000000">: refused before the strings are read',
    () => sheetXlsx('Sheet1', GUIDE, { sharedStrings: sharedStringsXml(['a'], 2_000_000_000) }),
    bad(undefined, /共享字符串超过 1,000,000 条/),
  ),
  guide(
    'rows-out-of-order',
    'row 5 written before row 3',
    () =>
      craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml('<sheetData><row r="5"><c><v>1</v></c></row><row r="3"><c><v>1</v></c></row></sheetData>') }] }),
    bad('Sheet1!A3', /第 3 行出现在第 5 行之后/),
  ),
  guide(
    'row-number-zero',
    '<row r="0">',
    () => craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml('<sheetData><row r="0"><c><v>1</v></c></row></sheetData>') }] }),
    bad('Sheet1', /无效的行号“0”/),
  ),
  guide(
    'row-number-text',
    '<row r="abc">',
    () => craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml('<sheetData><row r="abc"><c><v>1</v></c></row></sheetData>') }] }),
    bad('Sheet1', /无效的行号“abc”/),
  ),
  guide('cell-reference-without-column', '<c r="1A">', () => guideWithCell('<c r="1A"><v>1</v></c>'), bad('Sheet1!1A', /无效的单元格引用“1A”/)),
  guide(
    'cell-outside-any-row',
    'a <c> directly in <sheetData>',
    () => craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml('<sheetData><c r="A1"><v>1</v></c></sheetData>') }] }),
    bad('Sheet1', /不在任何行中/),
  ),
  guide(
    'reference-of-20000-letters',
    'a cell reference 20,000 letters long: refused, and the message quotes only its start',
    () => guideWithCell(`<c r="${'Z'.repeat(20_000)}1"><v>1</v></c>`),
    bad(/^Sheet1!Z{20}…$/, /工作表“Sheet1”引用了单元格 Z{20}…（第 ∞ 列）/),
  ),
  guide(
    'entity-expansion-doctype',
    'a “billion laughs” DOCTYPE: entities are never expanded, so the text stays “&lol9;” and no header is found',
    () => {
      let doctype = '<!DOCTYPE worksheet [<!ENTITY lol "lol">';
      for (let i = 1; i <= 9; i++) doctype += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
      doctype += ']>';
      const xml = worksheetXml(sheetDataXml(GUIDE).replace('<t>岗位</t>', '<t>&lol9;</t>'));
      return craftXlsx({ sheets: [{ name: 'Sheet1', xml: xml.replace('<worksheet', `${doctype}<worksheet`) }] });
    },
    bad('Sheet1!A1', /未找到指导价表头/),
  ),
  guide(
    'nested-100000-deep',
    '100,000 nested unknown elements inside a cell: scanned flat, no recursion',
    () => {
      const deep = '<x>'.repeat(100_000) + '</x>'.repeat(100_000);
      return sheetXlsx('Sheet1', withRow(4, ['督导', '高级社工师', { xml: `<c r="C4"><extLst>${deep}</extLst><v>9000</v></c>` }]));
    },
    ok(2),
  ),
];

/** the minimal guide's zip entries, for the cases that break the zip itself */
const entries = () => workbookEntries({ sheets: [{ name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE)) }] });
const NOT_XLSX = /无法读取：不是有效的 Excel 工作簿（\.xlsx）/;

const zips: CorpusCase[] = [
  guide('not-a-zip', 'text bytes named .xlsx', () => Buffer.from('这不是工作簿'.repeat(20)), bad(/\.xlsx$/, NOT_XLSX)),
  guide('empty-file', 'zero bytes', () => new Uint8Array(0), bad(/\.xlsx$/, NOT_XLSX)),
  guide(
    'old-xls-or-encrypted',
    'an OLE compound file (an .xls, or an xlsx with an opening password)',
    () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]),
    bad(/\.xlsx$/, /旧版 \.xls 或设有打开密码/),
  ),
  guide(
    'truncated-zip',
    'a good workbook cut in half: no central directory',
    () => {
      const b = craftXlsx({ sheets: [{ name: 'Sheet1', xml: worksheetXml(sheetDataXml(GUIDE)) }] });
      return b.subarray(0, Math.floor(b.length / 2));
    },
    bad(/\.xlsx$/, NOT_XLSX),
  ),
  guide(
    'zip-bomb-ratio',
    'a sheet padded with 8 MB of spaces that deflate ~1000:1',
    () =>
      zip(
        entries().map((e) =>
          e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: String(e.data).replace('<sheetData>', `<sheetData>${' '.repeat(8 * 1024 * 1024)}`) } : e,
        ),
      ),
    bad(undefined, /压缩比为 \d+:1.*超过上限 200:1，疑似压缩炸弹/),
  ),
  guide(
    'zip-declares-4-gb',
    'the directory declares a 4 GB sheet',
    () => zip(entries().map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: 0xfffffffe } : e))),
    bad(undefined, /sheet1\.xml 解压后有 4096 MB，超过指导价工作簿单个部件的上限 64 MB/),
  ),
  guide(
    'zip-declares-less-than-it-holds',
    'a sheet declared as 100 bytes that inflates to far more: inflating stops at the declared size',
    () => zip(entries().map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: 100 } : e))),
    bad(undefined, /解压后超过目录声明的 100 字节/),
  ),
  guide(
    'zip-1001-entries',
    '1,001 tiny parts',
    () => zip([...entries(), ...Array.from({ length: 1001 - entries().length }, (_, i) => ({ name: `xl/media/x${i}.bin`, data: 'x' }))]),
    bad(undefined, /1,001 个部件，超过指导价工作簿的上限 1,000/),
  ),
  guide(
    'zip-encrypted-entry',
    'a zip entry flagged as encrypted',
    () => zip(entries().map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, flags: 0x0801 } : e))),
    bad(undefined, /已加密/),
  ),
  guide(
    'zip-bzip2-method',
    'a part compressed with method 12 (bzip2)',
    () => zip(entries().map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, method: 12 } : e))),
    bad(undefined, /不支持的压缩方式 12/),
  ),
  guide('zip64-marker', 'an end record saying ZIP64 (0xFFFF entries)', () => zip(entries(), { eocdCount: 0xffff }), bad(undefined, /ZIP64/)),
  guide(
    'zip-directory-offset-wrong',
    'the end record points the directory past the end of the file',
    () => {
      const b = Buffer.from(zip(entries()));
      b.writeUInt32LE(b.length + 1000, b.length - 6);
      return b;
    },
    bad(undefined, /zip 目录已损坏/),
  ),
  guide(
    'zip-corrupt-deflate',
    'a sheet whose deflate stream is random bytes',
    () => {
      const b = Buffer.from(zip(entries().map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: 'x'.repeat(4000) } : e))));
      const at = b.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
      for (let i = at; i < at + 20; i++) b[i] = (i * 37) & 0xff;
      return b;
    },
    bad(undefined, /无法解压|不完整|已损坏|超过目录声明/),
  ),
  guide(
    'workbook-without-sheets',
    'a workbook.xml that lists no sheet',
    () =>
      zip(
        entries()
          .filter((e) => e.name !== 'xl/worksheets/sheet1.xml')
          .map((e) => (e.name === 'xl/workbook.xml' ? { ...e, data: '<workbook><sheets/></workbook>' } : e)),
      ),
    bad(/\.xlsx$/, /没有工作表/),
  ),
  guide(
    'sheet-part-missing',
    'workbook.xml names a sheet whose part is not in the zip',
    () => zip(entries().filter((e) => e.name !== 'xl/worksheets/sheet1.xml')),
    bad(/\.xlsx$/, /没有工作表/),
  ),
  guide(
    'styles-with-2-billion-style-ids',
    'a cell whose style index is 2,000,000,000: no such style, read as a plain number',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', { xml: '<c r="C3" s="2000000000"><v>6500</v></c>' }]), { styles: STYLES_XML }),
    ok(2),
  ),
];

const content: CorpusCase[] = [
  guide(
    'no-header',
    'a sheet with 姓名 | 金额 and no 岗位/等级',
    () =>
      sheetXlsx('表1', [
        ['姓名', '金额'],
        ['张三', 100],
      ]),
    bad('表1!A1', /未找到指导价表头/),
  ),
  guide('no-effective-date', 'the table without 生效日期', () => sheetXlsx('Sheet1', GUIDE.slice(1)), bad('Sheet1!A1', /未找到生效日期/)),
  guide(
    'amount-in-words',
    'an amount written 六千',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', '六千'])),
    bad('Sheet1!C3', /金额“六千”不是数字/),
  ),
  guide(
    'amount-as-date-cell',
    'an amount cell formatted as a date: 46023 shows as 2026-01-01 and is refused, not read as 46,023 yuan',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', { date: 46023 }])),
    bad('Sheet1!C3', /金额“2026-01-01”不是数字/),
  ),
  guide(
    'amount-negative',
    'an amount of -6500',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', -6500])),
    bad('Sheet1!C3', /金额“-6500”不能为负数/),
  ),
  guide(
    'amount-three-decimals',
    'an amount of 6500.123',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', '6500.123'])),
    bad('Sheet1!C3', /最多两位小数/),
  ),
  guide(
    'amount-error-value',
    'an amount cell holding #N/A',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', { xml: '<c r="C3" t="e"><v>#N/A</v></c>' }])),
    bad('Sheet1!C3', /金额“#N\/A”不是数字/),
  ),
  guide(
    'amount-boolean',
    'an amount cell holding TRUE',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', { xml: '<c r="C3" t="b"><v>1</v></c>' }])),
    bad('Sheet1!C3', /金额“true”不是数字/),
  ),
  guide(
    'amount-exponent',
    'an amount of 1e+21 (a number JavaScript prints with an exponent)',
    () => sheetXlsx('Sheet1', withRow(3, ['一线社工', '社工师', { xml: '<c r="C3"><v>1E+21</v></c>' }])),
    bad('Sheet1!C3', /不是数字/),
  ),
  guide(
    'duplicate-row',
    'the same post and grade twice',
    () => sheetXlsx('Sheet1', withRow(4, ['一线社工', '社工师', 6600])),
    bad('Sheet1!C4', /与 Sheet1!C3 重复/),
  ),
  guide('missing-grade', 'a row without its grade', () => sheetXlsx('Sheet1', withRow(4, ['督导', null, 9000])), bad('Sheet1!B4', /缺少等级/)),
  guide(
    'unit-conflict',
    '金额单位 元/年 above a header that says 元/月',
    () =>
      sheetXlsx('Sheet1', [
        ['生效日期', '2026-01-01'],
        ['金额单位', '元/年'],
        ['岗位', '等级', '金额（元/月）'],
        ['一线社工', '社工师', 6500],
      ]),
    bad('Sheet1!C3', /不一致/),
  ),
  guide(
    'coefficient-without-reference-wage',
    'a 系数 column and no 参考工资',
    () =>
      sheetXlsx('Sheet1', [
        ['生效日期', '2026-01-01'],
        ['岗位', '等级', '系数'],
        ['负责人', '十八级', 1.85],
      ]),
    bad('Sheet1!A1', /参考工资/),
  ),
  guide(
    'step-in-words',
    'a step written 甲',
    () =>
      sheetXlsx('Sheet1', [
        ['生效日期', '2026-01-01'],
        ['岗位', '等级', '档次', '金额'],
        ['督导', '高级', '甲', 8000],
      ]),
    bad('Sheet1!C3', /档次“甲”应为正整数/),
  ),
  guide('header-without-rows', 'the header and nothing under it', () => sheetXlsx('Sheet1', GUIDE.slice(0, 2)), bad('Sheet1!A3', /表头下没有任何指导价行/)),
  guide(
    'effective-to-before-from',
    '失效日期 2025-12-31 before 生效日期 2026-01-01',
    () =>
      sheetXlsx('Sheet1', [
        ['生效日期', '2026-01-01'],
        ['失效日期', '2025-12-31'],
        ['岗位', '等级', '金额'],
        ['一线社工', '社工师', 6500],
      ]),
    bad('Sheet1!B2', /早于生效日期/),
  ),
  guide(
    'effective-date-impossible',
    '生效日期 2026-02-30',
    () => sheetXlsx('Sheet1', withRow(1, ['生效日期', '2026-02-30'])),
    bad('Sheet1!B1', /生效日期“2026-02-30”应为日期/),
  ),
  guide(
    'only-allowance-sheet',
    'a workbook with only the 持证津贴 sheet',
    () =>
      sheetXlsx('持证津贴', [
        ['持证等级', '津贴标准'],
        ['社工师', 300],
      ]),
    bad('持证津贴!A1', /未找到指导价表头/),
  ),
  guide(
    'allowance-amount-bad',
    'a 持证津贴 amount written 三百',
    () => sheetXlsx('Sheet1', [...GUIDE, [], ['持证等级', '津贴标准'], ['社工师', '三百']]),
    bad('Sheet1!B7', /持证津贴金额“三百”不是数字/),
  ),
  guide(
    'text-with-control-escapes',
    'a post name with Excel’s _x0007_ escape (a control character) in it',
    () => sheetXlsx('Sheet1', withRow(3, ['一线_x0007_社工', '社工师', 6500])),
    ok(2),
  ),
];

export const guideWorkbookCases: CorpusCase[] = [...good, ...limits, ...zips, ...content];
