import type { AddWorksheetOptions, Borders, Fill, Font, RowBreak, Worksheet } from 'exceljs';
import { columnLetter, wrappedLines } from './cells';

/**
 * How every sheet prints (docs/design.md §Excel workbooks): A4, as large as the page allows, the
 * header rows repeated on each page, "第 X 页 共 Y 页" in the footer, panes frozen below the header.
 * A finance bureau files the printout, so this is part of the contract, not decoration.
 */
export interface PrintOptions {
  /** rows frozen on screen and, unless `titleRows` says otherwise, repeated on every printed page */
  headerRows: number;
  /** columns frozen on screen (the row labels) */
  frozenColumns?: number;
  portrait?: boolean;
  /** shrink to one page tall as well (the summary, whose sign-off line must not fall onto a page of its own) */
  onePage?: boolean;
  /** rows repeated on every printed page, e.g. "2:2"; null for none; default `1:headerRows` */
  titleRows?: string | null;
}

export const FONT_NAME = '宋体';
export const BODY_FONT: Partial<Font> = { name: FONT_NAME, size: 10 };
export const HEADER_FONT: Partial<Font> = { name: FONT_NAME, size: 10, bold: true };
export const TITLE_FONT: Partial<Font> = { name: FONT_NAME, size: 14, bold: true };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
export const TOTAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };
const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
export const GRID: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const FOOTER = '&C第 &P 页 共 &N 页';

/** Row height (points) of a row the writer leaves at the default. */
export const ROW_HEIGHT = 18;

/**
 * What an A4 page holds at 100 % inside the margins below: column width units across (as
 * LibreOffice measures them, about 7 pt a unit, the widest of the spreadsheets we print with) and
 * points down (less the page footer). A little short of the real page, so that an estimate from
 * these never overflows it.
 */
export const A4 = {
  portrait: { across: 74, down: 740 },
  landscape: { across: 108, down: 490 },
} as const;

/** The smallest print scale we allow: 10-point text prints at 8 points or more. */
export const MIN_SCALE = 0.8;

export function sheetOptions(opts: PrintOptions): Partial<AddWorksheetOptions> {
  const titleRows = opts.titleRows === undefined ? `1:${opts.headerRows}` : opts.titleRows;
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: opts.portrait ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: opts.onePage ? 1 : 0, // 0: as many pages down as the rows need
      horizontalCentered: true,
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: FOOTER, evenFooter: FOOTER },
    views: [{ state: 'frozen', xSplit: opts.frozenColumns ?? 0, ySplit: opts.headerRows, showGridLines: true }],
    properties: { defaultRowHeight: ROW_HEIGHT } as AddWorksheetOptions['properties'],
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Sets a sheet's columns and turns its page to suit them: portrait when they fit a portrait page at
 * full size, landscape otherwise (still one page wide, shrunk if need be). A sheet written with
 * `portrait` stays portrait.
 */
export function setWidths(ws: Worksheet, widths: readonly number[]): void {
  ws.columns = widths.map((width) => ({ width }));
  if (ws.pageSetup.orientation !== 'portrait') ws.pageSetup.orientation = sum(widths) <= A4.portrait.across ? 'portrait' : 'landscape';
}

/** Whether rows of these heights (points, the repeated ones included) fit one page at MIN_SCALE or more. */
function fitsOnePage(ws: Worksheet, heights: readonly number[]): boolean {
  const page = ws.pageSetup.orientation === 'portrait' ? A4.portrait : A4.landscape;
  return sum(heights) <= page.down / MIN_SCALE;
}

/**
 * A sheet whose rows fit one page at MIN_SCALE or more is printed on one page, shrunk if need be:
 * its last rows then never fall alone onto a page under the repeated header.
 * `heights` are the points of every printed row, the repeated ones included.
 */
export function onePageIfShort(ws: Worksheet, heights: readonly number[]): void {
  if (fitsOnePage(ws, heights)) ws.pageSetup.fitToHeight = 1;
}

/** `&` starts a code in a page header: a user's text is written with it doubled. */
const headerText = (s: string) => s.replace(/&/g, '&&');

export interface AcrossOptions {
  /** the row labels (序号, 岗位, 等级 …), repeated at the left of every page across */
  keyColumns: number;
  /** printed rows: from the header row (the title row above it goes into the page header instead) */
  firstRow: number;
  lastRow: number;
  /** the sheet's title, printed at the top of every page */
  title: string;
}

/**
 * A table too wide for one page at a legible size (人员经费明细 with many contribution items, 社区测算
 * with many post types) is printed several pages across, landscape: the key columns repeat on the
 * left of every page and the header row on top, pages run across then down, and the scale stays at
 * MIN_SCALE or more. The sheet's own title row is left out of the print area (on the pages to the
 * right it would be a cut-off fragment) and printed in the page header of every page instead.
 * A table that fits one page is left as setWidths turned it. Returns the pages across.
 */
export function printAcross(ws: Worksheet, widths: readonly number[], opts: AcrossOptions): number {
  const total = sum(widths);
  if (total <= A4.landscape.across / MIN_SCALE) {
    ws.pageSetup.fitToWidth = 1;
    return 1;
  }
  const key = sum(widths.slice(0, opts.keyColumns));
  const perPage = A4.landscape.across / MIN_SCALE - key; // what a page holds besides the key columns, at the smallest scale
  const pages = Math.max(2, Math.ceil((total - key) / Math.max(1, perPage)));
  const last = columnLetter(widths.length);
  ws.pageSetup.orientation = 'landscape';
  ws.pageSetup.fitToWidth = pages;
  ws.pageSetup.printTitlesColumn = `A:${columnLetter(opts.keyColumns)}`;
  ws.pageSetup.printTitlesRow = `${opts.firstRow}:${opts.firstRow}`;
  // exceljs writes "$" before each corner as given: "A$2" comes out as the absolute "$A$2"
  ws.pageSetup.printArea = `A$${opts.firstRow}:${last}$${opts.lastRow}`;
  ws.pageSetup.pageOrder = 'overThenDown';
  const header = `&C&B&12${headerText(opts.title)}`;
  ws.headerFooter.oddHeader = header;
  ws.headerFooter.evenHeader = header;
  return pages;
}

/** A 14-point title is about 1.4 times as wide as body text. */
const TITLE_SCALE = 1.4;

/**
 * A title row merged across the table, wrapped when it is wider than the table (a long project
 * name must not be cut off at the page's edge): its height in points for that many lines.
 */
export function titleRowHeight(title: string, widths: readonly number[]): number {
  return 24 * wrappedLines(title, sum(widths) / TITLE_SCALE);
}

/**
 * Lays out a sheet whose table is followed by a closing block (the allowances and the guide's
 * details under 薪酬指导价, the parameters under 岗位结构) so that the block never prints alone
 * on a page under the repeated header. A sheet that fits one page at MIN_SCALE or more is shrunk
 * onto one page. A longer one gets every page break set by hand, from row heights estimated on
 * the high side (so the spreadsheet never needs a break of its own between ours), and the last
 * break moved up when the block would otherwise begin a page: `keepWith` table rows go with it.
 * `heights[i]` is row i+1's height in points; rows 1..repeatedRows are repeated on every page;
 * the block begins at row `blockFrom`.
 */
export function keepBlockWithTable(ws: Worksheet, heights: readonly number[], opts: { repeatedRows: number; blockFrom: number; keepWith?: number }): void {
  if (fitsOnePage(ws, heights)) {
    ws.pageSetup.fitToHeight = 1;
    return;
  }
  const page = ws.pageSetup.orientation === 'portrait' ? A4.portrait : A4.landscape;
  const room = page.down - sum(heights.slice(0, opts.repeatedRows));
  const breaks: number[] = []; // a break after row n
  let used = 0;
  for (let r = opts.repeatedRows + 1; r <= heights.length; r++) {
    const h = heights[r - 1]!;
    if (used + h > room && used > 0) {
      breaks.push(r - 1);
      used = 0;
    }
    used += h;
  }
  const last = breaks.length - 1;
  const firstOfLastPage = last >= 0 ? breaks[last]! + 1 : opts.repeatedRows + 1;
  if (last >= 0 && firstOfLastPage >= opts.blockFrom) {
    const earlier = opts.blockFrom - 1 - (opts.keepWith ?? 3);
    breaks[last] = Math.max(earlier, (breaks[last - 1] ?? opts.repeatedRows) + 1);
  }
  // both exceljs sheets (in memory and streamed) keep their breaks in `rowBreaks` until the sheet is written
  const sheet = ws as unknown as { rowBreaks: RowBreak[] };
  for (const id of breaks) sheet.rowBreaks.push({ id, max: 16383, man: 1 } as RowBreak);
}
