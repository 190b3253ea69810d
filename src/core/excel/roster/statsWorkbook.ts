import type { RowBreak } from 'exceljs';
import { divRound, fromInteger, parseDecimal, toNumber } from '../../money/decimal';
import type { GapLine } from '../../roster/demand';
import { type RosterStats, STATS_DIMENSIONS, type StatsDimension } from '../../roster/stats';
import { ColumnWidths, text } from '../cells';
import { A4, GRID, HEADER_FILL, HEADER_FONT, MIN_SCALE, ROW_HEIGHT, TITLE_FONT, TOTAL_FILL, onePageIfShort, setWidths, sheetOptions } from '../print';
import { RowWriter } from '../rowWriter';
import { QUICK_WRITER, workbookBytes } from '../workbookBytes';

/**
 * 人员结构统计表 (docs/design.md §People: roster and statistics): one block per dimension — 类别,
 * 人数, 占比 — with 合计 = SUM of the counts and each share a formula over the visible cells
 * (=B5/B$11), the program's value cached; with a demand table, 需求 and 缺口 (= 需求 − 人数) beside.
 * Counts `#,##0`, shares `0.0%`, A4 portrait. The certification rate closes the sheet. A sheet longer
 * than a page breaks between the blocks, never inside one (the rate stays with the last block).
 */

export const DIMENSION_TITLES: Record<StatsDimension, string> = {
  byAge: '年龄结构',
  byEducation: '学历结构',
  byTitle: '职称结构',
  byField: '领域分布',
  byCertificate: '持证结构',
};

const COUNT = '#,##0';
const SHARE = '0.0%';

/** points: the title row, the gap above each block, and the rows left at the default */
const TITLE_HEIGHT = 24;
const GAP_HEIGHT = 10;

const share = (n: number, total: number) => (total === 0 ? 0 : toNumber(divRound(fromInteger(n), fromInteger(total), 10)));

export interface StatsWorkbookInput {
  stats: RosterStats;
  /** what was counted, for the title: 全部人员, or the filter (朝阳区 / 和平街道) */
  scope: string;
  gaps?: readonly GapLine[];
}

export async function writeStatsWorkbook({ stats, scope, gaps = [] }: StatsWorkbookInput): Promise<Uint8Array> {
  const withDemand = gaps.length > 0;
  const head = ['类别', '人数', '占比', ...(withDemand ? ['需求', '缺口'] : [])];
  const fit = new ColumnWidths([null, COUNT, SHARE, COUNT, COUNT]).header(head);
  for (const d of STATS_DIMENSIONS) for (const [band, n] of Object.entries(stats[d])) fit.row([band, n, 1, n, n]);
  fit.row(['合计', stats.total, 1, stats.total, stats.total]);
  const widths = fit.widths({ min: 10, max: 30 }).slice(0, head.length);
  const needOf = new Map(gaps.map((g) => [`${g.dimension}\u0000${g.band}`, g]));
  // a demand for a band nobody holds (a field the roster lacks) is a row of its own, before 合计
  const unheld = (d: StatsDimension) => (withDemand ? gaps.filter((g) => g.dimension === d && !(g.band in stats[d])) : []);
  // each block: the gap above it, its name, the header, a row a band, 合计; the rate's three rows go with the last
  const blockHeights = STATS_DIMENSIONS.map(
    (d, i) =>
      GAP_HEIGHT + ROW_HEIGHT * (3 + Object.keys(stats[d]).length + unheld(d).length) + (i === STATS_DIMENSIONS.length - 1 ? GAP_HEIGHT + 2 * ROW_HEIGHT : 0),
  );
  const heading = TITLE_HEIGHT + ROW_HEIGHT;
  const onOnePage = heading + blockHeights.reduce((a, b) => a + b, 0) <= A4.portrait.down / MIN_SCALE;

  const bytes = await workbookBytes(QUICK_WRITER, async (wb) => {
    wb.creator = 'Paybench';
    const ws = wb.addWorksheet('人员结构统计表', sheetOptions({ headerRows: 0, portrait: true, titleRows: null }));
    setWidths(ws, widths);
    const out = new RowWriter(ws);
    const put = out.put.bind(out);
    ws.mergeCells(1, 1, 1, head.length); // the title across the table (a streamed row is merged before it is written)
    put([`人员结构统计表（${text(scope)}）`], () => ({ font: TITLE_FONT }), TITLE_HEIGHT);
    put([`统计日期：${stats.on}　总人数：${stats.total}　年龄按统计日期的周岁计`], () => ({}));
    let used = heading;
    for (const [i, d] of STATS_DIMENSIONS.entries()) {
      // a block that would run over the page's foot begins the next page (both exceljs sheets keep breaks in rowBreaks)
      if (!onOnePage && used + blockHeights[i]! > A4.portrait.down) {
        (ws as unknown as { rowBreaks: RowBreak[] }).rowBreaks.push({ id: out.row, max: 16383, man: 1 } as RowBreak);
        used = 0;
      }
      used += blockHeights[i]!;
      put([], () => ({}), GAP_HEIGHT);
      put([DIMENSION_TITLES[d]], () => ({ font: HEADER_FONT }));
      put(head, () => ({ font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center' } }));
      const bands = Object.entries(stats[d]);
      const extra = unheld(d);
      const first = out.row + 1;
      const totalRow = first + bands.length + extra.length;
      for (const [band, n] of bands) {
        const row = out.row + 1;
        const g = needOf.get(`${d}\u0000${band}`);
        put(
          [
            band,
            n,
            { formula: `B${row}/B$${totalRow}`, result: share(n, stats.total) },
            // a band with no demand: the grid's cells left empty ('' keeps their borders)
            ...(withDemand ? [g ? g.need : '', g ? { formula: `D${row}-B${row}`, result: g.gap } : ''] : []),
          ],
          (col) => ({ border: GRID, numFmt: col === 3 ? SHARE : COUNT }),
        );
      }
      for (const g of extra) {
        const row = out.row + 1;
        put([g.band, 0, { formula: `B${row}/B$${totalRow}`, result: 0 }, g.need, { formula: `D${row}-B${row}`, result: g.gap }], (col) => ({
          border: GRID,
          numFmt: col === 3 ? SHARE : COUNT,
        }));
      }
      put(
        [
          '合计',
          { formula: `SUM(B${first}:B${totalRow - 1})`, result: stats.total },
          { formula: `B${totalRow}/B$${totalRow}`, result: stats.total === 0 ? 0 : 1 },
          ...(withDemand ? ['', ''] : []),
        ],
        (col) => ({ border: GRID, fill: TOTAL_FILL, font: HEADER_FONT, numFmt: col === 3 ? SHARE : COUNT }),
      );
    }
    put([], () => ({}), GAP_HEIGHT);
    put(['持证率', stats.certRate === null ? '—' : toNumber(parseDecimal(stats.certRate))], (col) => ({
      font: HEADER_FONT,
      numFmt: col === 2 ? '0.00%' : undefined,
    }));
    put(['持证率 =（高级社会工作师 + 社会工作师 + 助理社会工作师）÷ 总人数，四舍五入到万分位'], () => ({}));
    onePageIfShort(ws, out.heights);
    await ws.commit();
  });
  return new Uint8Array(bytes);
}
