import { describe, expect, it } from 'vitest';
import {
  FAMILY_CENTRE_PROJECT,
  GUANGDONG_GUIDE,
  JILIN_PROJECT,
  THREE_POSTS,
  sampleBudgetSpecs,
  sampleContributionSets,
  sampleGuideVersion,
  sampleGuides,
  sampleReferenceWages,
} from '../../db/sampleData';
import { priceBudget } from '../../src/core/budget/pipeline';
import { add, compare, divRound, parseDecimal, sub } from '../../src/core/money/decimal';
import { parseBudgetSpec, serializeBudgetSpec } from '../../src/core/spec/budgetSpec';

const compute = (name: string) => {
  const spec = sampleBudgetSpecs().find((s) => s.name === name)!;
  return { spec, json: priceBudget(spec).json };
};

describe('the embedded sample data', () => {
  it('names its source and year, and says 示例数据 where not official', () => {
    for (const g of sampleGuides) {
      expect(g.sample).toBe(true);
      for (const v of g.versions) expect(v.source).toMatch(/示例数据/);
    }
    for (const c of sampleContributionSets) {
      expect(c.source).toBeTruthy();
      if (c.sample) expect(c.source).toMatch(/示例数据/);
    }
    expect(sampleContributionSets.find((c) => c.city === '北京')!.source).toMatch(/2022/);
    for (const w of sampleReferenceWages) expect(w.source).toMatch(/示例数据/);
  });

  it('has a grade × step guide in yuan and a 三岗十八级 coefficient guide with two versions', () => {
    const yuan = sampleGuideVersion(GUANGDONG_GUIDE, '2025-06-01');
    expect(new Set(yuan.cells.map((c) => c.grade))).toEqual(new Set(['员级', '初级', '中级', '高级', '督导助理', '见习督导', '初级督导']));
    // 初级 → 中级 adds 1,250 a month = 15,000 a year (佛山南海桂城 2011 shape)
    const cell = (g: string, s: number) => parseDecimal(yuan.cells.find((c) => c.grade === g && c.step === s)!.amount!);
    expect(sub(cell('中级', 1), cell('初级', 1))).toEqual(parseDecimal('1250.00'));

    const coeff2025 = sampleGuideVersion(THREE_POSTS, '2025-06-01');
    const coeff2026 = sampleGuideVersion(THREE_POSTS, '2026-06-01');
    expect(coeff2025.label).toBe('2025 版');
    expect(coeff2026.label).toBe('2026 版');
    const levels = (post: string) => coeff2025.cells.filter((c) => c.post === post).map((c) => parseInt(c.grade, 10));
    expect([Math.min(...levels('正职')), Math.max(...levels('正职'))]).toEqual([7, 18]);
    expect([Math.min(...levels('副职')), Math.max(...levels('副职'))]).toEqual([4, 15]);
    expect([Math.min(...levels('一般工作人员')), Math.max(...levels('一般工作人员'))]).toEqual([1, 12]);
    expect(coeff2025.cells.every((c) => c.coefficient !== undefined)).toBe(true);
  });

  it('has monthly allowances (200/300/500) and one-off ones (上海长宁 1,500/3,000/5,000)', () => {
    const v = sampleGuideVersion(GUANGDONG_GUIDE, '2026-06-01');
    expect(v.allowances.filter((a) => a.kind === 'monthly').map((a) => a.amount)).toEqual(['200.00', '300.00', '500.00']);
    expect(v.allowances.filter((a) => a.kind === 'oneOff').map((a) => a.amount)).toEqual(['1500.00', '3000.00', '5000.00']);
  });

  it('the family centre budget: labour share ≥ 60 %, management ≤ 10 %, 中山 categories, no errors', () => {
    const { json } = compute(FAMILY_CENTRE_PROJECT);
    expect(compare(parseDecimal(json.labourShare), parseDecimal('0.60'))).toBeGreaterThanOrEqual(0);
    expect(compare(parseDecimal(json.managementShare), parseDecimal('0.10'))).toBeLessThanOrEqual(0);
    const categories = new Set(json.lines.flatMap((l) => (l.kind === 'cost' ? [l.category] : [])));
    expect(categories).toEqual(new Set(['督导培训', '服务活动', '行政管理']));
    expect(json.checks.filter((c) => c.level !== 'info')).toEqual([]);
    // the 高级社工师 line: 2026 高级/1 = round(8,800 × 1.03) = 9,064 + 500 allowance = 9,564 a month;
    // gross = 9,564 × 1 × 13 + one-off 5,000 × 1 = 129,332.00
    const head = json.lines[0]!;
    expect(head.kind === 'staff' && [head.monthly, head.gross]).toEqual(['9564.00', '129332.00']);
  });

  it('the Jilin 社工岗 team: 12 posts within 10–15, allowance ≥ 200, pay split 70 % base / 30 % performance', () => {
    const { spec, json } = compute(JILIN_PROJECT);
    expect(json.headcount).toBe('12');
    expect(json.checks).toEqual([]);
    for (const line of json.lines) {
      if (line.kind !== 'staff') continue;
      if (line.qualification) expect(compare(parseDecimal(line.allowanceMonthly), parseDecimal('200.00'))).toBeGreaterThanOrEqual(0);
      // performance / (base + performance) = 30 % to within rounding of the fen
      const base = parseDecimal(line.guideMonthly!);
      const performance = parseDecimal(line.extrasMonthly);
      const share = divRound(performance, add(base, performance), 4);
      expect(share).toEqual(parseDecimal('0.3000'));
    }
    // 正职 12级 in 2026: coefficient 0.52 + 0.03 × 11 = 0.85; 0.85 × 112,800 ÷ 12 = 7,990.00;
    // performance = round(7,990 × 3 / 7) = round(3,424.2857…) = 3,424.29
    const head = json.lines[0]!;
    expect(head.kind === 'staff' && [head.guideMonthly, head.extrasMonthly]).toEqual(['7990.00', '3424.29']);
    expect(spec.rules.posts).toMatchObject({ min: 10, max: 15 });
  });

  it('the Jilin team meets the Jilin pay reference (PAY_BELOW_REFERENCE passes), and a higher reference would flag it', () => {
    const { spec, json } = compute(JILIN_PROJECT);
    // 上年度事业单位管理岗位人员平均工资 (sample, from 2026-01-01) 96,000.00 a year ÷ 12 = 8,000.00 a month
    expect(spec.rules.payReference).toEqual({ name: '上年度事业单位管理岗位人员工资平均水平（示例市）（2026-01-01 起）', monthly: '8000.00' });
    /*
     * Each line's monthly pay = base (coefficient × 112,800 ÷ 12 = coefficient × 9,400) + allowance + round(base × 3/7):
     *   正职 12级 ×1  0.85 → 7,990 + 300 + 3,424.29 = 11,714.29   × 12 person-months = 140,571.48
     *   副职  8级 ×2  0.73 → 6,862 + 300 + 2,940.86 = 10,102.86   × 24               = 242,468.64
     *   副职  6级 ×1  0.67 → 6,298 + 200 + 2,699.14 =  9,197.14   × 12               = 110,365.68
     *   一般  5级 ×2  0.64 → 6,016 + 200 + 2,578.29 =  8,794.29   × 24               = 211,062.96
     *   一般  3级 ×4  0.58 → 5,452 + 200 + 2,336.57 =  7,988.57   × 48               = 383,451.36
     *   一般  1级 ×2  0.52 → 4,888 +   0 + 2,094.86 =  6,982.86   × 24               = 167,588.64
     * Σ gross = 1,255,508.76 over 144 person-months: average 8,718.81 ≥ 8,000.00 (needed 8,000 × 144 = 1,152,000.00), so no check.
     */
    expect(json.gross).toBe('1255508.76');
    expect(json.checks.filter((c) => c.code === 'PAY_BELOW_REFERENCE')).toEqual([]);
    // at 8,800.00 a month the team would fall short: 8,800 × 144 − 1,255,508.76 = 1,267,200.00 − 1,255,508.76 = 11,691.24
    const higher = priceBudget({ ...spec, rules: { ...spec.rules, payReference: { name: '假设的更高参照', monthly: '8800.00' } } }).json;
    expect(higher.checks.find((c) => c.code === 'PAY_BELOW_REFERENCE')?.params).toMatchObject({
      averageMonthly: '8718.81',
      shortByMonthly: '81.19',
      shortBy: '11691.24',
    });
  });

  it('every sample spec is valid spec v1 and survives serialize → parse', () => {
    for (const spec of sampleBudgetSpecs()) expect(parseBudgetSpec(JSON.parse(serializeBudgetSpec(spec)))).toEqual(spec);
  });
});
