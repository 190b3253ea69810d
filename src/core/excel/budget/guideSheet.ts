import type { Worksheet } from 'exceljs';
import { coefficientMonthly } from '../../guides/cellValue';
import { cellKey } from '../../guides/distinctCells';
import { parseDecimal } from '../../money/decimal';
import type { InlineGuide } from '../../spec/budgetSpec';
import { ColumnWidths, MONEY_FORMAT, cellAddress, formula, num, text, wrappedLines } from '../cells';
import { BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, ROW_HEIGHT, TITLE_FONT, keepBlockWithTable, setWidths, titleRowHeight } from '../print';

/**
 * 薪酬指导价: the guide version the budget used — or, for a spec v2 budget across versions, every version in force
 * during the period, one block under the other (docs/design.md §Excel workbooks). Fixed cells are values; a
 * coefficient cell's monthly amount is a formula over the coefficient and the reference wage below its table,
 * rounded once to the fen as the core does (cellValue.ts). Staff lines reference column E of this sheet.
 */
export const GUIDE_FIRST_ROW = 3;
export const GUIDE_MONTHLY_COL = 5;
const COEFFICIENT_FORMAT = '0.00##';

export interface GuideBlockPlan {
  /** the block's title row (the guide's name); its header is the next row, its cells start the row after */
  titleRow: number;
  /** cellKey(post, grade, step) → row of its monthly amount */
  cellRows: Map<string, number>;
  /** `${kind}\u0000${qualification}` → rows of the allowances (a qualification may be listed twice) */
  allowanceRows: Map<string, number[]>;
  allowanceHeaderRow: number;
  infoFirstRow: number;
  wageRow: number | null;
  /** the block's last row */
  lastRow: number;
}

/** The first block's rows (the only block of a one-version budget), and every block in version order. */
export interface GuidePlan extends GuideBlockPlan {
  blocks: GuideBlockPlan[];
}

export const allowanceKey = (kind: 'monthly' | 'oneOff', qualification: string) => `${kind}\u0000${qualification}`;

export function planGuideSheet(guide: InlineGuide): GuidePlan {
  return planGuideSheets([guide]);
}

/** Several versions one under the other, a blank row between blocks; the first block is laid out as a single guide is. */
export function planGuideSheets(guides: readonly InlineGuide[]): GuidePlan {
  const blocks: GuideBlockPlan[] = [];
  let titleRow = 1;
  for (const guide of guides) {
    const block = planBlock(guide, titleRow);
    blocks.push(block);
    titleRow = block.lastRow + 2;
  }
  return { ...blocks[0]!, blocks };
}

function planBlock(guide: InlineGuide, titleRow: number): GuideBlockPlan {
  const firstRow = titleRow + GUIDE_FIRST_ROW - 1;
  const cellRows = new Map<string, number>();
  guide.rows.forEach((r, i) => cellRows.set(cellKey(r.post, r.grade, r.step), firstRow + i));
  const allowanceHeaderRow = firstRow + guide.rows.length + 1;
  const allowanceRows = new Map<string, number[]>();
  guide.allowances.forEach((a, i) => {
    const key = allowanceKey(a.kind, a.qualification);
    allowanceRows.set(key, [...(allowanceRows.get(key) ?? []), allowanceHeaderRow + 1 + i]);
  });
  const infoFirstRow = allowanceHeaderRow + 1 + guide.allowances.length + 1;
  // info rows: 发布单位, 文号, 生效日期, 金额口径, 来源, then the reference wage (name, amount, per)
  const wageRow = guide.referenceWage ? infoFirstRow + 6 : null;
  return { titleRow, cellRows, allowanceRows, allowanceHeaderRow, infoFirstRow, wageRow, lastRow: infoFirstRow + (guide.referenceWage ? 6 : 4) };
}

function headerRow(ws: Worksheet, values: string[]) {
  const row = ws.addRow(values);
  row.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = GRID;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  row.commit();
}

function bodyRow(ws: Worksheet, values: unknown[], moneyCols: number[]) {
  const row = ws.addRow(values);
  for (let c = 1; c <= 5; c++) {
    const cell = row.getCell(c);
    cell.font = BODY_FONT;
    cell.border = GRID;
  }
  for (const c of moneyCols) row.getCell(c).numFmt = MONEY_FORMAT;
  row.commit();
  return row;
}

const wageOf = (guide: InlineGuide) =>
  guide.referenceWage ? { name: guide.referenceWage.name, amount: parseDecimal(guide.referenceWage.amount), per: guide.referenceWage.per } : null;

/** a cell's monthly amount; the core refuses a coefficient without a wage */
const monthlyOf = (guide: InlineGuide, r: InlineGuide['rows'][number]) =>
  r.monthly !== undefined ? parseDecimal(r.monthly) : coefficientMonthly(parseDecimal(r.coefficient!), wageOf(guide)!);

function infoRows(guide: InlineGuide): [string, string | number][] {
  const info: [string, string | number][] = [
    ['发布单位', text(guide.issuer ?? '')],
    ['文号', text(guide.documentNo ?? '')],
    ['生效日期', guide.effectiveFrom ?? ''],
    ['金额口径', guide.includes === 'employerCost' ? '单位全部用人成本（已含单位缴费）' : '应发工资（单位缴费另计）'],
    ['来源', text(guide.source ?? '')],
  ];
  if (guide.referenceWage) {
    info.push(['参考工资', text(guide.referenceWage.name)]);
    info.push([guide.referenceWage.per === 'year' ? '参考工资金额（元/年）' : '参考工资金额（元/月）', num(parseDecimal(guide.referenceWage.amount))]);
  }
  return info;
}

/** A block's title: the guide's name, and for a version of several the date it holds from. */
const blockTitle = (guide: InlineGuide, several: boolean) =>
  several && guide.effectiveFrom ? `${guide.name}（自 ${guide.effectiveFrom} 起执行）` : guide.name;

export function writeGuideSheet(ws: Worksheet, guide: InlineGuide | readonly InlineGuide[], plan: GuidePlan): void {
  const guides: readonly InlineGuide[] = Array.isArray(guide) ? guide : [guide as InlineGuide];
  const several = guides.length > 1;
  const fit = new ColumnWidths([null, null, null, COEFFICIENT_FORMAT, MONEY_FORMAT]).header(['岗位', '等级', '档次', '系数', '金额（元/月）']);
  fit.header(['持证等级', '发放方式', '', '', '金额（元）']);
  for (const g of guides) {
    for (const r of g.rows) {
      fit.row([r.post, r.grade, r.step, r.coefficient === undefined ? null : parseDecimal(r.coefficient), monthlyOf(g, r)]);
    }
    for (const a of g.allowances) fit.row([a.qualification, a.kind === 'oneOff' ? '一次性（每人）' : '按月', null, null, parseDecimal(a.monthly)]);
    for (const [label] of infoRows(g)) fit.cell(1, label);
  }
  const widths = fit.widths([{ min: 12, max: 30 }, { min: 10, max: 30 }, { min: 6 }, { min: 8 }, { min: 14 }]);
  setWidths(ws, widths);
  const heights: number[] = [];
  guides.forEach((g, b) => {
    if (b > 0) {
      ws.addRow([]).commit();
      heights.push(ROW_HEIGHT);
    }
    heights.push(...writeBlock(ws, g, plan.blocks[b]!, widths, blockTitle(g, several)));
  });
  // the allowances and the guide's details stay on a page with guide rows
  keepBlockWithTable(ws, heights, { repeatedRows: 2, blockFrom: plan.blocks[plan.blocks.length - 1]!.allowanceHeaderRow - 1 });
}

/** One version's block; returns its rows' heights. */
function writeBlock(ws: Worksheet, guide: InlineGuide, plan: GuideBlockPlan, widths: number[], title: string): number[] {
  const wage = wageOf(guide);
  const info = infoRows(guide);
  // the info values are merged across B..E: the reference wage amount must fit there
  const valueWidth = widths.slice(1).reduce((a, b) => a + b, 0);
  const t = ws.addRow([text(title)]);
  t.height = titleRowHeight(title, widths);
  t.getCell(1).style = { font: TITLE_FONT, alignment: { vertical: 'middle', wrapText: true } };
  ws.mergeCells(plan.titleRow, 1, plan.titleRow, 5);
  t.commit();
  headerRow(ws, ['岗位', '等级', '档次', '系数', '金额（元/月）']);

  const firstRow = plan.titleRow + GUIDE_FIRST_ROW - 1;
  guide.rows.forEach((r, i) => {
    const rowNo = firstRow + i;
    let monthly;
    if (r.monthly !== undefined) monthly = num(parseDecimal(r.monthly));
    else {
      const w = `$B$${plan.wageRow}`;
      const d = cellAddress(4, rowNo);
      monthly = formula(wage!.per === 'year' ? `ROUND(${d}*${w}/12,2)` : `ROUND(${d}*${w},2)`, monthlyOf(guide, r));
    }
    const row = bodyRow(ws, [text(r.post), text(r.grade), r.step, r.coefficient === undefined ? null : num(parseDecimal(r.coefficient)), monthly], [5]);
    row.getCell(4).numFmt = COEFFICIENT_FORMAT;
  });

  ws.addRow([]).commit();
  headerRow(ws, ['持证等级', '发放方式', '', '', '金额（元）']);
  for (const a of guide.allowances) {
    bodyRow(ws, [text(a.qualification), a.kind === 'oneOff' ? '一次性（每人）' : '按月', null, null, num(parseDecimal(a.monthly))], [5]);
  }

  ws.addRow([]).commit();
  const heights = [t.height, ...new Array<number>(plan.infoFirstRow - plan.titleRow - 1).fill(ROW_HEIGHT)];
  for (const [label, value] of info) {
    const row = ws.addRow([label, value]);
    row.getCell(1).style = { font: HEADER_FONT, alignment: { vertical: 'top' } };
    row.getCell(2).font = BODY_FONT;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    if (typeof value === 'string') row.height = 15 * wrappedLines(value, valueWidth);
    if (typeof value === 'number') row.getCell(2).numFmt = MONEY_FORMAT;
    heights.push(Math.max(row.height ?? ROW_HEIGHT, ROW_HEIGHT));
    ws.mergeCells(row.number, 2, row.number, 5);
    row.commit();
  }
  return heights;
}
