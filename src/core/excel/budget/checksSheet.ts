import type { CellValue, Style, Worksheet } from 'exceljs';
import type { CheckCode, CheckLevel } from '../../budget/checks';
import type { BudgetResult } from '../../budget/compute';
import { ColumnWidths, sheetRef, text, textFormula, wrappedLines } from '../cells';
import { BODY_FONT, GRID, HEADER_FILL, HEADER_FONT, ROW_HEIGHT, TITLE_FONT, onePageIfShort, setWidths, titleRowHeight } from '../print';
import { commitRow } from '../streaming';
import { PARAMS_VALUE_COL, type ParamKey } from './paramsSheet';
import { PARAMS, SUMMARY } from './sheetNames';
import { SUMMARY_VALUE_COL, type SummaryKey } from './summarySheet';

/**
 * 合规检查: the purchaser's rules as live formulas over 汇总表 and 参数 (compared exactly as the core
 * does: 人员经费 ≥ 下限 × 总额, not on rounded percentages), then every check the program found.
 */
const LEVELS: Record<CheckLevel, string> = { error: '不符合', warning: '警告', info: '提示' };
const TOPICS: Record<CheckCode, string> = {
  LABOUR_SHARE_BELOW_MIN: '人员经费占比',
  MANAGEMENT_FEE_ABOVE_CAP: '管理费占比',
  PAY_BELOW_GUIDE: '低于指导价',
  BASE_AT_FLOOR: '缴费基数下限',
  BASE_AT_CEILING: '缴费基数上限',
  POSTS_OUTSIDE_RANGE: '岗位人数',
  NO_GUIDE_CELL: '指导价无对应档次',
  GUIDE_INCLUDES_EMPLOYER_COST: '指导价口径',
  PAY_BELOW_REFERENCE: '薪酬平均标准',
  SOCIAL_WORK_POST_SHARE: '社工岗位占比',
};

export interface ChecksRefs {
  params: Map<ParamKey, number>;
  summary: Map<SummaryKey, number>;
  /** the social-work posts as a formula over 人员经费明细 (summarySheet.ts socialWorkPostsFormula) */
  socialWorkPosts?: string;
}

export function writeChecksSheet(ws: Worksheet, result: BudgetResult, refs: ChecksRefs, title: string): void {
  const P = (k: ParamKey) => sheetRef(PARAMS, PARAMS_VALUE_COL, refs.params.get(k)!);
  const S = (k: SummaryKey) => sheetRef(SUMMARY, SUMMARY_VALUE_COL, refs.summary.get(k)!);
  const failed = (code: CheckCode) => result.checks.some((c) => c.code === code);
  const verdict = (code: CheckCode) => (failed(code) ? '不符合' : '符合');

  const rules: [CellValue, string, string][] = [];
  if (refs.params.has('minLabourShare')) {
    rules.push([
      textFormula(`IF(${S('labour')}>=${P('minLabourShare')}*${S('total')},"符合","不符合")`, verdict('LABOUR_SHARE_BELOW_MIN')),
      '人员经费占比不低于下限',
      '人员经费合计 ≥ 人员经费占比下限 × 预算总额（汇总表、参数表）',
    ]);
  }
  if (refs.params.has('maxManagementShare')) {
    rules.push([
      textFormula(`IF(${S('managementFee')}<=${P('maxManagementShare')}*${S('total')},"符合","不符合")`, verdict('MANAGEMENT_FEE_ABOVE_CAP')),
      '管理费占比不超过上限',
      '管理费 ≤ 管理费占比上限 × 预算总额',
    ]);
  }
  if (refs.params.has('minSocialWorkPostShare') && refs.socialWorkPosts) {
    rules.push([
      textFormula(`IF(${refs.socialWorkPosts}>=${P('minSocialWorkPostShare')}*${S('headcount')},"符合","不符合")`, verdict('SOCIAL_WORK_POST_SHARE')),
      '社工专业岗位占比不低于下限',
      '社工专业岗位数 ≥ 社工专业岗位占比下限 × 配备人数（非社工岗不计入）',
    ]);
  }
  if (refs.params.has('postsMin')) {
    rules.push([
      textFormula(`IF(AND(${S('headcount')}>=${P('postsMin')},${S('headcount')}<=${P('postsMax')}),"符合","不符合")`, verdict('POSTS_OUTSIDE_RANGE')),
      '配备人数在岗位测算范围内',
      '岗位测算人数下限 ≤ 配备人数 ≤ 上限',
    ]);
  }

  // the explanations wrap: their column is as wide as the longest of the first 2,000, within a landscape page
  const fit = new ColumnWidths([null, null, null, null]).header(['序号', '结论', '检查项', '说明']);
  fit
    .cell(1, rules.length + result.checks.length + 1)
    .cell(2, '不符合')
    .cell(3, '程序检查');
  for (const r of rules) fit.cell(3, r[1]).cell(4, r[2]);
  for (const c of result.checks.slice(0, 2000)) fit.cell(3, TOPICS[c.code]).cell(4, c.message);
  const widths = fit.widths([{ min: 6 }, { min: 8 }, { min: 16, max: 26 }, { min: 40, max: 70 }]);
  setWidths(ws, widths);
  const t = ws.addRow([text(title)]);
  t.height = titleRowHeight(title, widths);
  t.getCell(1).style = { font: TITLE_FONT, alignment: { vertical: 'middle', wrapText: true } };
  ws.mergeCells(1, 1, 1, 4);
  t.commit();
  const h = ws.addRow(['序号', '结论', '检查项', '说明']);
  h.eachCell((cell) => {
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: GRID, alignment: { horizontal: 'center', vertical: 'middle' } };
  });
  h.commit();

  // a short list prints on one page; the explanations wrap, a line each of 15 points
  const messageWidth = widths[3]!;
  const listed = [...rules.map((r) => r[2]), ...(result.checks.length ? result.checks.slice(0, 2000).map((c) => c.message) : ['未发现问题'])];
  onePageIfShort(ws, [t.height!, ROW_HEIGHT, ...listed.map((m) => Math.max(ROW_HEIGHT, 15 * wrappedLines(m, messageWidth)))]);

  let n = 0;
  const styles: Partial<Style>[] = [1, 2, 3, 4].map((c) => ({ font: BODY_FONT, border: GRID, alignment: { vertical: 'middle', wrapText: c === 4 } }));
  const add = (values: unknown[]) => {
    const row = ws.addRow([++n, ...values]);
    for (let c = 1; c <= 4; c++) row.getCell(c).style = styles[c - 1]!;
    commitRow(ws, row);
  };
  for (const r of rules) add(r);
  if (result.checks.length === 0) add(['符合', '程序检查', '未发现问题']);
  for (const c of result.checks) add([LEVELS[c.level], TOPICS[c.code], text(c.message)]);
}
