import type { Worksheet } from 'exceljs';
import { type Finding, SEVERITY_ZH, type SeverityCounts, VERDICT_ZH, type Verdict } from '../../review/findings';
import { parseDecimal } from '../../money/decimal';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, num, text, wrappedLines } from '../cells';
import {
  A4,
  BODY_FONT,
  GRID,
  HEADER_FILL,
  HEADER_FONT,
  MIN_SCALE,
  ROW_HEIGHT,
  TITLE_FONT,
  onePageIfShort,
  setWidths,
  sheetOptions,
  titleRowHeight,
} from '../print';
import { commitRow } from '../streaming';
import { workbookBytes } from '../workbookBytes';

/**
 * 审核意见表 (docs/design.md §Excel workbooks, "Review"): a summary sheet of every bid reviewed (file, project, total,
 * verdict, counts by severity), then one sheet per bid with its findings and their cells, each table with an empty
 * 审核意见 column for the officer, and sign-off lines 审核人 / 复核人 / 日期. A4, as every workbook prints.
 */
export interface ReportBid {
  file: string;
  name: string;
  total: string | null;
  verdict: Verdict;
  counts: SeverityCounts;
  comparedWith?:
    | {
        guide: string | null;
        contributions: string | null;
        /** named by the officer, or found for the bid (in force at its first month) */
        guideBasis?: 'picked' | 'auto' | undefined;
        contributionsBasis?: 'picked' | 'auto' | undefined;
      }
    | undefined;
  findings: Finding[];
}

export interface ReportUnreadable {
  file: string;
  message: string;
}

export interface ReviewReportMeta {
  /** the report's date as printed, YYYY-MM-DD */
  date?: string | undefined;
}

export const REPORT_SUMMARY = '审核汇总';

/** The widest a table may be to print one A4 landscape page across at MIN_SCALE or more (10-point text at 8 points). */
const LEGIBLE_ACROSS = A4.landscape.across / MIN_SCALE;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** A wrapped row's height: 15 points a line, never under the default row. */
const wrappedHeight = (lines: number) => Math.max(ROW_HEIGHT, 15 * lines);
/** 文件, 项目名称 (or why a file could not be read), 明细表 and 审核意见 wrap within their columns */
const WRAPPED_SUMMARY = new Set([2, 3, 9, 10]);

/** What a bid was checked against, and how it was chosen: "…（2026 版，自 2026-01-01 起）— 审核人指定". */
function comparedText(what: string | null | undefined, basis: 'picked' | 'auto' | undefined): string {
  if (!what) return '（未对照）';
  const how = basis === 'picked' ? ' — 审核人指定' : basis === 'auto' ? ' — 按投标起始月自动选取' : '';
  return text(what + how);
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function bidSheetName(index: number, name: string, taken: Set<string>): string {
  const base = `${index + 1} ${name}`.replace(/[[\]:*?/\\']/g, '_').slice(0, 31);
  let candidate = base;
  for (let k = 2; taken.has(candidate); k++) candidate = `${base.slice(0, 31 - String(k).length - 1)}~${k}`;
  taken.add(candidate);
  return candidate;
}

function titleRow(ws: Worksheet, title: string, widths: number[]): number {
  const row = ws.addRow([text(title)]);
  row.height = titleRowHeight(title, widths);
  row.getCell(1).style = { font: TITLE_FONT, alignment: { vertical: 'middle', wrapText: true } };
  ws.mergeCells(row.number, 1, row.number, widths.length);
  row.commit();
  return row.height;
}

function headerRow(ws: Worksheet, headers: string[]): void {
  const row = ws.addRow(headers);
  row.height = 22;
  row.eachCell((cell) => {
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  row.commit();
}

function signOff(ws: Worksheet, date: string | undefined, cols: number): void {
  ws.addRow([]).commit();
  const values: (string | null)[] = new Array<string | null>(cols).fill(null);
  values[0] = '审核人：';
  values[Math.floor(cols / 2) - 1] = '复核人：';
  values[cols - 1] = `日期：${text(date ?? '')}`;
  const row = ws.addRow(values);
  row.height = 28;
  row.eachCell((cell) => (cell.style = { font: HEADER_FONT, alignment: { vertical: 'bottom' } }));
  row.commit();
}

function moneyCell(total: string | null): number | string {
  return total === null ? '（无法重算）' : num(parseDecimal(total));
}

function writeSummary(ws: Worksheet, bids: readonly ReportBid[], unreadable: readonly ReportUnreadable[], meta: ReviewReportMeta, sheetNames: string[]): void {
  const headers = ['序号', '文件', '项目名称', '预算总额（元）', '结论', '错误', '警告', '提示', '明细表', '审核意见'];
  const formats = [COUNT_FORMAT, null, null, MONEY_FORMAT, null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, null, null];
  const fit = new ColumnWidths(formats).header(headers);
  bids.forEach((b, i) => fit.row([i + 1, b.file, b.name, b.total === null ? null : num(parseDecimal(b.total)), VERDICT_ZH[b.verdict], 0, 0, 0, sheetNames[i]]));
  for (const u of unreadable) fit.row([null, u.file, null, null, '无法读取']);
  // file, project and sheet names wrap within their columns: with a total under 10 billion (17 wide) the table is at
  // most 6 + 20 + 24 + 17 + 10 + 3 × 6 + 16 + 20 = 131 across, one landscape page wide at 80 % or more
  const widths = fit.widths([
    { min: 6 },
    { min: 12, max: 20 },
    { min: 16, max: 24 },
    { min: 14 },
    { min: 8 },
    { min: 6 },
    { min: 6 },
    { min: 6 },
    { min: 10, max: 16 },
    { min: 20, max: 20 },
  ]);
  setWidths(ws, widths);
  const heights = [titleRow(ws, `预算审核意见表（共 ${bids.length + unreadable.length} 份）`, widths), 22];
  headerRow(ws, headers);
  const style = (col: number) => ({
    font: BODY_FONT,
    border: GRID,
    numFmt: formats[col - 1] ?? COUNT_FORMAT,
    alignment: { vertical: 'middle' as const, wrapText: WRAPPED_SUMMARY.has(col) },
  });
  const lines = (values: (string | null)[]) => Math.max(...values.map((v, i) => (v ? wrappedLines(v, widths[[2, 3, 9][i]! - 1]!) : 1)));
  bids.forEach((b, i) => {
    const row = ws.addRow([
      i + 1,
      text(b.file),
      text(b.name),
      moneyCell(b.total),
      VERDICT_ZH[b.verdict],
      b.counts.error,
      b.counts.warning,
      b.counts.info,
      sheetNames[i],
      '',
    ]);
    row.height = wrappedHeight(lines([b.file, b.name, sheetNames[i] ?? null]));
    for (let c = 1; c <= headers.length; c++) row.getCell(c).style = style(c);
    commitRow(ws, row);
    heights.push(row.height);
  });
  unreadable.forEach((u, i) => {
    const row = ws.addRow([bids.length + i + 1, text(u.file), text(u.message), null, '无法读取', null, null, null, null, '']);
    for (let c = 1; c <= headers.length; c++) row.getCell(c).style = style(c);
    row.height = wrappedHeight(lines([u.file, u.message, null]));
    commitRow(ws, row);
    heights.push(row.height);
  });
  signOff(ws, meta.date, headers.length);
  onePageIfShort(ws, [...heights, ROW_HEIGHT, 28]);
}

function writeBid(ws: Worksheet, bid: ReportBid, meta: ReviewReportMeta): void {
  const headers = ['序号', '级别', '代码', '位置', '说明', '应为', '实为', '审核意见'];
  const fit = new ColumnWidths(new Array(headers.length).fill(null)).header(headers);
  for (const f of bid.findings.slice(0, 2000)) fit.row([null, SEVERITY_ZH[f.severity], f.code, place(f), null, f.expected, f.found]);
  const widths = fit.widths([
    { min: 6 },
    { min: 6 },
    { min: 12, max: 30 },
    { min: 10, max: 20 },
    { min: 30, max: 60 },
    { min: 10, max: 16 },
    { min: 10, max: 16 },
    { min: 20, max: 20 },
  ]);
  // 说明 wraps: it takes what the other columns leave of a legible landscape page, 30 at the least
  widths[4] = Math.max(30, Math.min(widths[4]!, LEGIBLE_ACROSS - sum(widths) + widths[4]!));
  setWidths(ws, widths);
  const heights = [titleRow(ws, `${bid.name} 审核意见`, widths)];
  const info: [string, string | number][] = [
    ['文件', text(bid.file)],
    ['预算总额（元，重算）', moneyCell(bid.total)],
    ['结论', `${VERDICT_ZH[bid.verdict]}（错误 ${bid.counts.error} 项、警告 ${bid.counts.warning} 项、提示 ${bid.counts.info} 项）`],
    ['对照指导价', comparedText(bid.comparedWith?.guide, bid.comparedWith?.guideBasis)],
    ['对照缴费参数', comparedText(bid.comparedWith?.contributions, bid.comparedWith?.contributionsBasis)],
  ];
  for (const [label, value] of info) {
    const row = ws.addRow([label, null, null, value]);
    row.getCell(1).style = { font: HEADER_FONT, alignment: { vertical: 'top' } };
    ws.mergeCells(row.number, 1, row.number, 3);
    ws.mergeCells(row.number, 4, row.number, headers.length);
    row.getCell(4).style = {
      font: BODY_FONT,
      numFmt: typeof value === 'number' ? MONEY_FORMAT : COUNT_FORMAT,
      alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
    };
    // a long guide name with its version and 文号 wraps within the merged cells rather than being cut off
    row.height = wrappedHeight(typeof value === 'string' ? wrappedLines(value, sum(widths.slice(3))) : 1);
    row.commit();
    heights.push(row.height);
  }
  headerRow(ws, headers);
  heights.push(22);
  const styles = headers.map((_, i) => ({ font: BODY_FONT, border: GRID, alignment: { vertical: 'middle' as const, wrapText: i >= 3 } }));
  const rows = bid.findings.length
    ? bid.findings.map((f, i) => [i + 1, SEVERITY_ZH[f.severity], f.code, place(f), text(f.message), text(f.expected ?? ''), text(f.found ?? ''), ''])
    : [[1, '', '', '', '未发现问题', '', '', '']];
  for (const values of rows) {
    const row = ws.addRow(values);
    // the row is as tall as its longest wrapped text: 位置, 说明, 应为, 实为
    row.height = wrappedHeight(Math.max(...[3, 4, 5, 6].map((c) => wrappedLines(String(values[c]), widths[c]!))));
    for (let c = 1; c <= headers.length; c++) row.getCell(c).style = styles[c - 1]!;
    commitRow(ws, row);
    heights.push(row.height);
  }
  signOff(ws, meta.date, headers.length);
  onePageIfShort(ws, [...heights, ROW_HEIGHT, 28]);
}

const place = (f: Finding) => (f.sheet && f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? ''));

export async function reviewReportBuffer(bids: readonly ReportBid[], unreadable: readonly ReportUnreadable[], meta: ReviewReportMeta = {}): Promise<Buffer> {
  return workbookBytes({ useStyles: true, useSharedStrings: true }, async (wb) => {
    wb.creator = 'Paybench 社工薪酬与购买服务预算工作台';
    const taken = new Set<string>([REPORT_SUMMARY]);
    const names = bids.map((b, i) => bidSheetName(i, b.name, taken));
    const summary = wb.addWorksheet(REPORT_SUMMARY, sheetOptions({ headerRows: 2 }));
    writeSummary(summary, bids, unreadable, meta, names);
    await summary.commit();
    for (let i = 0; i < bids.length; i++) {
      const ws = wb.addWorksheet(names[i]!, sheetOptions({ headerRows: 7, titleRows: '7:7' }));
      writeBid(ws, bids[i]!, meta);
      await ws.commit();
    }
  });
}
