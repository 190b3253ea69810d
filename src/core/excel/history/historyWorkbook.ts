import ExcelJS from 'exceljs';
import type { ChangeEntry } from '../../history/changes';
import { actionLabel, fieldLabel, objectKindLabel, valueLabel } from '../../history/labels';
import { ColumnWidths, text, wrappedLines } from '../cells';
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

/**
 * The change history as a workbook (docs/design.md §History and locks): one sheet 变更记录, one row
 * per changed field — 时间, 用户, 对象, 操作, 字段, 原值 → 新值 — newest first, printed on A4 like
 * every other sheet (header repeated, page numbers in the footer), so an audit can file it.
 */
export const HISTORY_SHEET = '变更记录';

const HEADERS = ['序号', '时间', '用户', '对象类型', '对象', '操作', '字段', '原值', '新值'] as const;
/** long texts (an object's name, a field, a value) wrap within these widths */
const BOUNDS = [{}, { min: 19 }, { max: 16 }, {}, { max: 36 }, {}, { max: 30 }, { max: 24 }, { max: 24 }];
const WRAPPED = new Set([3, 5, 7, 8, 9]);
/** no wrapped column narrower than this */
const WRAPPED_MIN = 12;

/**
 * The wrapped columns give up width, the widest first, until the table prints one landscape page
 * wide at MIN_SCALE or more (10-point text at 8 points); the rows grow taller instead.
 */
function legibleWidths(cols: readonly number[]): number[] {
  const out = [...cols];
  const room = A4.landscape.across / MIN_SCALE;
  for (let over = out.reduce((a, b) => a + b, 0) - room; over > 0; over--) {
    let widest = -1;
    out.forEach((w, i) => {
      if (WRAPPED.has(i + 1) && w > WRAPPED_MIN && (widest < 0 || w > out[widest]!)) widest = i;
    });
    if (widest < 0) break;
    out[widest] = out[widest]! - 1;
  }
  return out;
}

/** An ISO time as local 年-月-日 时:分:秒, the way the history page shows it. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function historyRow(e: ChangeEntry, n: number): string[] {
  return [
    String(n),
    localTime(e.at),
    e.user,
    objectKindLabel(e.objectKind, 'zh'),
    e.objectName,
    actionLabel(e.action, 'zh'),
    e.field === '' ? '—' : fieldLabel(e.field, 'zh'),
    e.field === '' ? '—' : valueLabel(e.old, 'zh'),
    e.field === '' ? '—' : valueLabel(e.new, 'zh'),
  ].map(text);
}

/** `title`: what the history is of (指导价“X”的变更记录); `entries` newest first, as the store lists them. */
export function buildHistoryWorkbook(title: string, entries: readonly ChangeEntry[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Paybench 社工薪酬与购买服务预算工作台';
  const ws = wb.addWorksheet(HISTORY_SHEET, sheetOptions({ headerRows: 2, titleRows: '2:2' }));
  const rows = entries.map((e, i) => historyRow(e, i + 1));
  const widths = new ColumnWidths(HEADERS.map(() => null)).header([...HEADERS]);
  for (const r of rows) widths.row(r);
  const cols = legibleWidths(widths.widths(BOUNDS));
  setWidths(ws, cols);

  const heights: number[] = [];
  ws.mergeCells(1, 1, 1, HEADERS.length);
  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = text(title);
  titleRow.getCell(1).style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  titleRow.height = titleRowHeight(title, cols);
  heights.push(titleRow.height);

  const header = ws.getRow(2);
  HEADERS.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center', vertical: 'middle' } };
  });
  heights.push(ROW_HEIGHT);

  rows.forEach((values, k) => {
    const row = ws.getRow(3 + k);
    let lines = 1;
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      const wrap = WRAPPED.has(i + 1);
      cell.style = { font: BODY_FONT, border: GRID, alignment: { vertical: 'top', wrapText: wrap } };
      if (wrap) lines = Math.max(lines, wrappedLines(v, cols[i]!));
    });
    row.height = ROW_HEIGHT * lines;
    heights.push(row.height);
  });
  if (rows.length === 0) {
    ws.getRow(3).getCell(1).value = '（没有变更记录）';
    ws.getRow(3).getCell(1).style = { font: BODY_FONT };
    heights.push(ROW_HEIGHT);
  }
  onePageIfShort(ws, heights);
  return wb;
}

export async function historyWorkbookBuffer(title: string, entries: readonly ChangeEntry[]): Promise<Buffer> {
  return Buffer.from(await buildHistoryWorkbook(title, entries).xlsx.writeBuffer());
}
