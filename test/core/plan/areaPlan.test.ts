import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { communityPlanAt, runAreaPlan } from '../../../src/core/plan/areaPlan';
import { importCommunitiesCsv } from '../../../src/core/excel/readers/communityImport';
import { planJson } from '../../../src/core/plan/planJson';
import { TeamPricer, priceMixLines } from '../../../src/core/plan/pricing';
import { projectTeam, projectionSchema } from '../../../src/core/plan/projection';
import { PLAN_SHEETS, writePlanWorkbook } from '../../../src/core/excel/planWorkbook';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';
import { population18RuleSet } from '../../../src/core/staffing/presets';
import { pudongRuleSet } from '../../../src/core/staffing/pudong';
import { generateCommunities } from '../../../bench/generateCommunities';
import { auditWorkbooks, describeMismatches } from '../../support/libreoffice';
import { contributions, guide, mix } from './fixtures';

/**
 * Three communities in two streets of one district and one in another district, under Jilin's rule
 * at the minimum:
 *   甲 4,100 户: e = 1,100, min 12, max 18 → 12; current 10 → gap 2; urban, 10 staff, 8 certified → ceil(1 × 10) = 10 required, gap 2
 *   乙 2,000 户: 10–15 → 10; current 12 → 2 over the quota; 12 certified → no gap
 *   丙 3,600 户: e = 600, min 10 + 1 = 11, max 15 + 2 = 17 → 11; current 0
 *   丁 5,000 户 (rural): e = 2,000, min 14, max 21 → 14; current 11, 6 certified → ceil(0.80 × 11) = 9, gap 3
 */
const CSV = [
  '社区名称,区,街道,户数,常住人口,老年人口占比,城乡,现有人数,持证人数',
  '甲社区,东区,一街道,4100,9000,0.2,城市,10,8',
  '乙社区,东区,二街道,2000,5000,0.1,城市,12,12',
  '丙社区,东区,一街道,3600,8000,0.3,城市,0,0',
  '丁社区,西区,三街道,5000,12000,0.25,农村,11,6',
].join('\n');

function plan() {
  const { communities } = importCommunitiesCsv(CSV);
  const pricer = new TeamPricer(mix, priceMixLines(mix, guide), contributions, 'gross');
  return { pricer, plan: runAreaPlan(communities, { ruleSet: jilinRuleSet, version: jilinRuleSet.versions[0]!, point: 'min', pricer, explain: true }) };
}

describe('区域规划：吉林规则，下限', () => {
  it('quotas, gaps and certificate gaps per community', () => {
    const p = plan().plan;
    expect(
      p.communities
        .map((_, i) => communityPlanAt(p, i))
        .map((c) => [c.community.name, c.quota.min, c.quota.chosen, c.quota.max, c.quota.staffGap, c.quota.certifiedRequired, c.quota.certificateGap]),
    ).toEqual([
      ['甲社区', 12, 12, 18, 2, 10, 2],
      ['乙社区', 10, 10, 15, -2, 12, 0],
      ['丙社区', 11, 11, 17, 11, 0, 0],
      ['丁社区', 14, 14, 21, 3, 9, 3],
    ]);
    expect(communityPlanAt(p, 0).quota.steps).toContain('专职党建岗至少 2 个：下限 2，无上限，取 2');
  });

  it('totals by street and district: 东区 一街道 = 甲 + 丙: chosen 12 + 11 = 23, to recruit 2 + 11 = 13', () => {
    const p = plan().plan;
    const s1 = p.streets.find((s) => s.street === '一街道')!;
    expect([s1.communities, s1.chosen, s1.currentStaff, s1.toRecruit, s1.overQuota]).toEqual([2, 23, 10, 13, 0]);
    const east = p.districts.find((d) => d.district === '东区')!;
    expect([east.chosen, east.toRecruit, east.overQuota]).toEqual([33, 13, 2]);
    expect([p.totals.chosen, p.totals.toRecruit, p.totals.overQuota, p.totals.certificateGap]).toEqual([47, 16, 2, 5]);
  });

  it('the team of 12 costs 857,340.00 (pricing.test.ts); the total is the sum of the four teams', () => {
    const { plan: p, pricer } = plan();
    const json = planJson(p, ['正职', '两委', '普通']);
    expect(json.communities[0]).toMatchObject({ name: '甲社区', min: 12, chosen: 12, max: 18, posts: { 正职: 1, 两委: 3, 普通: 8 }, labour: '857340.00' });
    const sum = [12, 10, 11, 14].reduce((acc, n) => acc + pricer.cost(n).labour, 0n);
    expect(p.totals.labour).toBe(sum);
  });

  it('a population rule needs 常住人口 on every row, named by row', () => {
    const { communities } = importCommunitiesCsv('社区名称,区,街道,户数\n甲,东区,一街道,100\n');
    expect(() => runAreaPlan(communities, { ruleSet: population18RuleSet, version: population18RuleSet.versions[0]!, point: 'mid' })).toThrow(
      /第 2 行 常住人口/,
    );
  });
});

describe('the fast path (numbers only) and the explained path agree', () => {
  it.each([jilinRuleSet, pudongRuleSet, population18RuleSet])('$key on 3,000 synthetic communities, each point', (ruleSet) => {
    const list = generateCommunities(3000, 7);
    for (const point of ['min', 'mid', 'max', '0.33'] as const) {
      const fast = runAreaPlan(list, { ruleSet, version: ruleSet.versions[0]!, point });
      const slow = runAreaPlan(list, { ruleSet, version: ruleSet.versions[0]!, point, explain: true });
      expect(fast.quotas).toEqual(slow.quotas);
      expect(fast.totals).toEqual(slow.totals);
    }
  });
});

describe('plan workbook, recalculated by LibreOffice', () => {
  it('every formula LibreOffice recalculates equals the cached value to the fen', async () => {
    const { plan: p, pricer } = plan();
    const projection = projectTeam(
      projectionSchema.parse({ startYear: 2026, years: 3, start: 40, addPerYear: 50, adjustment: '0.03' }),
      mix,
      guide,
      contributions,
    );
    const bytes = await writePlanWorkbook({
      title: '示例区域规划',
      plan: p,
      pricing: { mix, pricer, guideName: guide.name, contributionsName: contributions.name! },
      projection,
      parameters: [['测试', '是']],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-plan-wb-'));
    try {
      const file = path.join(dir, 'plan.xlsx');
      fs.writeFileSync(file, bytes);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      // it opens on the summary: 规划汇总 first
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        PLAN_SHEETS.summary,
        PLAN_SHEETS.mix,
        PLAN_SHEETS.communities,
        PLAN_SHEETS.streets,
        PLAN_SHEETS.districts,
        PLAN_SHEETS.projection,
        PLAN_SHEETS.params,
      ]);
      // the summary: the plan's title, 取值点 in words, and the totals as formulas over 区汇总's 合计 row
      // (two districts: rows 3 and 4, 合计 row 5): chosen 12 + 10 + 11 + 14 = 47, labour the four teams' sum
      const summary = wb.getWorksheet(PLAN_SHEETS.summary)!;
      const valueOf = (label: string) => {
        let found: ExcelJS.CellValue = null;
        summary.eachRow((row) => {
          if (row.getCell(1).value === label) found = row.getCell(2).value;
        });
        return found as unknown;
      };
      expect(summary.getCell('A1').value).toBe('示例区域规划');
      expect(valueOf('取值点')).toBe('下限');
      expect(valueOf('社区数')).toEqual({ formula: "'区汇总'!$C$5", result: 4 });
      expect(valueOf('员额取值')).toMatchObject({ formula: "'区汇总'!$H$5", result: 47 });
      expect((valueOf('人员经费') as { result: number }).result).toBe(Number(p.totals.labour) / 100);
      // communities grouped by street: 甲, 丙 (一街道), 乙 (二街道), 丁 (西区)
      const ws = wb.getWorksheet(PLAN_SHEETS.communities)!;
      expect([3, 4, 5, 6].map((r) => ws.getCell(`D${r}`).value)).toEqual(['甲社区', '丙社区', '乙社区', '丁社区']);
      const audits = await auditWorkbooks([file], dir);
      expect(audits[0]!.formulaCells).toBeGreaterThan(40);
      expect(audits[0]!.mismatches, describeMismatches(audits)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
