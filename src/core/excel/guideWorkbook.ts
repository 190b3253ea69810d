import ExcelJS from 'exceljs';
import type { GuideVersion, PayGuide } from '../guides/schema';
import { parseDecimal } from '../money/decimal';
import { ColumnWidths, MONEY_FORMAT, num, text, wrappedLines } from './cells';
import { ALLOWANCE_SHEET, GUIDE_SHEET, HELP_SHEET, INCLUDES_TEXT, INFO_LABELS, type InfoKey, KIND_TEXT, UNIT_TEXT } from './guide/labels';
import { A4, BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, ROW_HEIGHT, TITLE_FONT, onePageIfShort, setWidths, sheetOptions, titleRowHeight } from './print';

/**
 * A pay-guide version in the import template (docs/guide-template.md): sheet 指导价 with the
 * version's details as label | value rows above a long table 岗位 | 等级 | 档次 | 金额 | 系数,
 * sheet 持证津贴, and 填写说明. What this writes, guideImport.ts reads back unchanged.
 */
export type GuideHeader = Pick<PayGuide, 'name'> & Partial<Pick<PayGuide, 'issuer' | 'region'>>;

export const TABLE_HEADER_ROW = 2 + Object.keys(INFO_LABELS).length + 1;

const HELP = [
  '薪酬指导价导入模板 填写说明',
  '',
  '1. “指导价”表上方逐行填写：指导价名称、发布单位、地区、版本名称、生效日期（如 2026-01-01）、失效日期（可空）、文号、金额口径、金额单位、参考工资、来源、备注。',
  '2. 金额口径填“应发工资”（单位缴费另计）或“单位全部用人成本”（已含单位缴费）。',
  '3. 金额单位填“元/月”或“元/年”；未填写时按“元/月”处理。元/年的金额在编制预算时除以 12 四舍五入到分。',
  '4. 表格每行一个岗位 × 等级 × 档次：金额与系数二者填一项。填系数时，月额 = 系数 × 参考工资（须在“参考工资”一栏写明其名称）。',
  '5. 档次可空（视为 1 档），也可写“第二档”“2档”等。金额可带千分位（6,500.00）或全角数字（６５００）。',
  '6. “持证津贴”表：持证等级、金额、发放方式（按月 / 一次性）。按月津贴的单位同上；一次性津贴为每人一次的金额。',
  '7. 也可直接导入正式发布的表格：表头上方可有标题行，表头可有合并单元格，档次可作为列（一档、二档……）。',
  '8. 导入时逐格检查，任何一处有误都不会写入，并指出“表名!单元格”及原因。',
];

function styleHeader(row: ExcelJS.Row) {
  row.eachCell((cell) => {
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center', vertical: 'middle' } };
  });
}

function infoValue(key: InfoKey, guide: GuideHeader, v: GuideVersion): string {
  switch (key) {
    case 'name':
      return guide.name;
    case 'issuer':
      return guide.issuer ?? '';
    case 'region':
      return guide.region ?? '';
    case 'label':
      return v.label;
    case 'effectiveFrom':
      return v.effectiveFrom;
    case 'effectiveTo':
      return v.effectiveTo ?? '';
    case 'documentNo':
      return v.documentNo;
    case 'includes':
      return INCLUDES_TEXT[v.includes];
    case 'unit':
      return UNIT_TEXT[v.unit];
    case 'referenceWage':
      return v.referenceWage ?? '';
    case 'source':
      return v.source;
    case 'notes':
      return v.notes;
  }
}

const COEFFICIENT_FORMAT = '0.00######';

/** The heights of a sheet's rows so far, in points (a row left at the default counts ROW_HEIGHT). */
const rowHeights = (ws: ExcelJS.Worksheet) => {
  const heights: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => heights.push(row.height ?? ROW_HEIGHT));
  return heights;
};

export function buildGuideWorkbook(guide: GuideHeader, version: GuideVersion): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Paybench 社工薪酬与购买服务预算工作台';
  const opts = sheetOptions({ headerRows: 1 });
  const ws = wb.addWorksheet(GUIDE_SHEET, { ...opts, views: [] });
  // the details above the table print once; the table's header row repeats on every page
  ws.pageSetup.printTitlesRow = `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`;
  const tableHeader = ['岗位', '等级', '档次', `金额（${UNIT_TEXT[version.unit]}）`, '系数'];
  const fit = new ColumnWidths([null, null, null, MONEY_FORMAT, COEFFICIENT_FORMAT]).header(tableHeader);
  for (const key of Object.keys(INFO_LABELS) as InfoKey[]) fit.cell(1, INFO_LABELS[key][0]!);
  for (const c of version.cells) {
    fit.row([
      c.post,
      c.grade,
      c.step,
      c.amount === undefined ? null : parseDecimal(c.amount),
      c.coefficient === undefined ? null : parseDecimal(c.coefficient),
    ]);
  }
  const widths = fit.widths([{ min: 12, max: 30 }, { min: 12, max: 40 }, { min: 6 }, { min: 14 }, { min: 10 }]);
  setWidths(ws, widths);
  ws.columns.forEach((c) => (c.style = { font: BODY_FONT }));
  const title = ws.addRow([text(`${guide.name}（${version.label}）`)]);
  title.getCell(1).style = { font: TITLE_FONT, alignment: { vertical: 'middle', wrapText: true } };
  title.height = titleRowHeight(title.getCell(1).text, widths);
  ws.mergeCells(1, 1, 1, 5);
  const valueWidth = widths.slice(1).reduce((w, c) => w + c, 0); // B..E, merged
  (Object.keys(INFO_LABELS) as InfoKey[]).forEach((key) => {
    const value = text(infoValue(key, guide, version));
    const row = ws.addRow([INFO_LABELS[key][0]!, value]);
    row.getCell(1).style = { font: HEADER_FONT, alignment: { vertical: 'top' } };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = 15 * wrappedLines(value, valueWidth);
    ws.mergeCells(row.number, 2, row.number, 5);
  });
  ws.addRow([]);
  const header = ws.addRow(tableHeader);
  styleHeader(header);
  for (const c of version.cells) {
    const row = ws.addRow([
      text(c.post),
      text(c.grade),
      c.step,
      c.amount === undefined ? null : num(parseDecimal(c.amount)),
      c.coefficient === undefined ? null : num(parseDecimal(c.coefficient)),
    ]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = GRID));
    row.getCell(4).numFmt = MONEY_FORMAT;
    row.getCell(5).numFmt = COEFFICIENT_FORMAT;
  }
  onePageIfShort(ws, rowHeights(ws));

  const aw = wb.addWorksheet(ALLOWANCE_SHEET, sheetOptions({ headerRows: 1 }));
  const allowanceHeader = ['持证等级', '金额', '发放方式'];
  const afit = new ColumnWidths([null, MONEY_FORMAT, null]).header(allowanceHeader);
  for (const a of version.allowances) afit.row([a.qualification, parseDecimal(a.amount), KIND_TEXT[a.kind]]);
  setWidths(aw, afit.widths([{ min: 14, max: 30 }, { min: 14 }, { min: 12 }]));
  aw.columns.forEach((c) => (c.style = { font: BODY_FONT }));
  styleHeader(aw.addRow(allowanceHeader));
  for (const a of version.allowances) {
    const row = aw.addRow([text(a.qualification), num(parseDecimal(a.amount)), KIND_TEXT[a.kind]]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = GRID));
    row.getCell(2).numFmt = MONEY_FORMAT;
  }
  onePageIfShort(aw, rowHeights(aw));

  const help = wb.addWorksheet(HELP_SHEET, { ...sheetOptions({ headerRows: 1, portrait: true, titleRows: null }), views: [] });
  const helpWidth = A4.portrait.across;
  help.columns = [{ width: helpWidth, style: { font: BODY_FONT, alignment: { wrapText: true, vertical: 'top' } } }];
  HELP.forEach((line, i) => {
    const row = help.addRow([line]);
    row.height = i === 0 ? 24 : 15 * wrappedLines(line, helpWidth);
    if (i === 0) row.getCell(1).font = TITLE_FONT;
  });
  return wb;
}

export async function guideWorkbookBuffer(guide: GuideHeader, version: GuideVersion): Promise<Buffer> {
  return Buffer.from(await buildGuideWorkbook(guide, version).xlsx.writeBuffer());
}

/** The empty template to start from: two example rows, one allowance, every detail labelled. */
export async function guideTemplateBuffer(): Promise<Buffer> {
  return guideWorkbookBuffer(
    { name: '某市社会工作者薪酬指导价', issuer: '某市民政局', region: '某市' },
    {
      label: '2026 版',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      documentNo: '',
      includes: 'gross',
      unit: 'month',
      referenceWage: null,
      source: '（示例，请替换为正式文件）',
      notes: '',
      cells: [
        { post: '一线社工', grade: '助理社工师', step: 1, amount: '5200.00' },
        { post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' },
      ],
      allowances: [{ qualification: '社工师', amount: '300.00', kind: 'monthly' }],
    },
  );
}
