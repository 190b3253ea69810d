import { divRound, fromInteger, parseDecimal, toNumber } from '../../money/decimal';
import type { CohortYear } from '../../roster/cohort';
import { ColumnWidths, text } from '../cells';
import { GRID, HEADER_FILL, HEADER_FONT, TITLE_FONT, onePageIfShort, setWidths, sheetOptions } from '../print';
import { RowWriter } from '../rowWriter';
import { QUICK_WRITER, workbookBytes } from '../workbookBytes';

/**
 * 队伍预测表 (docs/design.md §People: roster and statistics): one row a year — 离职, 新招, 考取, 人数,
 * 持证, 持证率 (= 持证 ÷ 人数, a formula), 目标, 缺口 (= 目标 − 人数, a formula), 人员经费 — the
 * program's values cached in the formulas. The parameters head the sheet.
 */
export interface CohortWorkbookInput {
  scope: string;
  start: { headcount: number; certified: number };
  /** the parameters in words, one line each */
  parameters: readonly string[];
  years: readonly CohortYear[];
}

const COUNT = '#,##0';
const MONEY = '#,##0.00';
const HEAD = ['年份', '离职', '新招', '考取', '人数', '持证', '持证率', '目标', '缺口', '人员经费（元）'];

export async function writeCohortWorkbook(input: CohortWorkbookInput): Promise<Uint8Array> {
  const fit = new ColumnWidths([null, COUNT, COUNT, COUNT, COUNT, COUNT, '0.0%', COUNT, COUNT, MONEY]).header(HEAD);
  for (const y of input.years)
    fit.row([
      String(y.year),
      y.leavers,
      y.hires,
      y.passed,
      y.headcount,
      y.certified,
      1,
      y.target ?? 0,
      y.gap ?? 0,
      y.labour ? toNumber(parseDecimal(y.labour)) : 0,
    ]);
  const widths = fit.widths({ min: 8, max: 24 });
  const bytes = await workbookBytes(QUICK_WRITER, async (wb) => {
    wb.creator = 'Paybench';
    const ws = wb.addWorksheet('队伍预测', sheetOptions({ headerRows: 0, portrait: false, titleRows: null }));
    setWidths(ws, widths);
    const out = new RowWriter(ws);
    const put = out.put.bind(out);
    ws.mergeCells(1, 1, 1, HEAD.length);
    put([`人员队伍预测表（${text(input.scope)}）`], () => ({ font: TITLE_FONT }), 24);
    put([`起点：${input.start.headcount} 人，其中持证 ${input.start.certified} 人`], () => ({}));
    for (const p of input.parameters) put([text(p)], () => ({}));
    put([], () => ({}), 10);
    put(HEAD, () => ({ font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center' } }));
    for (const y of input.years) {
      const row = out.row + 1;
      const rate = y.headcount === 0 ? 0 : toNumber(divRound(fromInteger(y.certified), fromInteger(y.headcount), 10));
      put(
        [
          String(y.year),
          y.leavers,
          y.hires,
          y.passed,
          y.headcount,
          y.certified,
          { formula: `IF(E${row}=0,0,F${row}/E${row})`, result: rate },
          y.target,
          y.target === null ? null : { formula: `H${row}-E${row}`, result: y.gap ?? 0 },
          y.labour === null ? null : toNumber(parseDecimal(y.labour)),
        ],
        (col) => ({ border: GRID, numFmt: col === 7 ? '0.0%' : col === 10 ? MONEY : COUNT }),
      );
    }
    onePageIfShort(ws, out.heights);
    await ws.commit();
  });
  return new Uint8Array(bytes);
}
