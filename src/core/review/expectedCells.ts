import type { BudgetResult } from '../budget/compute';
import { guidesUsed, isResolved } from '../budget/fromSpec';
import type { StaffLineResult } from '../budget/staffCost';
import { COSTS_AMOUNT_COL, COSTS_FIRST_ROW, costsTotalRow } from '../excel/budget/costsSheet';
import { GUIDE_FIRST_ROW, GUIDE_MONTHLY_COL, type GuideBlockPlan, allowanceKey, planGuideSheets } from '../excel/budget/guideSheet';
import { PARAMS_FIRST_ROW, PARAMS_VALUE_COL, paramEntries } from '../excel/budget/paramsSheet';
import { COSTS, GUIDE, PARAMS, STAFF, SUMMARY } from '../excel/budget/sheetNames';
import { STAFF_FIRST_ROW, optionalColumns, staffColumns, staffTotalRowOf } from '../excel/budget/staffSheet';
import { SUMMARY_VALUE_COL, type SummaryKey, summaryRows } from '../excel/budget/summarySheet';
import { cellAddress } from '../excel/cells';
import { rmbCapitals } from '../excel/chineseCapitals';
import { cellKey } from '../guides/distinctCells';
import { coefficientMonthly } from '../guides/cellValue';
import { type Decimal, ZERO, add, fromInteger, parseDecimal } from '../money/decimal';
import type { BudgetSpec } from '../spec/budgetSpec';

/**
 * Every figure the budget workbook shows, as the writers place it (src/core/excel/budget/*: their own planners —
 * staffColumns, summaryRows, paramEntries, planGuideSheet — give the addresses, so review and writer agree), with
 * the value the recomputation gives and whether the writer puts a formula there. Labels and titles are left out;
 * the names a line is known by (岗位, 等级, 类别, 名称) and the parameters' texts are in, since a figure read
 * against the wrong name is wrong too.
 */
export type ExpectedValue = { kind: 'number'; value: Decimal } | { kind: 'text'; value: string };

export interface ExpectedCell {
  sheet: string;
  cell: string;
  expected: ExpectedValue;
  formula: boolean;
  /** what the figure is, after its place in the finding's message: 第 3 行“应发工资” */
  label: string;
}

const n = (value: Decimal): ExpectedValue => ({ kind: 'number', value });
const int = (value: number): ExpectedValue => n(fromInteger(value));
const t = (value: string): ExpectedValue => ({ kind: 'text', value });

const SUMMARY_LABELS: Record<Exclude<SummaryKey, `year${number}`>, string> = {
  headcount: '配备人数',
  gross: '应发工资',
  contributions: '单位缴费',
  levies: '工会经费等计提',
  labour: '人员经费合计',
  otherCosts: '其他费用',
  direct: '直接费用',
  managementFee: '管理费',
  subtotal: '小计',
  tax: '税费',
  total: '预算总额',
  capitals: '人民币大写',
  labourShare: '人员经费占比',
  managementShare: '管理费占比',
  posts: '购买岗位数',
  postAmount: '按岗位购买金额',
  postDifference: '岗位购买金额 − 人员经费',
  labourPerPostYear: '每岗每年人力成本',
};

/** The 人员经费明细 row of each staff line: one row per line, and for spec v2 one more per segment (staffSheet.ts). */
export function staffLineRows(result: BudgetResult): number[] {
  let next = STAFF_FIRST_ROW;
  return result.staff.map((line) => {
    const row = next;
    next += 1 + (line.segments?.length ?? 0);
    return row;
  });
}

export function expectedCells(result: BudgetResult, spec: BudgetSpec): ExpectedCell[] {
  const out: ExpectedCell[] = [];
  const put = (sheet: string, col: number, row: number, expected: ExpectedValue, formula: boolean, label: string) => {
    if (col > 0) out.push({ sheet, cell: cellAddress(col, row), expected, formula, label });
  };
  const model = result.model;
  const totals = result.totals;

  // 汇总表
  const summary = summaryRows(model);
  const p = result.purchaseByPost;
  const summaryValue: Record<Exclude<SummaryKey, `year${number}`>, ExpectedValue | null> = {
    headcount: n(totals.headcount),
    gross: n(totals.gross),
    contributions: n(totals.contributions),
    levies: n(totals.levies),
    labour: n(totals.labour),
    otherCosts: n(totals.otherCosts),
    direct: n(totals.direct),
    managementFee: n(totals.managementFee),
    subtotal: n(totals.subtotal),
    tax: n(totals.tax),
    total: n(totals.total),
    capitals: t(rmbCapitals(totals.total)),
    labourShare: n(result.labourShare),
    managementShare: n(result.managementShare),
    posts: p ? n(p.posts) : null,
    postAmount: p ? n(p.amount) : null,
    postDifference: p ? n(p.difference) : null,
    labourPerPostYear: p ? n(p.labourPerPostYear) : null,
  };
  const years = new Map((result.years ?? []).map((y) => [y.year, y.labour]));
  for (const [key, row] of summary) {
    const year = /^year(\d+)$/.exec(key);
    if (year) {
      // 其中：YYYY 年度人员经费 = SUMIF of the segment rows of that year (spec v2)
      const labour = years.get(Number(year[1]));
      if (labour) put(SUMMARY, SUMMARY_VALUE_COL, row, n(labour), result.staff.length > 0, `“其中：${year[1]} 年度人员经费”`);
      continue;
    }
    const value = summaryValue[key as Exclude<SummaryKey, `year${number}`>];
    // 人民币大写 is text; 计提 is a plain 0 when there are no levies
    const formula = key !== 'capitals' && !(key === 'levies' && model.contributions.levies.length === 0);
    if (value) put(SUMMARY, SUMMARY_VALUE_COL, row, value, formula, `“${SUMMARY_LABELS[key as keyof typeof SUMMARY_LABELS]}”`);
  }

  // 人员经费明细: one row per line; a spec v2 line priced in segments has a row of its own (its identity, 人数, 月数 and
  // its amounts as SUMs of the rows below) and one per segment, priced with its guide version's block of 薪酬指导价
  // and its contribution set's 参数 (staffSheet.ts lineValues / segmentedLineValues)
  const guides = isResolved(spec) ? guidesUsed(spec, model) : [];
  const guidePlan = guides.length ? planGuideSheets(guides) : null;
  const c = staffColumns(model.contributions.items.length, model.contributions.levies.length, optionalColumns(result));
  const lineRows = staffLineRows(result);
  /** a priced row: a v1 line's, or a segment's (which shows no identity and takes its 人数 from its line's row) */
  const pricedRow = (line: StaffLineResult, r: number, block: GuideBlockPlan | null, segment: { year: number } | null, where: string) => {
    const s = line.input;
    const at = (col: number, value: ExpectedValue, formula: boolean, what: string) => put(STAFF, col, r, value, formula, `${where}“${what}”`);
    at(c.count, n(s.count), segment !== null, '人数');
    if (segment) at(c.year, int(segment.year), false, '年度');
    at(c.months, n(s.months), false, '月数');
    at(c.bonusMonths, n(s.bonusMonths), false, '额外月数');
    const guideRow = block?.cellRows.get(cellKey(s.post, s.grade, s.step));
    if (s.guideMonthly !== null && guideRow !== undefined) at(c.guideMonthly, n(s.guideMonthly), true, '指导价');
    const allowance = (kind: 'monthly' | 'oneOff') =>
      s.qualification !== undefined && block?.allowanceRows.get(allowanceKey(kind, s.qualification)) !== undefined;
    at(c.allowance, n(s.allowanceMonthly), allowance('monthly'), '持证津贴');
    at(c.extras, n(s.extrasMonthly), false, '其他月度项目');
    if (s.override !== null) at(c.override, n(s.override), false, '约定月薪');
    at(c.monthly, n(line.monthly), true, '月薪');
    // a one-off allowance is paid in a line's first segment; the other rows show a plain 0
    at(c.oneOff, n(s.oneOffAllowance), s.oneOffAllowance.units !== 0n && allowance('oneOff'), '一次性津贴');
    at(c.gross, n(line.gross), true, '应发工资');
    at(c.base, n(line.base), true, '缴费基数');
    c.items.forEach((col, k) => at(col, n(line.itemsPerMonth[k]!), true, model.contributions.items[k]!.name));
    at(c.perMonth, n(line.contributionsPerMonth), c.items.length > 0, '单位缴费（每人每月）');
    at(c.contributions, n(line.contributions), true, '单位缴费合计');
    c.levies.forEach((col, j) => at(col, n(line.levyAmounts[j]!), true, model.contributions.levies[j]!.name));
    at(c.labour, n(line.labour), true, '人员经费');
  };
  result.staff.forEach((line, i) => {
    const r = lineRows[i]!;
    const s = line.input;
    const where = `第 ${i + 1} 行`;
    const at = (col: number, value: ExpectedValue, formula: boolean, what: string) => put(STAFF, col, r, value, formula, `${where}“${what}”`);
    at(c.index, int(i + 1), false, '序号');
    at(c.post, t(s.post), false, '岗位');
    at(c.grade, t(s.grade), false, '等级');
    at(c.step, int(s.step), false, '档次');
    if (s.qualification) at(c.qualification, t(s.qualification), false, '持证等级');
    at(c.nonSocialWork, t(s.nonSocialWork ? '是' : ''), false, '非社工岗');
    if (!line.segments) {
      pricedRow(line, r, guidePlan, null, where);
      return;
    }
    at(c.count, n(s.count), false, '人数');
    at(c.months, n(s.months), false, '月数');
    at(c.bonusMonths, n(s.bonusMonths), false, '额外月数');
    if (s.override !== null) at(c.override, n(s.override), false, '约定月薪');
    at(c.gross, n(line.gross), true, '应发工资');
    at(c.contributions, n(line.contributions), true, '单位缴费合计');
    c.levies.forEach((col, j) => at(col, n(line.levyAmounts[j]!), true, model.contributions.levies[j]!.name));
    at(c.labour, n(line.labour), true, '人员经费');
    line.segments.forEach((seg, k) => {
      const block = guidePlan ? (guidePlan.blocks[seg.piece.version] ?? guidePlan) : null;
      pricedRow(seg.line, r + 1 + k, block, { year: seg.piece.year }, `${where}第 ${k + 1} 段（${seg.piece.start} 起）`);
    });
  });
  const staffTotal = staffTotalRowOf(result);
  const anyStaff = result.staff.length > 0;
  const totalAt = (col: number, value: Decimal, what: string) => put(STAFF, col, staffTotal, n(value), anyStaff, `合计行“${what}”`);
  totalAt(c.count, totals.headcount, '人数');
  totalAt(c.gross, totals.gross, '应发工资');
  totalAt(c.contributions, totals.contributions, '单位缴费合计');
  c.levies.forEach((col, j) =>
    totalAt(
      col,
      result.staff.reduce((acc, l) => add(acc, l.levyAmounts[j]!), ZERO),
      model.contributions.levies[j]!.name,
    ),
  );
  totalAt(c.labour, totals.labour, '人员经费');

  // 其他费用明细
  result.costs.forEach((line, i) => {
    const r = COSTS_FIRST_ROW + i;
    const k = line.input;
    const at = (col: number, value: ExpectedValue, formula: boolean, what: string) => put(COSTS, col, r, value, formula, `第 ${i + 1} 行“${what}”`);
    at(1, int(i + 1), false, '序号');
    at(2, t(k.category), false, '类别');
    at(3, t(k.name), false, '名称');
    at(4, n(k.unitPrice), false, '单价');
    at(5, n(k.quantity), false, '数量');
    at(6, n(k.times), false, '次数');
    at(COSTS_AMOUNT_COL, n(line.amount), true, '金额');
  });
  put(COSTS, COSTS_AMOUNT_COL, costsTotalRow(result.costs.length), n(totals.otherCosts), result.costs.length > 0, '合计行“金额”');

  // 薪酬指导价: the version used, or (spec v2) every version in force during the period, one block under the other
  guides.forEach((guide, b) => {
    const block = guidePlan!.blocks[b]!;
    const of = guides.length > 1 ? `${guide.name} ` : '';
    const wage = guide.referenceWage
      ? { name: guide.referenceWage.name, amount: parseDecimal(guide.referenceWage.amount), per: guide.referenceWage.per }
      : null;
    const firstRow = block.titleRow + GUIDE_FIRST_ROW - 1;
    guide.rows.forEach((row, i) => {
      const r = firstRow + i;
      const what = (x: string) => `${of}第 ${i + 1} 行“${x}”（${row.post} ${row.grade} ${row.step} 档）`;
      put(GUIDE, 1, r, t(row.post), false, what('岗位'));
      put(GUIDE, 2, r, t(row.grade), false, what('等级'));
      put(GUIDE, 3, r, int(row.step), false, what('档次'));
      if (row.coefficient !== undefined && wage) {
        const coefficient = parseDecimal(row.coefficient);
        put(GUIDE, 4, r, n(coefficient), false, what('系数'));
        put(GUIDE, GUIDE_MONTHLY_COL, r, n(coefficientMonthly(coefficient, wage)), true, what('金额'));
      } else if (row.monthly !== undefined) put(GUIDE, GUIDE_MONTHLY_COL, r, n(parseDecimal(row.monthly)), false, what('金额'));
    });
    guide.allowances.forEach((a, i) => {
      const r = block.allowanceHeaderRow + 1 + i;
      put(GUIDE, 1, r, t(a.qualification), false, `${of}持证津贴第 ${i + 1} 行“持证等级”`);
      put(GUIDE, GUIDE_MONTHLY_COL, r, n(parseDecimal(a.monthly)), false, `${of}持证津贴“${a.qualification}”金额`);
    });
    if (guide.referenceWage && block.wageRow !== null) put(GUIDE, 2, block.wageRow, n(parseDecimal(guide.referenceWage.amount)), false, `${of}“参考工资金额”`);
  });

  // 参数
  paramEntries(model, { periodStart: spec.period.start }).forEach((e, i) => {
    if (e.kind !== 'value') return;
    const value = typeof e.value === 'string' ? (e.value === '' ? null : t(e.value)) : n(e.value);
    if (value) put(PARAMS, PARAMS_VALUE_COL, PARAMS_FIRST_ROW + i, value, false, `“${e.label}”`);
  });
  return out;
}
