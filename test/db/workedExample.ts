/**
 * The docs/design.md §Budget spec example as store records: one guide cell 一线社工/社工师/1 at 6,500.00 yuan a month,
 * the 社工师 allowance 300.00, contributions 养老 16 % (to the fen) and 住房公积金 5 % (to the yuan)
 * on a base clamped into [4,500, 28,000], 工会经费 2 %; 6 people × 12 months + 1 bonus month;
 * one activity line 800.00 × 24; management fee 8 %; VAT 3 % grossed up with 12 % surcharges.
 *
 *   monthly       = 6,500.00 + 300.00                         = 6,800.00
 *   gross         = 6,800.00 × 6 × (12 + 1)                   = 530,400.00
 *   base          = clamp(6,800.00, 4,500, 28,000)            = 6,800.00
 *   养老           = round(6,800.00 × 0.16)                    = 1,088.00
 *   公积金          = round_yuan(6,800.00 × 0.05)               = 340.00
 *   contributions = (1,088.00 + 340.00) × 6 × 12              = 102,816.00
 *   levies        = round(530,400.00 × 0.02)                  = 10,608.00
 *   labour        = 530,400.00 + 102,816.00 + 10,608.00       = 643,824.00
 *   other         = 800.00 × 24                               = 19,200.00
 *   direct        = 643,824.00 + 19,200.00                    = 663,024.00
 *   managementFee = round(663,024.00 × 0.08)                  = 53,041.92
 *   subtotal      = 663,024.00 + 53,041.92                    = 716,065.92
 *   total         = round(716,065.92 / (1 − 0.03/1.03 × 1.12))
 *                 = round(716,065.92 × 1.03 / 0.9964) = round(740,212.6632…) = 740,212.66
 *   tax           = 740,212.66 − 716,065.92                   = 24,146.74
 *   labourShare   = 643,824.00 / 740,212.66 = 0.86978…        → 0.8698
 */
export const WORKED = {
  gross: '530400.00',
  contributions: '102816.00',
  levies: '10608.00',
  labour: '643824.00',
  otherCosts: '19200.00',
  direct: '663024.00',
  managementFee: '53041.92',
  subtotal: '716065.92',
  total: '740212.66',
  tax: '24146.74',
  labourShare: '0.8698',
};

export const workedGuide = {
  name: '示例市社工薪酬指导价',
  issuer: '示例市民政局',
  region: '示例市',
  sample: true,
  versions: [
    {
      label: '2026 版',
      effectiveFrom: '2026-01-01',
      cells: [{ post: '一线社工', grade: '社工师', step: 1, amount: '6500.00' }],
      allowances: [{ qualification: '社工师', amount: '300.00' }],
    },
  ],
};

export const workedContributions = {
  city: '示例市',
  name: '示例市 2026 社保公积金参数',
  effectiveFrom: '2025-07-01',
  floor: '4500.00',
  ceiling: '28000.00',
  items: [
    { name: '养老保险', rate: '0.16' },
    { name: '住房公积金', rate: '0.05', round: 'yuan' as const },
  ],
  levies: [{ name: '工会经费', rate: '0.02' }],
};

export const workedProject = (guideId: number, contributionSetId: number) => ({
  name: '某街道家庭综合服务中心 2026 年度服务项目',
  periodStart: '2026-01',
  periodMonths: 12,
  guideId,
  contributionSetId,
  staff: [{ post: '一线社工', grade: '社工师', step: 1, qualification: '社工师', count: 6, months: 12, bonusMonths: 1 }],
  costs: [{ category: '活动费', name: '社区活动', unitPrice: '800.00', quantity: 24, times: 1 }],
  managementRate: '0.08',
  tax: { method: 'gross-up' as const, vat: '0.03', surcharge: '0.12' },
  rules: { minLabourShare: '0.60', maxManagementShare: '0.10' },
});
