import type ExcelJS from 'exceljs';
import { parseDecimal, toPlainString } from '../../money/decimal';
import type { PricedMixLine } from '../../plan/pricing';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, RATE_FORMAT, columnLetter, formula, num, sheetRef, text } from '../cells';
import { ROW_HEIGHT, keepBlockWithTable, printAcross, sheetOptions, titleRowHeight } from '../print';
import type { PlanPricing } from './input';
import { setColumns, titleAndHeader } from './rows';
import { PLAN_SHEETS } from './sheetNames';

/** Where the community sheet's formulas find a post type's pay and the contribution parameters. */
export interface MixLayout {
  firstRow: number;
  monthlyCol: number;
  oneOffCol: number;
  perMonthCol: number;
  monthsRef: string;
  bonusRef: string;
  levyRefs: string[];
}

/** The parameters below the post types, in this order (the layout's rows follow it): label, value, format. */
function mixParams(input: PlanPricing): [string, number | string, string | undefined][] {
  const { mix, pricer } = input;
  const c = pricer.contributions;
  return [
    ['参数', pricer.includes === 'employerCost' ? '指导价金额已含单位缴费，不另计五险一金与工会经费' : '', undefined],
    ['每年计薪月数', mix.months, undefined],
    ['额外月数（年终奖等）', mix.bonusMonths, undefined],
    ['缴费基数下限', num(c.floor), MONEY_FORMAT],
    ['缴费基数上限', num(c.ceiling), MONEY_FORMAT],
    ...c.items.map((it): [string, number, string] => [`${it.name}费率${it.round === 'yuan' ? '（取整到元）' : ''}`, num(it.rate), RATE_FORMAT]),
    ...c.levies.map((l): [string, number, string] => [`${l.name}费率`, num(l.rate), RATE_FORMAT]),
    ...(mix.performanceShare !== undefined
      ? ([['绩效奖金占比（指导价为基础报酬）', num(parseDecimal(mix.performanceShare)), RATE_FORMAT]] as [string, number, string][])
      : []),
  ];
}

/**
 * 岗位结构: the priced post types and the contribution parameters they use. Per post type
 * 月薪 = 指导价 + 持证津贴 (+ 绩效奖金 = ROUND(指导价 × 占比 ÷ (1 − 占比), 2) when the mix pays one), 缴费基数 = MIN(MAX(月薪, 下限), 上限), item_i = ROUND(基数 × 费率_i, 2 or 0),
 * 每人每月单位缴费 = Σ item_i; the parameters follow the post types, below a blank row.
 */
export async function writeMixSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: PlanPricing): Promise<MixLayout> {
  const { mix, pricer } = input;
  const contributions = pricer.contributions;
  const items = contributions.items;
  // with a performance share, 绩效奖金 follows 指导价月薪 and every later column moves one right
  const perf = mix.performanceShare !== undefined;
  const o = perf ? 1 : 0;
  const headers = [
    '类别',
    '岗位',
    '等级',
    '档次',
    '持证',
    '分配',
    '指导价月薪',
    ...(perf ? ['绩效奖金'] : []),
    '持证津贴',
    '月薪',
    '一次性津贴',
    '缴费基数',
    ...items.map((i) => `${i.name}（每人每月）`),
    '每人每月单位缴费',
  ];
  const formats = [
    '',
    '',
    '',
    COUNT_FORMAT,
    '',
    '',
    MONEY_FORMAT,
    ...(perf ? [MONEY_FORMAT] : []),
    MONEY_FORMAT,
    MONEY_FORMAT,
    MONEY_FORMAT,
    MONEY_FORMAT,
    ...items.map(() => MONEY_FORMAT),
    MONEY_FORMAT,
  ];
  const ws = wb.addWorksheet(PLAN_SHEETS.mix, sheetOptions({ headerRows: 2 }));
  const lines: readonly PricedMixLine[] = pricer.lines;
  const allocation = (k: number) => {
    const m = mix.lines[k]!;
    return m.fixed !== undefined ? `每社区 ${m.fixed} 人` : `其余的 ${toPlainString(parseDecimal(m.share!))}`;
  };
  const fit = new ColumnWidths(formats).header(headers);
  lines.forEach((l, k) => {
    const one = pricer.line(k, 1);
    fit.row([
      l.label,
      l.post,
      l.grade,
      l.step,
      l.qualification ?? '',
      allocation(k),
      l.guideMonthly,
      ...(perf ? [l.performanceMonthly] : []),
      l.allowanceMonthly,
      one.monthly,
      l.oneOffAllowance,
      one.base,
    ]);
    fit.row([...one.itemsPerMonth, one.contributionsPerMonth], 12 + o);
  });
  const params = mixParams(input);
  for (const [label, value, fmt] of params) fit.cell(1, label).cell(2, value, fmt ?? null);
  const widths = fit.widths(headers.map((_, i) => (i === 0 ? { min: 8, max: 24 } : { min: 6, max: i < 6 ? 16 : 8 })));
  const mixStyles = setColumns(ws, formats, widths);
  const title = `岗位结构与单价（${input.guideName}；${input.contributionsName}）`;
  titleAndHeader(ws, title, headers, widths);
  const firstRow = 3;
  const paramsRow = firstRow + lines.length + 1; // a blank row, then the parameters
  const across = printAcross(ws, widths, { keyColumns: 1, firstRow: 2, lastRow: paramsRow + params.length - 1, title });
  const pRow = { months: paramsRow + 1, bonus: paramsRow + 2, floor: paramsRow + 3, ceiling: paramsRow + 4 };
  const rateRow0 = paramsRow + 5;
  const levyRow0 = rateRow0 + items.length;
  const performanceRow = levyRow0 + contributions.levies.length;
  const L = (col: number) => columnLetter(col);
  const B = (row: number) => `$B$${row}`;
  const employerCost = pricer.includes === 'employerCost';
  lines.forEach((l, k) => {
    const r = firstRow + k;
    const line = pricer.line(k, 1); // one person: monthly, base and items per person-month
    const row = ws.getRow(r);
    row.getCell(1).value = text(l.label);
    row.getCell(2).value = text(l.post);
    row.getCell(3).value = text(l.grade);
    row.getCell(4).value = l.step;
    row.getCell(5).value = text(l.qualification ?? '');
    row.getCell(6).value = allocation(k);
    row.getCell(7).value = num(l.guideMonthly);
    if (perf) {
      const share = B(performanceRow);
      row.getCell(8).value = formula(`ROUND(G${r}*${share}/(1-${share}),2)`, l.performanceMonthly);
    }
    row.getCell(8 + o).value = num(l.allowanceMonthly);
    row.getCell(9 + o).value = formula(perf ? `G${r}+H${r}+I${r}` : `G${r}+H${r}`, line.monthly);
    row.getCell(10 + o).value = num(l.oneOffAllowance);
    row.getCell(11 + o).value = formula(`MIN(MAX(${L(9 + o)}${r},${B(pRow.floor)}),${B(pRow.ceiling)})`, line.base);
    items.forEach((it, i) => {
      const places = it.round === 'yuan' ? 0 : 2;
      row.getCell(12 + o + i).value = employerCost
        ? 0
        : formula(
            // to the yuan via 6 places, as in the budget workbook: LibreOffice would round a binary x.4999… down
            places === 0 ? `ROUND(ROUND(${L(11 + o)}${r}*${B(rateRow0 + i)},6),0)` : `ROUND(${L(11 + o)}${r}*${B(rateRow0 + i)},${places})`,
            line.itemsPerMonth[i]!,
          );
    });
    const first = columnLetter(12 + o);
    const last = columnLetter(11 + o + items.length);
    row.getCell(12 + o + items.length).value = items.length ? formula(`SUM(${first}${r}:${last}${r})`, line.contributionsPerMonth) : 0;
    for (let c = 1; c <= headers.length; c++) row.getCell(c).style = mixStyles[c - 1]!;
    row.commit();
  });
  params.forEach(([label, value, fmt], i) => {
    const row = ws.getRow(paramsRow + i);
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    if (fmt) row.getCell(2).numFmt = fmt;
    row.commit();
  });
  // the parameters under the post types stay on a page with them (and under the header only when they are)
  // printed across, the title row is not printed (it is in the page header): it takes no height
  const titleHeight = across > 1 ? 0 : titleRowHeight(title, widths);
  keepBlockWithTable(ws, [titleHeight, ...new Array<number>(paramsRow - 2 + params.length).fill(ROW_HEIGHT)], { repeatedRows: 2, blockFrom: paramsRow });
  await ws.commit();
  return {
    firstRow,
    monthlyCol: 9 + o,
    oneOffCol: 10 + o,
    perMonthCol: 12 + o + items.length,
    monthsRef: sheetRef(PLAN_SHEETS.mix, 2, pRow.months),
    bonusRef: sheetRef(PLAN_SHEETS.mix, 2, pRow.bonus),
    levyRefs: employerCost ? [] : contributions.levies.map((_, j) => sheetRef(PLAN_SHEETS.mix, 2, levyRow0 + j)),
  };
}
