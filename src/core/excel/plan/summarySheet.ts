import type ExcelJS from 'exceljs';
import type { CellValue, Style } from 'exceljs';
import { fromFen } from '../../money/decimal';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, type Shown, sheetRange, sheetRef, text, wrappedLines } from '../cells';
import { A4, BODY_FONT, GRID, HEADER_FONT, TOTAL_FILL, onePageIfShort, sheetOptions } from '../print';
import type { SummedColumn } from './communitiesSheet';
import type { PlanWorkbookInput } from './input';
import { pointText, ruleText } from './labels';
import { cached, count, titleAndHeader } from './rows';
import { PLAN_SHEETS } from './sheetNames';
import type { PlanUnionPosts } from '../../plan/unionPosts';
import type { RuleOutcome } from '../../staffing/policyPoint';
import { unionBranchesRule, unionEmployeesRule } from '../../staffing/presets';
import type { OneInRatioParams } from '../../staffing/ratios';

/**
 * 规划汇总, the sheet the workbook opens on: what the plan is (rule, 取值点, pricing), its totals —
 * communities, posts at the minimum, the value chosen and the maximum, the gaps, the yearly labour
 * cost — the plan's warnings (提示与警告) and the rule's parameters. Each total is a formula over the 合计 row of 区汇总 (and the
 * first and last year of 多年预测) with the program's value cached, as everywhere in the workbook
 * (docs/design.md §Excel workbooks), so the summary follows when a community row is changed.
 */
type Line =
  | { kind: 'section'; label: string }
  | { kind: 'text'; label: string; value: string }
  | { kind: 'value'; label: string; value: CellValue; shown: Shown; format: string; note: string; strong?: boolean };

/**
 * 工会社工岗 on both bases, side by side (src/core/plan/unionPosts.ts): the chosen posts of each, as
 * values (like every quota of the workbook), the count and the arithmetic in the note.
 */
function unionLines(u: PlanUnionPosts | null): Line[] {
  if (!u) return [];
  const base = (label: string, count: number | null, unit: string, rule: OneInRatioParams, o: RuleOutcome | null): Line =>
    count === null || o === null
      ? { kind: 'text', label, value: '未填' }
      : {
          kind: 'value',
          label,
          value: o.chosen,
          shown: o.chosen,
          format: COUNT_FORMAT,
          note: `${rule.basis} ${count} ${unit}，每 ${rule.everyForMax}–${rule.everyForMin} ${unit}配 1 名：下限 ⌈${count}/${rule.everyForMin}⌉ = ${o.min}，上限 ⌈${count}/${rule.everyForMax}⌉ = ${o.max}`,
        };
  return [
    { kind: 'section', label: '工会社工岗（两种口径，以“或”相连，任取其一）' },
    base('按职工人数', u.employees, '名', unionEmployeesRule, u.byEmployees),
    base('按基层工会数', u.branches, '家', unionBranchesRule, u.byBranches),
  ];
}

/** 区汇总's columns: 区, 街道数, 社区数, 待补人数, 超出员额, then the summed columns from column 6. */
const DISTRICT_SUMS_FROM = 6;

export async function writeSummarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: PlanWorkbookInput, sumCols: readonly SummedColumn[]): Promise<void> {
  const { plan, pricing, projection } = input;
  const t = plan.totals;
  const totalRow = 3 + plan.districts.length; // 区汇总: a row per district from row 3, then 合计
  const D = (col: number) => sheetRef(PLAN_SHEETS.districts, col, totalRow);
  const summed = (label: string) => DISTRICT_SUMS_FROM + sumCols.findIndex((c) => c.label === label);
  const countLine = (label: string, f: string, n: number, note: string): Line => ({
    kind: 'value',
    label,
    value: count(f, n),
    shown: n,
    format: COUNT_FORMAT,
    note,
  });
  const sumLine = (label: string, column: string, note: string, strong = false): Line => {
    const c = sumCols.find((s) => s.label === column)!;
    const v = c.value(t);
    return { kind: 'value', label, value: cached(D(summed(column)), v), shown: v, format: c.fmt, note, strong };
  };

  const lines: Line[] = [
    { kind: 'section', label: '规划' },
    { kind: 'text', label: '配备规则', value: ruleText(plan.rule) },
    { kind: 'text', label: '取值点', value: pointText(plan.point) },
    ...(pricing
      ? ([
          { kind: 'text', label: '指导价', value: pricing.guideName },
          { kind: 'text', label: '五险一金参数', value: pricing.contributionsName },
        ] as Line[])
      : []),
    { kind: 'section', label: '员额（区汇总“合计”行）' },
    countLine('区数', `ROWS(${sheetRange(PLAN_SHEETS.districts, 1, 3, totalRow - 1)})`, plan.districts.length, ''),
    countLine('街道数', D(2), plan.streets.length, ''),
    countLine('社区数', D(3), t.communities, ''),
    sumLine('户数', '户数', ''),
    sumLine('员额下限', '员额下限', '各社区按规则测算的下限之和'),
    sumLine('员额取值', '员额取值', '各社区取值 = 下限 + round(取值点 × (上限 − 下限)) 之和', true),
    sumLine('员额上限', '员额上限', '各社区上限之和'),
    sumLine('现有人数', '现有人数', ''),
    countLine('待补人数', D(4), t.toRecruit, '各社区取值多于现有人数的部分之和'),
    countLine('超出员额', D(5), t.overQuota, '各社区现有人数多于取值的部分之和'),
    sumLine('持证人数', '持证人数', ''),
    sumLine('应持证人数', '应持证人数', '持证率 × 现有人数，向上取整；持证率按城乡'),
    sumLine('持证缺口', '持证缺口', ''),
    ...unionLines(plan.union),
  ];
  if (pricing) {
    lines.push(
      { kind: 'section', label: '人员经费（每年，元）' },
      sumLine('应发工资', '应发工资', '各社区团队按岗位结构计价，见社区测算'),
      sumLine('单位缴费', '单位缴费', '五险一金单位部分'),
      sumLine('工会经费等', '工会经费等', '按应发工资计提'),
      sumLine('人员经费', '人员经费', '应发工资 + 单位缴费 + 工会经费等', true),
    );
  }
  if (projection && projection.length) {
    const labourCol = 3 + projection[0]!.monthly.length * 2 + 3; // 多年预测: 年度, 人数, a step and a pay per post type, then the four amounts
    const P = (col: number, i: number) => sheetRef(PLAN_SHEETS.projection, col, 3 + i);
    lines.push({ kind: 'section', label: '多年预测' });
    for (const i of projection.length > 1 ? [0, projection.length - 1] : [0]) {
      const y = projection[i]!;
      const labour = fromFen(y.cost.labour);
      lines.push(countLine(`${y.year} 年人数`, P(2, i), y.headcount, i === 0 ? '首年' : '末年'), {
        kind: 'value',
        label: `${y.year} 年人员经费`,
        value: cached(P(labourCol, i), labour),
        shown: labour,
        format: MONEY_FORMAT,
        note: '指导价逐年调整后',
      });
    }
  }
  lines.push({ kind: 'section', label: '配备规则参数' });
  for (const [label, value] of input.parameters) lines.push({ kind: 'text', label, value });
  if (plan.warnings.length) {
    // what the texts imply beyond the quotas (src/core/plan/warnings.ts): rows outside the rule, district caps, the post mix;
    // last, so that a long list runs on to the next page rather than pushing the rule off the first
    lines.push({ kind: 'section', label: '提示与警告' });
    for (const w of plan.warnings) lines.push({ kind: 'text', label: w.level === 'warning' ? '警告' : '提示', value: w.message });
  }

  const fit = new ColumnWidths([null, MONEY_FORMAT]).header(['项目', '数值']);
  for (const l of lines) if (l.kind !== 'section') fit.cell(1, l.label);
  for (const l of lines) if (l.kind === 'value') fit.cell(2, l.shown, l.format);
  const [labelWidth, valueWidth] = fit.widths([{ min: 14, max: 24 }, { min: 14 }]) as [number, number];
  // the notes and the texts (merged across 数值 and 说明) wrap within a portrait page
  const widths = [labelWidth, valueWidth, Math.max(24, A4.portrait.across - labelWidth - valueWidth)];
  const ws = wb.addWorksheet(PLAN_SHEETS.summary, sheetOptions({ headerRows: 2, portrait: true }));
  ws.columns = widths.map((width) => ({ width }));
  const top = titleAndHeader(ws, text(input.title), ['项目', '数值', '说明'], widths);
  // one page when it fits at a legible size; a long list of warnings goes on to a second page instead
  const lineHeight = (l: Line) =>
    l.kind === 'section' ? 22 : l.kind === 'text' ? 15 * wrappedLines(l.value, widths[1]! + widths[2]!) : Math.max(18, 15 * wrappedLines(l.note, widths[2]!));
  onePageIfShort(ws, [top.title, top.header, ...lines.map(lineHeight)]);

  const body: Partial<Style> = { font: BODY_FONT, border: GRID, alignment: { vertical: 'top', wrapText: true } };
  const strong: Partial<Style> = { ...body, font: HEADER_FONT, fill: TOTAL_FILL };
  lines.forEach((l, i) => {
    const row = ws.getRow(3 + i);
    if (l.kind === 'section') {
      row.getCell(1).value = l.label;
      row.getCell(1).font = HEADER_FONT;
      row.height = lineHeight(l);
    } else if (l.kind === 'text') {
      row.getCell(1).value = text(l.label);
      row.getCell(2).value = text(l.value);
      for (const c of [1, 2, 3]) row.getCell(c).style = body;
      ws.mergeCells(row.number, 2, row.number, 3);
      row.height = lineHeight(l);
    } else {
      row.getCell(1).value = l.label;
      row.getCell(2).value = l.value;
      row.getCell(3).value = l.note;
      for (const c of [1, 2, 3]) row.getCell(c).style = l.strong ? strong : body;
      row.getCell(2).style = { ...(l.strong ? strong : body), numFmt: l.format, alignment: { vertical: 'top' } };
      row.height = lineHeight(l);
    }
    row.commit();
  });
  await ws.commit();
}
