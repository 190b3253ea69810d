import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { importCommunitiesCsv } from '../../../src/core/excel/readers/communityImport';
import { writePlanWorkbook } from '../../../src/core/excel/planWorkbook';
import { runAreaPlan } from '../../../src/core/plan/areaPlan';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';
import { auditWorkbooks, describeMismatches } from '../../support/libreoffice';
import { referenceWageSchema } from '../../../src/core/guides/schema';
import { parseDecimal, toFixed } from '../../../src/core/money/decimal';
import { JILIN_PAY_STANDARD, payReferenceRule, performanceMonthly } from '../../../src/core/pay/jilin';
import { THREE_POSTS_MIX } from '../../../src/core/plan/mixPresets';
import { postMixSchema } from '../../../src/core/plan/postMix';
import { TeamPricer, priceMixLines } from '../../../src/core/plan/pricing';
import { yuan } from '../../../src/core/plan/planJson';
import { type BudgetSpecInput, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { sampleReferenceWages } from '../../../db/sampleData';
import { contributions, guide, mix } from '../plan/fixtures';

/**
 * 吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》二、（四）: 薪酬平均标准参照上年度事业单位管理
 * 岗位人员平均工资水平核定; 基础报酬占 70 %, 绩效奖金占 30 %.
 */
describe('the 70 / 30 split: performance = round(base × 30 % ÷ 70 %, 2)', () => {
  it('base 4,888.00 (三岗 一般工作人员 1级 2026: 0.52 × 112,800 ÷ 12) → 4,888 × 3 ÷ 7 = 2,094.857… → 2,094.86; pay 6,982.86', () => {
    const share = parseDecimal(JILIN_PAY_STANDARD.performanceShare);
    const perf = performanceMonthly(parseDecimal('4888.00'), share);
    expect(toFixed(perf, 2)).toBe('2094.86');
    // 4,888.00 ÷ 6,982.86 = 70.00 %, 2,094.86 ÷ 6,982.86 = 30.00 %
  });
  it('a share of 0 adds nothing', () => {
    expect(toFixed(performanceMonthly(parseDecimal('4888.00'), parseDecimal('0')), 2)).toBe('0.00');
  });
});

describe('area-plan pricing includes the performance part (before: the guide cell alone, ~30 % low)', () => {
  // The team of 12 of test/core/plan/pricing.test.ts: 正职 1, 两委 3, 普通 8 at cells 6,000 / 5,000 / 4,000.
  // Before: labour 857,340.00 — the cells priced as the whole pay.
  it('before: without a performance share the team of 12 costs 857,340.00', () => {
    const before = new TeamPricer(mix, priceMixLines(mix, guide), contributions, 'gross');
    expect(yuan(before.cost(12).labour)).toBe('857340.00');
  });

  it('after: 正职 6,000 + 2,571.43 = 8,571.43; 两委 5,000 + 2,142.86 = 7,142.86; 普通 4,000 + 1,714.29 = 5,714.29 → 1,203,885.92', () => {
    // 正职 ×1: gross 8,571.43 × 12 = 102,857.16; items 1,371.43 + 814.29 + 429 = 2,614.72 × 12 = 31,376.64; 工会 2,057.14 → 136,290.94
    // 两委 ×3: gross 257,142.96; items 1,142.86 + 678.57 + 357 = 2,178.43 × 36 = 78,423.48; 工会 5,142.86 → 340,709.30
    // 普通 ×8: gross 548,571.84; items 914.29 + 542.86 + 286 = 1,743.15 × 96 = 167,342.40 (5,714.29 is above the floor); 工会 10,971.44 → 726,885.68
    // 136,290.94 + 340,709.30 + 726,885.68 = 1,203,885.92; the old 857,340.00 is 71.2 % of it, 28.8 % low
    const jilinMix = postMixSchema.parse({ ...mix, performanceShare: '0.30' });
    const lines = priceMixLines(jilinMix, guide);
    expect(lines.map((l) => toFixed(l.performanceMonthly, 2))).toEqual(['2571.43', '2142.86', '1714.29']);
    const after = new TeamPricer(jilinMix, lines, contributions, 'gross');
    expect(after.line(0, 1).monthly).toEqual(parseDecimal('8571.43'));
    const c = after.cost(12);
    expect([yuan(c.gross), yuan(c.contributions), yuan(c.levies), yuan(c.labour)]).toEqual(['908571.96', '277142.52', '18171.44', '1203885.92']);
  });

  it('the plan workbook prices the performance part as a formula, ROUND(指导价 × 0.3 ÷ (1 − 0.3), 2), that LibreOffice recomputes to the fen', async () => {
    const jilinMix = postMixSchema.parse({ ...mix, performanceShare: '0.30' });
    const pricer = new TeamPricer(jilinMix, priceMixLines(jilinMix, guide), contributions, 'gross');
    const { communities } = importCommunitiesCsv('社区名称,区,街道,户数\n甲,东区,一街道,4100\n乙,东区,二街道,2000\n');
    const plan = runAreaPlan(communities, { ruleSet: jilinRuleSet, version: jilinRuleSet.versions[0]!, point: 'min', pricer });
    // 甲 is the team of 12 above
    expect(yuan(plan.pricer!.cost(12).labour)).toBe('1203885.92');
    const bytes = await writePlanWorkbook({
      title: '绩效',
      plan,
      pricing: { mix: jilinMix, pricer, guideName: guide.name, contributionsName: '示例' },
      parameters: [],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-jilin-wb-'));
    try {
      const file = path.join(dir, 'plan.xlsx');
      fs.writeFileSync(file, bytes);
      const audits = await auditWorkbooks([file], dir);
      expect(audits[0]!.mismatches, describeMismatches(audits)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the shipped 三岗 mix pays the Jilin 30 %', () => {
    expect(THREE_POSTS_MIX.performanceShare).toBe('0.30');
  });

  it('a share of 1 leaves no base and is refused', () => {
    expect(postMixSchema.safeParse({ ...mix, performanceShare: '1' }).success).toBe(false);
  });
});

describe('the reference: 上年度事业单位管理岗位人员工资平均水平 (sample 96,000.00 a year from 2026)', () => {
  const wages = sampleReferenceWages.map((w) => referenceWageSchema.parse(w));

  it('as rules.payReference for a budget starting 2026-03: 96,000 ÷ 12 = 8,000.00 a month; none recorded for 2025', () => {
    expect(payReferenceRule(JILIN_PAY_STANDARD, wages, '2026-03-01')).toEqual({
      name: '上年度事业单位管理岗位人员工资平均水平（示例市）（2026-01-01 起）',
      monthly: '8000.00',
    });
    expect(payReferenceRule(JILIN_PAY_STANDARD, wages, '2025-06-01')).toBeNull();
  });
});

describe('PAY_BELOW_REFERENCE: the team’s average monthly pay against the reference', () => {
  // 1 × 9,000 for 12 months and 3 × 7,000 for 12 months + 1 bonus month:
  //   gross 9,000 × 12 + 7,000 × 3 × 13 = 108,000 + 273,000 = 381,000.00; person-months 1 × 12 + 3 × 12 = 48
  //   average 381,000 ÷ 48 = 7,937.50 < 8,000.00: 62.50 a month short; 8,000 × 48 − 381,000 = 3,000.00 in all
  const spec = (headMonthly: string): BudgetSpecInput => ({
    version: 1,
    name: '社工岗队伍',
    period: { start: '2026-01', months: 12 },
    payGuide: {
      name: '示例',
      rows: [
        { post: '正职', grade: '一级', monthly: headMonthly },
        { post: '一般工作人员', grade: '一级', monthly: '7000.00' },
      ],
    },
    contributions: { floor: '0', ceiling: '100000.00' },
    staff: [
      { post: '正职', grade: '一级', count: 1, months: 12 },
      { post: '一般工作人员', grade: '一级', count: 3, months: 12, bonusMonths: 1 },
    ],
    rules: { payReference: { name: '上年度事业单位管理岗位人员平均工资', monthly: '8000.00' } },
  });

  it('7,937.50 against 8,000.00: an error saying 62.50 a month per person, 3,000.00 in all', () => {
    const checks = priceBudget(parseBudgetSpec(spec('9000.00'))).result.checks;
    const c = checks.find((x) => x.code === 'PAY_BELOW_REFERENCE')!;
    expect(c.level).toBe('error');
    expect(c.params).toEqual({
      label: '上年度事业单位管理岗位人员平均工资',
      referenceMonthly: '8000.00',
      averageMonthly: '7937.50',
      personMonths: '48',
      gross: '381000.00',
      shortByMonthly: '62.50',
      shortBy: '3000.00',
    });
    expect(c.message).toBe(
      '社工岗人员月均薪酬 7,937.50 元（应发 381,000.00 元 ÷ 48 人月）低于参照标准 8,000.00 元（上年度事业单位管理岗位人员平均工资），每人每月少 62.50 元，合计少 3,000.00 元。',
    );
  });

  it('with the head at 12,000: (144,000 + 273,000) ÷ 48 = 8,687.50 ≥ 8,000: no check; without the rule, none either', () => {
    expect(priceBudget(parseBudgetSpec(spec('12000.00'))).result.checks.map((c) => c.code)).not.toContain('PAY_BELOW_REFERENCE');
    const noRule = { ...spec('9000.00'), rules: {} };
    expect(priceBudget(parseBudgetSpec(noRule)).result.checks.map((c) => c.code)).not.toContain('PAY_BELOW_REFERENCE');
  });
});
