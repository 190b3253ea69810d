import type { BudgetSpecV2Input } from '../../../src/core/spec/budgetSpec';

/**
 * The worked 36-month bid of multiYear.test.ts (docs/design.md §Budget arithmetic, "Segments"), for the workbook tests too.
 * 2027 版 (from 2027-01-01): 一线社工/社工师/1 6,000.00; 社工师 allowance 300.00 a month and 1,000.00 once.
 * 2028 版 (from 2028-01-01): the cell 6,300.00, the allowance still 300.00 (and 1,000.00 once).
 * Contributions from 2027-07-01: base 5,000–30,000, pension 16 %, housing fund 5 % to the yuan;
 * from 2028-07-01 (the July base reset): base 5,500–32,000, pension 16 %, housing fund 7 % to the yuan on its own
 * base 2,500–28,000. 工会经费 2 % throughout.
 */
export function bid(): BudgetSpecV2Input {
  const items = (housingRate: string, housingLimits: object = {}) => [
    { name: '养老保险', rate: '0.16' },
    { name: '住房公积金', rate: housingRate, round: 'yuan' as const, ...housingLimits },
  ];
  const allowances = [
    { qualification: '社工师', monthly: '300.00' },
    { qualification: '社工师', monthly: '1000.00', kind: 'oneOff' as const },
  ];
  return {
    version: 2,
    name: '某街道社工服务项目 2027—2030',
    period: { start: '2027-07', months: 36 },
    payGuide: {
      name: '示例市社工薪酬指导价',
      versions: [
        // listed out of order on purpose: the one in force is chosen by date
        { label: '2028 版', effective: '2028-01-01', rows: [{ post: '一线社工', grade: '社工师', monthly: '6300.00' }], allowances },
        { label: '2027 版', effective: '2027-01-01', rows: [{ post: '一线社工', grade: '社工师', monthly: '6000.00' }], allowances },
      ],
    },
    contributions: [
      { effective: '2027-07-01', floor: '5000.00', ceiling: '30000.00', items: items('0.05'), levies: [{ name: '工会经费', rate: '0.02' }] },
      {
        effective: '2028-07-01',
        floor: '5500.00',
        ceiling: '32000.00',
        items: items('0.07', { floor: '2500.00', ceiling: '28000.00' }),
        levies: [{ name: '工会经费', rate: '0.02' }],
      },
    ],
    staff: [
      { post: '一线社工', grade: '社工师', qualification: '社工师', count: 2, months: 36, bonusMonths: 1 },
      { post: '财务', grade: '会计', count: 0.5, months: 36, monthly: '5000.00', nonSocialWork: true },
    ],
  };
}
