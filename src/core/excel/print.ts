import type { AddWorksheetOptions, Borders, Fill, Font } from 'exceljs';

/**
 * How every sheet prints (docs/design.md §Excel workbooks): A4 landscape, fit to one page wide and as many pages down as
 * needed, the header rows repeated on each page, "第 X 页 共 Y 页" in the footer, panes frozen below
 * the header. A finance bureau files the printout, so this is part of the contract, not decoration.
 */
export interface PrintOptions {
  /** rows repeated on every printed page and frozen on screen, e.g. 2 for a title row + a header row */
  headerRows: number;
  /** columns frozen on screen (the row labels) */
  frozenColumns?: number;
  portrait?: boolean;
  /** shrink to one page tall as well (the summary, whose sign-off line must not fall onto a page of its own) */
  onePage?: boolean;
}

export const FONT_NAME = '宋体';
export const BODY_FONT: Partial<Font> = { name: FONT_NAME, size: 10 };
export const HEADER_FONT: Partial<Font> = { name: FONT_NAME, size: 10, bold: true };
export const TITLE_FONT: Partial<Font> = { name: FONT_NAME, size: 14, bold: true };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
export const TOTAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };
const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
export const GRID: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function sheetOptions(opts: PrintOptions): Partial<AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: opts.portrait ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: opts.onePage ? 1 : 0, // 0: as many pages down as the rows need
      horizontalCentered: true,
      printTitlesRow: `1:${opts.headerRows}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', xSplit: opts.frozenColumns ?? 0, ySplit: opts.headerRows, showGridLines: true }],
    properties: { defaultRowHeight: 18 } as AddWorksheetOptions['properties'],
  };
}
