import type { CellValue, Style, Worksheet } from 'exceljs';
import type { BudgetResult } from '../../budget/compute';
import { compare, fromInteger } from '../../money/decimal';
import { maskIdNumber } from '../../roster/mask';
import type { LineKey } from '../../roster/toStaffLines';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, cellAddress, formula, text, wrappedLines } from '../cells';
import { A4, BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, MIN_SCALE, ROW_HEIGHT, TITLE_FONT, onePageIfShort, setWidths, titleRowHeight } from '../print';
import { commitRow } from '../streaming';
import { STAFF } from './sheetNames';
import { STAFF_FIRST_ROW, type StaffColumns } from './staffSheet';

/**
 * 名册附表 (docs/design.md §People: roster and statistics, "Roster → money"): for a project built
 * from the roster, one row per worker — 身份证号 masked (110***********1234), 姓名, 岗位类别, 岗位等级,
 * 档次, 持证等级 as the roster had them when the project was built — and the staff line of
 * 人员经费明细 the worker is priced on: its 序号 and 月薪 as formulas over that row, so an auditor
 * follows each person to the line and the line's count to the people. A worker the guide could not
 * price is listed with the reason. A line changed in the editor since (another post or grade, or
 * removed) no longer holds the worker: the row says so instead of pointing at the wrong line.
 * Every text from the roster is written as text, never as a formula.
 */
export interface RosterAnnexEntry {
  /** 序号 on the roster when the project was built */
  seq: number | null;
  name: string;
  /** masked here whatever is given */
  idNumber: string | null;
  postType: string | null;
  postLevel: string | null;
  step: number | null;
  certificate: string | null;
  /** the staff line (0-based) and the cell it was priced on; null when the worker was not priced */
  line: number | null;
  lineKey: LineKey | null;
  /** how the worker was matched, or why not priced */
  note: string;
}

const HEADERS = ['序号', '名册\n序号', '姓名', '身份证号', '岗位类别', '岗位等级', '档次', '持证等级', '人员经费\n明细序号', '月薪\n（元）', '备注'];
const COL = { index: 1, seq: 2, name: 3, id: 4, postType: 5, postLevel: 6, step: 7, certificate: 8, line: 9, monthly: 10, note: 11 } as const;

/** Rows of each staff line on 人员经费明细 (a v2 line's row is followed by its segments' rows). */
export function staffLineRows(result: BudgetResult): number[] {
  const rows: number[] = [];
  let r = STAFF_FIRST_ROW;
  for (const line of result.staff) {
    rows.push(r);
    r += 1 + (line.segments?.length ?? 0);
  }
  return rows;
}

const sameKey = (k: LineKey, line: BudgetResult['staff'][number]['input']) =>
  k.post === line.post && k.grade === line.grade && k.step === line.step && (k.qualification ?? '') === (line.qualification ?? '');

const describe = (k: LineKey) => [k.post, k.grade, `第 ${k.step} 档`, k.qualification].filter((x) => x !== null && x !== '').join(' ');

export function writeRosterAnnexSheet(ws: Worksheet, result: BudgetResult, entries: readonly RosterAnnexEntry[], cols: StaffColumns, title: string): void {
  const lineRows = staffLineRows(result);
  const onLine = new Map<number, number>();
  // each entry's cells: the staff line it is still on (or null) and its note
  const resolved = entries.map((e) => {
    if (e.line === null || e.lineKey === null) return { line: null, note: e.note ? `未计入预算：${e.note}` : '未计入预算' };
    const staff = result.staff[e.line];
    if (!staff || !sameKey(e.lineKey, staff.input)) {
      return { line: null, note: `人员经费明细已修改：原第 ${e.line + 1} 行（${describe(e.lineKey)}）已不在，请核对` };
    }
    onLine.set(e.line, (onLine.get(e.line) ?? 0) + 1);
    return { line: e.line, note: e.note };
  });
  // a line whose 人数 is not the people listed on it (edited since) is said so on each of its rows
  const countNote = (line: number) => {
    const listed = onLine.get(line) ?? 0;
    return compare(result.staff[line]!.input.count, fromInteger(listed)) === 0 ? '' : `该行人数已改，与附表 ${listed} 人不符`;
  };

  const formats = HEADERS.map((_, i) => (i + 1 === COL.monthly ? MONEY_FORMAT : COUNT_FORMAT));
  const fit = new ColumnWidths(formats).header(HEADERS);
  const noteOf = resolved.map((r) => [r.note, r.line === null ? '' : countNote(r.line)].filter(Boolean).join('；'));
  entries.forEach((e, i) => {
    fit.row([entries.length, e.seq, text(e.name), maskIdNumber(e.idNumber), text(e.postType), text(e.postLevel), e.step, text(e.certificate)]);
    const line = resolved[i]!.line;
    if (line !== null) fit.cell(COL.line, line + 1).cell(COL.monthly, result.staff[line]!.monthly);
    fit.cell(COL.note, noteOf[i]);
  });
  const widths = fit.widths([
    { min: 5 },
    { min: 5 },
    { min: 8, max: 16 },
    { min: 20 },
    { min: 8, max: 14 },
    { min: 8, max: 14 },
    { min: 5 },
    { min: 10 },
    { min: 9 },
    { min: 10 },
    { min: 16, max: 40 },
  ]);
  // 备注 wraps: it takes what the other columns leave of a landscape page at MIN_SCALE (10-point text at 8 points)
  const others = widths.reduce((a, b) => a + b, 0) - widths[COL.note - 1]!;
  widths[COL.note - 1] = Math.max(16, Math.min(widths[COL.note - 1]!, A4.landscape.across / MIN_SCALE - others));
  setWidths(ws, widths);

  const t = ws.addRow([text(title)]);
  t.height = titleRowHeight(title, widths);
  t.getCell(1).style = { font: TITLE_FONT, alignment: { vertical: 'middle', wrapText: true } };
  ws.mergeCells(1, 1, 1, HEADERS.length);
  t.commit();
  const h = ws.addRow(HEADERS);
  h.height = 30;
  h.eachCell((cell) => {
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  h.commit();
  // a long 备注 wraps within its column: the row is as tall as its lines (a spreadsheet does not grow a row set by hand)
  const rowHeights = noteOf.map((note) => Math.max(ROW_HEIGHT, 14 * wrappedLines(note, widths[COL.note - 1]!)));
  onePageIfShort(ws, [t.height, 30, ...rowHeights]);

  const styles: Partial<Style>[] = formats.map((numFmt, i) => ({
    font: BODY_FONT,
    border: GRID,
    numFmt,
    alignment: { vertical: 'middle', wrapText: i + 1 === COL.note },
  }));
  entries.forEach((e, i) => {
    const line = resolved[i]!.line;
    const values: CellValue[] = new Array<CellValue>(HEADERS.length).fill(null);
    values[COL.index - 1] = i + 1;
    values[COL.seq - 1] = e.seq;
    values[COL.name - 1] = text(e.name);
    values[COL.id - 1] = maskIdNumber(e.idNumber);
    values[COL.postType - 1] = text(e.postType);
    values[COL.postLevel - 1] = text(e.postLevel);
    values[COL.step - 1] = e.step;
    values[COL.certificate - 1] = text(e.certificate);
    if (line !== null) {
      const row = lineRows[line]!;
      const staff = result.staff[line]!;
      // the line's 序号 on its row; its 月薪 on the row (a v2 line: its first segment's row, where the per-month figures are)
      values[COL.line - 1] = { formula: `'${STAFF}'!${cellAddress(cols.index, row)}`, result: line + 1 };
      values[COL.monthly - 1] = formula(`'${STAFF}'!${cellAddress(cols.monthly, staff.segments ? row + 1 : row)}`, staff.monthly);
    }
    values[COL.note - 1] = text(noteOf[i]);
    const r = ws.addRow(values);
    r.height = rowHeights[i]!;
    for (let c = 1; c <= HEADERS.length; c++) r.getCell(c).style = styles[c - 1]!;
    commitRow(ws, r);
  });
}
