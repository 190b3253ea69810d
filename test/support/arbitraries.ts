import fc from 'fast-check';
import type { BudgetSpecInput } from '../../src/core/spec/budgetSpec';

/**
 * Random valid budget specs for property tests: amounts and rates as the exact strings a user
 * would type, counts with up to 2 decimals, both tax methods, rules that sometimes pass and sometimes fail.
 */
const fen = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((f) => (f / 100).toFixed(2));
const rate = (maxPermille: number) => fc.integer({ min: 0, max: maxPermille }).map((p) => (p / 10000).toFixed(4));
const quantity = fc.integer({ min: 1, max: 400 }).map((q) => q / 4); // 0.25 steps
const POSTS = ['一线社工', '督导', '项目主管', '行政'];
const GRADES = ['助理社工师', '社工师', '高级社工师'];

export const budgetSpecArbitrary: fc.Arbitrary<BudgetSpecInput> = fc
  .record({
    cells: fc.uniqueArray(
      fc.record({ post: fc.constantFrom(...POSTS), grade: fc.constantFrom(...GRADES), step: fc.integer({ min: 1, max: 3 }), monthly: fen(2000, 30000) }),
      { minLength: 1, maxLength: 8, selector: (c) => `${c.post}|${c.grade}|${c.step}` },
    ),
    allowances: fc.array(fc.record({ q: fc.constantFrom(...GRADES), monthly: fen(0, 800), oneOff: fc.boolean() }), { maxLength: 3 }),
    floor: fen(3000, 6000),
    ceilingOver: fen(0, 30000),
    items: fc.array(fc.record({ name: fc.constantFrom('养老保险', '医疗保险', '失业保险', '工伤保险', '住房公积金'), rate: rate(1600), yuan: fc.boolean() }), {
      maxLength: 5,
    }),
    levies: fc.array(fc.record({ name: fc.constant('工会经费'), rate: rate(300) }), { maxLength: 1 }),
    staffPicks: fc.array(
      fc.record({
        cell: fc.nat(),
        count: quantity,
        months: fc.integer({ min: 1, max: 12 }),
        bonus: fc.constantFrom(0, 0.5, 1, 2),
        q: fc.option(fc.constantFrom(...GRADES), { nil: undefined }),
        override: fc.option(fen(2000, 30000), { nil: undefined }),
      }),
      { maxLength: 12 },
    ),
    costs: fc.array(
      fc.record({
        category: fc.constantFrom('活动费', '督导培训费', '行政办公费'),
        name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
        unitPrice: fen(0, 50000),
        quantity: quantity,
        times: fc.integer({ min: 1, max: 12 }),
      }),
      { maxLength: 10 },
    ),
    managementRate: rate(2000),
    tax: fc.oneof(
      fc.record({ method: fc.constant('gross-up' as const), vat: fc.constantFrom('0.01', '0.03', '0.06'), surcharge: fc.constantFrom('0', '0.06', '0.12') }),
      fc.record({ method: fc.constant('simple' as const), rate: rate(700) }),
    ),
    minLabourShare: fc.option(rate(9500), { nil: undefined }),
    maxManagementShare: fc.option(rate(2000), { nil: undefined }),
  })
  .map((r) => {
    const ceiling = (Number(r.floor) * 100 + Number(r.ceilingOver) * 100) / 100;
    const seen = new Set<string>();
    return {
      version: 1 as const,
      name: '随机预算',
      period: { start: '2026-01', months: 12 },
      payGuide: {
        name: '随机指导价',
        rows: r.cells,
        allowances: r.allowances
          .filter((a) => (seen.has(a.q) ? false : (seen.add(a.q), true)))
          .map((a) => ({ qualification: a.q, monthly: a.monthly, kind: a.oneOff ? ('oneOff' as const) : ('monthly' as const) })),
      },
      contributions: {
        floor: r.floor,
        ceiling: ceiling.toFixed(2),
        items: r.items.map((i) => ({ name: i.name, rate: i.rate, round: i.yuan ? ('yuan' as const) : ('fen' as const) })),
        levies: r.levies,
      },
      staff: r.staffPicks.map((s) => {
        const cell = r.cells[s.cell % r.cells.length]!;
        return {
          post: cell.post,
          grade: cell.grade,
          step: cell.step,
          ...(s.q ? { qualification: s.q } : {}),
          count: s.count,
          months: s.months,
          bonusMonths: s.bonus,
          ...(s.override ? { monthly: s.override } : {}),
        };
      }),
      costs: r.costs,
      managementFee: { rate: r.managementRate },
      tax: r.tax,
      rules: {
        ...(r.minLabourShare ? { minLabourShare: r.minLabourShare } : {}),
        ...(r.maxManagementShare ? { maxManagementShare: r.maxManagementShare } : {}),
      },
    };
  });
