import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importCommunitiesCsv } from '../../../src/core/excel/readers/communityImport';
import { PLAN_SHEETS, writePlanWorkbook } from '../../../src/core/excel/planWorkbook';
import { runAreaPlan } from '../../../src/core/plan/areaPlan';
import { planJson } from '../../../src/core/plan/planJson';
import { planUnionPosts } from '../../../src/core/plan/unionPosts';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';

/**
 * 工会社工岗 in an area plan: “每 3000 至 5000 名职工或 30 至 50 家基层工会配备 1 名” on the area's
 * counts, both bases side by side. The worked example: 12,000 employees and 95 grassroots unions.
 *   by 职工:     min ⌈12000/5000⌉ = ⌈2.4⌉ = 3, max ⌈12000/3000⌉ = 4; mid 3 + round(0.5 × 1) = 3 + 1 = 4
 *   by 基层工会: min ⌈95/50⌉ = ⌈1.9⌉ = 2,     max ⌈95/30⌉ = ⌈3.17⌉ = 4; mid 2 + round(0.5 × 2) = 3
 */
const { communities } = importCommunitiesCsv(['社区名称,区,街道,户数', '甲社区,东区,一街道,4100'].join('\n'));
const jilin = jilinRuleSet.versions[0]!;

describe('union posts of a plan on both bases', () => {
  it('12,000 employees: 3–4 posts, 4 at the midpoint; 95 grassroots unions: 2–4, 3 at the midpoint', () => {
    const u = planUnionPosts({ employees: 12_000, branches: 95 }, 'mid')!;
    expect([u.byEmployees!.min, u.byEmployees!.chosen, u.byEmployees!.max]).toEqual([3, 4, 4]);
    expect([u.byBranches!.min, u.byBranches!.chosen, u.byBranches!.max]).toEqual([2, 3, 4]);
    // each base's arithmetic, then the line that sets the two side by side
    expect(u.steps).toContain('下限 = ceil(12000/5000) = 3');
    expect(u.steps).toContain('上限 = ceil(95/30) = 4');
    expect(u.steps.at(-1)).toContain('按职工 12000 人为 3–4 名，按基层工会 95 家为 2–4 名');
  });

  it('at the minimum: 3 by employees, 2 by grassroots unions; one count alone gives its base only', () => {
    const low = planUnionPosts({ employees: 12_000, branches: 95 }, 'min')!;
    expect([low.byEmployees!.chosen, low.byBranches!.chosen]).toEqual([3, 2]);
    // 95 unions alone: ⌈95/50⌉ = 2 … ⌈95/30⌉ = 4, the employee base left out
    const branchesOnly = planUnionPosts({ employees: null, branches: 95 }, 'max')!;
    expect(branchesOnly.byEmployees).toBeNull();
    expect(branchesOnly.byBranches!.chosen).toBe(4);
    expect(planUnionPosts({ employees: null, branches: null }, 'mid')).toBeNull();
    expect(planUnionPosts(null, 'mid')).toBeNull();
  });

  it('the plan JSON carries both bases; a plan without counts carries none', () => {
    const plan = runAreaPlan(communities, { ruleSet: jilinRuleSet, version: jilin, point: 'mid', union: { employees: 12_000, branches: 95 } });
    expect(planJson(plan).union).toMatchObject({
      employees: 12_000,
      branches: 95,
      byEmployees: { min: 3, chosen: 4, max: 4 },
      byBranches: { min: 2, chosen: 3, max: 4 },
    });
    expect('union' in planJson(runAreaPlan(communities, { ruleSet: jilinRuleSet, version: jilin, point: 'mid' }))).toBe(false);
  });

  it('规划汇总 shows both, each labelled with its base and its arithmetic', async () => {
    const plan = runAreaPlan(communities, { ruleSet: jilinRuleSet, version: jilin, point: 'mid', union: { employees: 12_000, branches: 95 } });
    const bytes = await writePlanWorkbook({ title: '示例', plan, pricing: null, parameters: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet(PLAN_SHEETS.summary)!.eachRow((r) => rows.push([r.getCell(1).value, r.getCell(2).value, r.getCell(3).value]));
    const at = rows.findIndex(([a]) => String(a).startsWith('工会社工岗'));
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toEqual(['按职工人数', 4, '职工 12000 名，每 3000–5000 名配 1 名：下限 ⌈12000/5000⌉ = 3，上限 ⌈12000/3000⌉ = 4']);
    expect(rows[at + 2]).toEqual(['按基层工会数', 3, '基层工会 95 家，每 30–50 家配 1 名：下限 ⌈95/50⌉ = 2，上限 ⌈95/30⌉ = 4']);
  });
});
