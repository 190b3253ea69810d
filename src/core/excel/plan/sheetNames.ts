/** The area plan workbook's sheets, in order (docs/design.md §Excel workbooks). Formulas refer to each other by these names. */
export const PLAN_SHEETS = {
  summary: '规划汇总',
  mix: '岗位结构',
  communities: '社区测算',
  streets: '街道汇总',
  districts: '区汇总',
  projection: '多年预测',
  params: '参数',
} as const;
