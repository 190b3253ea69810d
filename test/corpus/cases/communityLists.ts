import ExcelJS from 'exceljs';
import { type CraftCell, craftXlsx, encodeGbk, encodeUtf16, rowsXml, sharedStringsXml, sheetDataXml, sheetXlsx, worksheetXml } from '../craft';
import type { CorpusCase, CorpusExpect } from '../types';

/**
 * Community lists (plan.importCommunities; docs/community-template.md) as csv — in every encoding
 * Excel, WPS and Notepad save — and as xlsx: good lists, lists with the mistakes people make (a
 * date-formatted 户数 cell read as 46023 households must be refused, not planned), and crafted
 * files past the limits of COMMUNITY_LIMITS (200,000 rows, 200 columns, 20 MB, zip bombs).
 * Every problem names its row and column (第 N 行 户数（D 列）) or the sheet's cell.
 */
const HEADER = ['社区名称', '区', '街道', '户数', '常住人口', '老年人口占比', '城乡', '现有人数', '持证人数'];
const ROWS = [
  ['和平社区', '朝阳区', '和平街道', '4100', '9800', '28%', '城市', '11', '9'],
  ['幸福村', '朝阳区', '东坝乡', '800', '', '0.125', '农村', '', ''],
];

const csvText = (rows: string[][], sep = ',', eol = '\n') =>
  rows.map((r) => r.map((f) => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(sep)).join(eol) + eol;
const CSV = csvText([HEADER, ...ROWS]);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** the CSV's rows with row `n` (2 = the first community) given different fields */
const csvWith = (n: number, fields: string[]) => utf8(csvText([HEADER, ...ROWS.map((r, i) => (i === n - 2 ? fields : r))]));

function list(
  name: string,
  ext: 'csv' | 'xlsx' | 'txt' | 'xls',
  about: string,
  bytes: () => Uint8Array | Promise<Uint8Array>,
  expect: CorpusExpect,
): CorpusCase {
  return { name: `${ext}-${name}`, kind: 'communityList', fileName: `${name}.${ext}`, about, bytes, expect };
}

const ok = (count: number): CorpusExpect => ({ ok: true, count });
const bad = (where: string | RegExp | undefined, message: RegExp): CorpusExpect => ({ ok: false, where, message });

const csv: CorpusCase[] = [
  list('utf8', 'csv', 'UTF-8 without a byte-order mark', () => utf8(CSV), ok(2)),
  list('utf8-bom', 'csv', 'UTF-8 with a byte-order mark (Excel’s “CSV UTF-8”)', () => utf8(`\uFEFF${CSV}`), ok(2)),
  list('utf16le-bom', 'csv', 'UTF-16 LE with a mark (Excel’s “Unicode text”)', () => encodeUtf16(CSV, 'le', true), ok(2)),
  list('utf16be-bom', 'csv', 'UTF-16 BE with a mark', () => encodeUtf16(CSV, 'be', true), ok(2)),
  list('utf16le-no-bom', 'csv', 'UTF-16 LE without a mark, told by its zero bytes', () => encodeUtf16(CSV, 'le', false), ok(2)),
  list('gbk', 'csv', 'GBK, as Excel on a Chinese Windows saves “CSV”', () => encodeGbk(CSV), ok(2)),
  list('tab-separated', 'txt', 'tab-separated text (Excel’s “文本文件”)', () => utf8(csvText([HEADER, ...ROWS], '\t')), ok(2)),
  list(
    'crlf-and-quotes',
    'csv',
    'CRLF lines, a name with a comma, a quote and a line break in quotes',
    () => csvWith(2, ['和平,"东"\n社区', '朝阳区', '和平街道', '4100', '', '', '', '', '']),
    ok(2),
  ),
  list('cr-only', 'csv', 'old Mac line ends (CR only)', () => utf8(csvText([HEADER, ...ROWS], ',', '\r')), ok(2)),
  list(
    'english-headers-extra-columns',
    'csv',
    'English headers in another order and a column the importer ignores',
    () => utf8('households,name,street,district,note\n1250,Heping,S1,D1,x\n'),
    ok(1),
  ),
  list(
    'blank-lines',
    'csv',
    'blank lines between communities and at the end',
    () => utf8(`${csvText([HEADER, ROWS[0]!])}\n\n,,,,\n${csvText([ROWS[1]!])}\n\n`),
    ok(2),
  ),
  list('thousands-separators', 'csv', '户数 written "4,100"', () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '4,100', '', '', '', '', '']), ok(2)),
  list(
    'formula-text',
    'csv',
    'a name that looks like a formula (=1+1) is text',
    () => csvWith(2, ['=1+1', '朝阳区', '和平街道', '4100', '', '', '', '', '']),
    ok(2),
  ),
  list('empty', 'csv', 'zero bytes', () => new Uint8Array(0), bad('第 1 行（表头）', /文件是空的/)),
  list('header-only', 'csv', 'the header and no community', () => utf8(csvText([HEADER])), bad('第 2 行', /名单中没有社区/)),
  list('missing-households-column', 'csv', 'no 户数 column', () => utf8('社区名称,区,街道\n甲,乙,丙\n'), bad('第 1 行（表头）', /缺少必填列“户数”/)),
  list('duplicate-column', 'csv', '户数 twice', () => utf8('社区名称,区,街道,户数,户数\n甲,乙,丙,1,2\n'), bad('第 1 行 E 列', /与 D 列重复/)),
  list(
    'households-text',
    'csv',
    '户数 written 四千',
    () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '四千', '', '', '', '', '']),
    bad('第 2 行 户数（D 列）', /“四千”不是不小于 0 的整数/),
  ),
  list(
    'households-negative',
    'csv',
    '户数 -5',
    () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '-5', '', '', '', '', '']),
    bad('第 2 行 户数（D 列）', /不是不小于 0 的整数/),
  ),
  list(
    'households-fraction',
    'csv',
    '户数 12.5',
    () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '12.5', '', '', '', '', '']),
    bad('第 2 行 户数（D 列）', /“12\.5”不是/),
  ),
  list(
    'households-over-limit',
    'csv',
    '户数 10,000,001: more than the plan accepts',
    () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '10000001', '', '', '', '', '']),
    bad('第 2 行 户数（D 列）', /超过上限 10,000,000/),
  ),
  list(
    'households-400-digits',
    'csv',
    'a 400-digit 户数: refused, and quoted only in part',
    () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '9'.repeat(400), '', '', '', '', '']),
    bad('第 2 行 户数（D 列）', /超过上限/),
  ),
  list(
    'certified-over-current',
    'csv',
    '持证人数 5 with 现有人数 3',
    () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '4100', '', '', '', '3', '5']),
    bad('第 2 行 持证人数（I 列）', /持证人数 5 超过现有人数 3/),
  ),
  list(
    'share-over-one',
    'csv',
    '老年人口占比 130%',
    () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '4100', '', '130%', '', '', '']),
    bad('第 2 行 老年人口占比（F 列）', /0 到 1/),
  ),
  list(
    'urban-rural-unknown',
    'csv',
    '城乡 郊区',
    () => csvWith(2, ['和平社区', '朝阳区', '和平街道', '4100', '', '', '郊区', '', '']),
    bad('第 2 行 城乡（G 列）', /须为 城市 或 农村/),
  ),
  list(
    'name-201-characters',
    'csv',
    'a 201-character name',
    () => csvWith(2, ['社'.repeat(201), '朝阳区', '和平街道', '4100', '', '', '', '', '']),
    bad('第 2 行 社区名称（A 列）', /不能超过 200 个字符/),
  ),
  list(
    'name-empty',
    'csv',
    'a community without a name',
    () => csvWith(2, ['', '朝阳区', '和平街道', '4100', '', '', '', '', '']),
    bad('第 2 行 社区名称（A 列）', /不能为空/),
  ),
  list(
    '201-columns',
    'csv',
    'a header of 201 columns',
    () => utf8(`${[...HEADER, ...Array.from({ length: 192 }, (_, i) => `备注${i + 1}`)].join(',')}\n`),
    bad('第 1 行 GS 列', /上限 200 列/),
  ),
  list(
    '200001-rows',
    'csv',
    'a header and 200,000 more lines (blank ones count: they are rows of the file): one past the limit, refused where it starts',
    () => utf8(`社区名称,区,街道,户数\n甲,乙,丙,1\n${'\n'.repeat(199_999)}`),
    bad('第 200,001 行', /上限 200,000 行/),
  ),
  list(
    'unclosed-quote',
    'csv',
    'a quote opened in row 2 and never closed: the rest of the file is one field',
    () => utf8(`${csvText([HEADER])}"和平社区,朝阳区,和平街道,4100\n${'甲,乙,丙,1\n'.repeat(1000)}`),
    bad('第 2 行 区（B 列）', /不能为空/),
  ),
  list('utf32-bom', 'csv', 'UTF-32 with its mark', () => Buffer.concat([Buffer.from('fffe0000', 'hex'), Buffer.alloc(16)]), bad('文件', /UTF-32/)),
  list(
    'png-named-csv',
    'csv',
    'a PNG picture named .csv',
    () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]),
    bad('文件', /不是文本文件/),
  ),
  list('xlsx-named-csv', 'csv', 'a workbook saved with a .csv name', () => sheetXlsx('社区', [HEADER, ROWS[0]!]), bad('文件', /ZIP 压缩包/)),
  list(
    'latin1-bytes',
    'csv',
    'Latin-1 text (café): neither UTF-8 nor GBK',
    () => Buffer.from('name,district,street,households\ncaf\xe9,a,b,1\n', 'latin1'),
    bad('文件', /无法识别文件编码/),
  ),
  list(
    'utf8-bom-then-invalid',
    'csv',
    'a UTF-8 mark followed by bytes that are not UTF-8',
    () => Buffer.concat([Buffer.from('efbbbf', 'hex'), utf8('社区名称,区'), Buffer.from('ff', 'hex')]),
    bad('文件', /字节序标记/),
  ),
  list(
    '300-bad-rows',
    'csv',
    '300 bad rows: the first 200 problems are reported',
    () => utf8(`社区名称,区,街道,户数\n${'甲,乙,丙,x\n'.repeat(300)}`),
    bad('第 2 行 户数（D 列）', /“x”不是/),
  ),
  list('wrong-extension', 'xls', 'an .xls file name', () => utf8(CSV), bad('wrong-extension.xls', /只支持 \.xlsx 或 \.csv/)),
];

const XLSX_ROWS: CraftCell[][] = [
  HEADER,
  ['和平社区', '朝阳区', '和平街道', 4100, 9800, 0.28, '城市', 11, 9],
  ['幸福村', '朝阳区', '东坝乡', 800, null, 0.125, '农村', null, null],
];
const xlsxWith = (n: number, cells: CraftCell[], extra = {}) =>
  sheetXlsx(
    '社区',
    XLSX_ROWS.map((r, i) => (i === n - 1 ? cells : r)),
    extra,
  );
/** the list's sheet XML with something more in <sheetData> */
const xlsxPlus = (more: string) =>
  craftXlsx({ sheets: [{ name: '社区', xml: worksheetXml(sheetDataXml(XLSX_ROWS).replace('</sheetData>', `${more}</sheetData>`)) }] });

const xlsx: CorpusCase[] = [
  list('inline-strings', 'xlsx', 'the list with its text as inline strings', () => sheetXlsx('社区', XLSX_ROWS), ok(2)),
  list(
    'shared-strings',
    'xlsx',
    'the list with its text in sharedStrings.xml',
    () => {
      const strings = HEADER.concat(['和平社区', '朝阳区', '和平街道']);
      return sheetXlsx('社区', [HEADER.map((_, i) => ({ shared: i })), [{ shared: 9 }, { shared: 10 }, { shared: 11 }, 4100]], {
        sharedStrings: sharedStringsXml(strings),
      });
    },
    ok(1),
  ),
  list(
    'exceljs-written',
    'xlsx',
    'a list written by exceljs',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('社区名单');
      ws.addRow(HEADER);
      ws.addRow(['和平社区', '朝阳区', '和平街道', 4100, 9800, 0.28, '城市', 11, 9]);
      ws.addRow(['幸福村', '朝阳区', '东坝乡', 800, null, 0.125, '农村', null, null]);
      ws.addRow(['东坝社区', '朝阳区', '东坝乡', 1200]);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    },
    ok(3),
  ),
  list(
    'households-as-date',
    'xlsx',
    '户数 in a date format: 46023 shows as 2026-01-01 and must not become 46,023 households',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', { date: 46023 }]),
    bad('第 2 行 户数（D 列）', /单元格格式是日期（显示为 2026-01-01）/),
  ),
  list(
    'households-as-chinese-date',
    'xlsx',
    '户数 in a custom 2026年1月1日 format',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', { xml: '<c r="D2" s="2"><v>46023</v></c>' }]),
    bad('第 2 行 户数（D 列）', /日期/),
  ),
  list(
    'staff-as-date-1904',
    'xlsx',
    '现有人数 in a date format on the 1904 system',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', 4100, null, null, null, { date: 11 }], { date1904: true }),
    bad('第 2 行 现有人数（H 列）', /显示为 1904-01-12/),
  ),
  list(
    'share-as-date',
    'xlsx',
    '老年人口占比 in a date format',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', 4100, null, { date: 0.28 }]),
    bad('第 2 行 老年人口占比（F 列）', /日期/),
  ),
  list(
    'numbers-as-text',
    'xlsx',
    '户数 typed as text "4100" (a green triangle in Excel)',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', '4100']),
    ok(2),
  ),
  list(
    'households-boolean',
    'xlsx',
    '户数 holding TRUE',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', { xml: '<c r="D2" t="b"><v>1</v></c>' }]),
    bad('第 2 行 户数（D 列）', /“TRUE”不是/),
  ),
  list(
    'households-error-value',
    'xlsx',
    '户数 holding #DIV/0!',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', { xml: '<c r="D2" t="e"><v>#DIV/0!</v></c>' }]),
    bad('第 2 行 户数（D 列）', /“#DIV\/0!”不是/),
  ),
  list(
    'households-formula',
    'xlsx',
    '户数 as a formula with its cached value',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', { xml: '<c r="D2"><f>4000+100</f><v>4100</v></c>' }]),
    ok(2),
  ),
  list(
    'rows-with-gaps',
    'xlsx',
    'communities on rows 5 and 9, the rows between absent from the XML',
    () =>
      craftXlsx({
        sheets: [
          { name: '社区', xml: worksheetXml(`<sheetData>${rowsXml([HEADER])}${rowsXml([XLSX_ROWS[1]!], 5)}${rowsXml([XLSX_ROWS[2]!], 9)}</sheetData>`) },
        ],
      }),
    ok(2),
  ),
  list(
    'title-above-header',
    'xlsx',
    'a title row above the header: it is taken as the header',
    () => sheetXlsx('社区', [['2026 年社区名单'], ...XLSX_ROWS]),
    bad('第 1 行（表头）', /缺少必填列/),
  ),
  list('empty-sheet', 'xlsx', 'a sheet with no cells', () => sheetXlsx('社区', []), bad('第 1 行（表头）', /工作表是空的/)),
  list(
    'chart-sheet-first',
    'xlsx',
    'a chart sheet before the list',
    () =>
      craftXlsx({
        sheets: [
          { name: '图', xml: '<chartsheet/>', chart: true },
          { name: '社区', xml: worksheetXml(sheetDataXml(XLSX_ROWS)) },
        ],
      }),
    ok(2),
  ),
  list(
    'second-sheet-broken',
    'xlsx',
    'a second sheet with unclosed rows: only the first sheet is read',
    () =>
      craftXlsx({
        sheets: [
          { name: '社区', xml: worksheetXml(sheetDataXml(XLSX_ROWS)) },
          { name: '备注', xml: worksheetXml(`<sheetData>${'<row><c><v>1</v></c>'.repeat(1000)}</sheetData>`) },
        ],
      }),
    ok(2),
  ),
  list(
    'cell-in-column-ZZZZZZ',
    'xlsx',
    'one cell in column ZZZZZZ',
    () => xlsxPlus('<row r="4"><c r="ZZZZZZ4"><v>1</v></c></row>'),
    bad('社区!ZZZZZZ4', /ZZZZZZ4.*上限 200 列/),
  ),
  list('row-1048576000', 'xlsx', '<row r="1048576000">', () => xlsxPlus('<row r="1048576000"/>'), bad('社区!A1048576000', /第 1,048,576,000 行/)),
  list('row-200001', 'xlsx', 'an empty row 200,001', () => xlsxPlus('<row r="200001"/>'), bad('社区!A200001', /上限 200,000 行/)),
  list(
    'unclosed-rows',
    'xlsx',
    '3,000 <row> tags never closed (the probe took 108–131 s on such a file)',
    () =>
      craftXlsx({
        sheets: [
          {
            name: '社区',
            xml: worksheetXml(
              `<sheetData>${Array.from({ length: 3000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>社区${r}</t></is></c>`).join('')}</sheetData>`,
            ),
          },
        ],
      }),
    bad('社区!A1', /第 1 行的 <row> 没有结束标记/),
  ),
  list(
    'shared-string-past-end',
    'xlsx',
    'a shared-string index past the end',
    () => xlsxWith(2, ['和平社区', '朝阳区', '和平街道', { shared: 7 }], { sharedStrings: sharedStringsXml(['x']) }),
    bad('社区!D2', /共享字符串 #7（共 1 条）/),
  ),
  list(
    'zip-bomb',
    'xlsx',
    'a sheet padded with 8 MB of spaces (~1000:1)',
    () =>
      craftXlsx({ sheets: [{ name: '社区', xml: worksheetXml(sheetDataXml(XLSX_ROWS).replace('<sheetData>', `<sheetData>${' '.repeat(8 * 1024 * 1024)}`)) }] }),
    bad('文件', /疑似压缩炸弹/),
  ),
  list(
    'declares-300-mb',
    'xlsx',
    'a sheet the directory declares as 300 MB',
    () =>
      craftXlsx({
        sheets: [{ name: '社区', xml: worksheetXml(sheetDataXml(XLSX_ROWS)) }],
        extra: [{ name: 'xl/worksheets/sheet1.xml', data: worksheetXml(sheetDataXml(XLSX_ROWS)), declaredSize: 300 * 1024 * 1024 }],
      }),
    bad('文件', /300 MB，超过社区名单单个部件的上限 192 MB/),
  ),
  list('not-a-zip', 'xlsx', 'csv text saved with an .xlsx name', () => utf8(CSV), bad('文件', /不是有效的 xlsx 文件/)),
];

export const communityListCases: CorpusCase[] = [...csv, ...xlsx];
