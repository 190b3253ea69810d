/** The budget workbook's sheets, in order (docs/design.md §Excel workbooks). Formulas refer to each other by these names. */
export const SUMMARY = '汇总表';
export const STAFF = '人员经费明细';
export const COSTS = '其他费用明细';
export const GUIDE = '薪酬指导价';
export const PARAMS = '参数';
export const CHECKS = '合规检查';
/** only for a project built from the roster (rosterAnnexSheet.ts) */
export const ROSTER_ANNEX = '名册附表';
