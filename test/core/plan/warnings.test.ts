import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planWarningText } from '../../../renderer/i18n/coreText';
import { importCommunitiesCsv } from '../../../src/core/excel/readers/communityImport';
import { PLAN_SHEETS, writePlanWorkbook } from '../../../src/core/excel/planWorkbook';
import { runAreaPlan } from '../../../src/core/plan/areaPlan';
import { THREE_POSTS_MIX } from '../../../src/core/plan/mixPresets';
import { planJson } from '../../../src/core/plan/planJson';
import { allocatePosts } from '../../../src/core/plan/postMix';
import { TeamPricer, priceMixLines } from '../../../src/core/plan/pricing';
import { mixWarnings } from '../../../src/core/plan/warnings';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';
import { pudongRuleSet } from '../../../src/core/staffing/pudong';
import { parseRuleSet } from '../../../src/core/staffing/ruleSets';
import { unionQuota } from '../../../src/core/staffing/union';
import { contributions, guide, mix } from './fixtures';

/**
 * What the policy texts imply beyond the quotas (docs/design.md §Rules and their policy sources → Plan warnings).
 * The list of test/core/plan/areaPlan.test.ts: 东区 甲 4,100 / 乙 2,000 / 丙 3,600 households (urban), 西区 丁 5,000 (rural);
 * under Jilin at the minimum the quotas are 12, 10, 11 and 14.
 */
const CSV = [
  '社区名称,区,街道,户数,常住人口,老年人口占比,城乡,现有人数,持证人数',
  '甲社区,东区,一街道,4100,9000,0.2,城市,10,8',
  '乙社区,东区,二街道,2000,5000,0.1,城市,12,12',
  '丙社区,东区,一街道,3600,8000,0.3,城市,0,0',
  '丁社区,西区,三街道,5000,12000,0.25,农村,11,6',
].join('\n');
const { communities } = importCommunitiesCsv(CSV);
const jilin = jilinRuleSet.versions[0]!;

describe('吉林 is a rule for 城市社区: a row marked 农村 is flagged', () => {
  const plan = runAreaPlan(communities, { ruleSet: jilinRuleSet, version: jilin, point: 'min' });

  it('one warning naming 丁社区 on row 5, and its row carries the code', () => {
    const w = plan.warnings.find((x) => x.code === 'RULE_URBAN_ONLY')!;
    expect(w).toMatchObject({ level: 'warning', params: { count: 1, rows: [5], names: ['丁社区'] } });
    expect(w.message).toBe('规则“吉林省城市社区“社工岗”配备”适用于城市社区，名单中有 1 个社区（第 5 行：丁社区）标为农村，其员额仅供参考。');
    const json = planJson(plan);
    expect(json.communities.map((c) => c.warnings ?? [])).toEqual([[], [], [], ['RULE_URBAN_ONLY']]);
    expect(json.warnings).toEqual(plan.warnings);
  });

  it('Jilin sets no district cap and its band has a rule above 3,000 households: nothing else is flagged', () => {
    expect(plan.warnings.map((w) => w.code)).toEqual(['RULE_URBAN_ONLY']);
  });
});

describe('浦东: “一般500户至2000户的居民区安排5至11名”', () => {
  // 400 households: below the band, staffed at its start, 5; 2,300: above it, staffed at its end, 11; 1,250: 5 + ⌊750 × 6 / 1500⌋ = 8
  const list = importCommunitiesCsv(
    ['社区名称,区,街道,户数', '小区,浦东新区,一街道,400', '中区,浦东新区,一街道,1250', '大区,浦东新区,二街道,2300'].join('\n'),
  ).communities;
  const plan = runAreaPlan(list, { ruleSet: pudongRuleSet, version: pudongRuleSet.versions[0]!, point: 'mid' });

  it('households outside 500–2,000 → OUT_OF_RULE_RANGE for 小区 and 大区', () => {
    expect(Array.from(plan.quotas.chosen)).toEqual([5, 8, 11]);
    const w = plan.warnings.find((x) => x.code === 'OUT_OF_RULE_RANGE')!;
    expect(w.params).toEqual({ rule: pudongRuleSet.name, fromHouseholds: 500, toHouseholds: 2000, count: 2, rows: [2, 4], names: ['小区', '大区'] });
    expect(planJson(plan).communities.map((c) => c.warnings ?? [])).toEqual([['OUT_OF_RULE_RANGE'], [], ['OUT_OF_RULE_RANGE']]);
  });

  it('总量控制 约 2.5 万名: 5 + 8 + 11 = 24 chosen, 25,000 − 24 = 24,976 left (info)', () => {
    const w = plan.warnings.find((x) => x.code === 'DISTRICT_CAP')!;
    expect(w).toMatchObject({ level: 'info', params: { district: '浦东新区', cap: 25000, chosen: 24, remaining: 24976 } });
    expect(w.message).toBe('浦东新区：员额取值合计 24 人，总量控制 25000 人（浦东新区社工总额度约 2.5 万名（社工15条）），尚余 24976 人。');
  });
});

describe('a district cap the user sets (吉林: 各县（市、区）实行总量控制)', () => {
  const capped = parseRuleSet({
    ...jilinRuleSet,
    key: 'jilin-capped',
    versions: [{ ...jilin, districtCap: { posts: 30, label: '示例县员额' } }],
  });
  const plan = runAreaPlan(communities, { ruleSet: capped, version: capped.versions[0]!, point: 'min' });

  it('东区 12 + 10 + 11 = 33 > 30: 3 over (warning); 西区 14 ≤ 30: 16 left (info)', () => {
    const caps = plan.warnings.filter((w) => w.code === 'DISTRICT_CAP' || w.code === 'DISTRICT_CAP_EXCEEDED');
    expect(caps.map((w) => [w.level, w.code, w.params])).toEqual([
      ['warning', 'DISTRICT_CAP_EXCEEDED', { district: '东区', cap: 30, chosen: 33, over: 3, label: '示例县员额' }],
      ['info', 'DISTRICT_CAP', { district: '西区', cap: 30, chosen: 14, remaining: 16, label: '示例县员额' }],
    ]);
    expect(planWarningText(caps[0]!, 'en')).toBe('东区: 33 posts chosen in all, above the district cap of 30 (示例县员额) by 3.');
  });
});

describe('at least 2 专职党建 posts per community, as a fixed line of the post mix (书记、副书记 not counted)', () => {
  it('the shipped 三岗 mix has it: a team of 12 is 正职 1 + 专职党建 2, the other 9 split 2.7 / 6.3 → 2 + 6, the 1 left to 两委 (remainder 0.7)', () => {
    expect(THREE_POSTS_MIX.lines.map((l) => l.label)).toEqual(['正职', '两委', '普通', '专职党建']);
    expect(allocatePosts(THREE_POSTS_MIX, 12)).toEqual([1, 3, 6, 2]);
    expect(mixWarnings(jilin, jilinRuleSet.name, THREE_POSTS_MIX)).toEqual([]);
  });

  it('a mix without it, priced under Jilin, is flagged — and so is its pay without the 30 % performance part', () => {
    const pricer = new TeamPricer(mix, priceMixLines(mix, guide), contributions, 'gross');
    const plan = runAreaPlan(communities, { ruleSet: jilinRuleSet, version: jilin, point: 'min', pricer });
    const codes = plan.warnings.map((w) => w.code);
    expect(codes).toContain('MIX_LACKS_MINIMUM_POSTS');
    expect(codes).toContain('MIX_PAY_DIFFERS');
    expect(plan.warnings.find((w) => w.code === 'MIX_LACKS_MINIMUM_POSTS')!.message).toBe(
      '岗位结构“吉林三类岗位”没有每社区至少 2 人的“专职党建”固定行（书记、副书记不计入），请加上。',
    );
    expect(plan.warnings.find((w) => w.code === 'MIX_PAY_DIFFERS')!.message).toBe(
      '规则“吉林省城市社区“社工岗”配备”的薪酬含绩效奖金 30%，岗位结构“吉林三类岗位”按不含绩效计价，人员经费与规则不符。',
    );
  });

  it('a quota that cannot hold the minimum is counted: a rule of 1–3 posts at the minimum gives 1 < 2', () => {
    const small = parseRuleSet({
      key: 'small',
      name: '小社区',
      versions: [
        {
          label: '示例',
          effectiveFrom: '2020-01-01',
          quota: { family: 'householdBands', fromHouseholds: 0, toHouseholds: 100000, minPosts: 1, maxPosts: 3, within: 'range' },
          minimumPosts: [{ family: 'minimumPosts', kind: '专职党建', minPosts: 2 }],
        },
      ],
    });
    const plan = runAreaPlan(communities, { ruleSet: small, version: small.versions[0]!, point: 'min' });
    expect(plan.warnings.find((w) => w.code === 'MINIMUM_POSTS_NOT_MET')!.params).toMatchObject({ kind: '专职党建', minPosts: 2, count: 4 });
  });
});

describe('工会: 每 3000–5000 名职工或 30–50 家基层工会 1 名 — both bases shown', () => {
  it('12,000 employees: ⌈12000/5000⌉ = 3 to ⌈12000/3000⌉ = 4; 95 union branches: ⌈95/50⌉ = 2 to ⌈95/30⌉ = 4', () => {
    const u = unionQuota(12000, 95, 'mid');
    expect([u.byEmployees.min, u.byEmployees.max, u.byBranches.min, u.byBranches.max]).toEqual([3, 4, 2, 4]);
    expect(u.steps).toEqual(['两种口径：按职工 12000 人为 3–4 名，按基层工会 95 家为 2–4 名（“或”：任取其一）']);
    // each base keeps its own arithmetic
    expect(u.byBranches.steps[1]).toBe('下限 = ceil(95/50) = 2');
  });
});

describe('the warnings in the plan workbook’s 规划汇总', () => {
  it('under 提示与警告, one line per warning', async () => {
    const plan = runAreaPlan(communities, { ruleSet: jilinRuleSet, version: jilin, point: 'min' });
    const bytes = await writePlanWorkbook({ title: '示例', plan, pricing: null, parameters: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet(PLAN_SHEETS.summary)!;
    const rows: [unknown, unknown][] = [];
    summary.eachRow((r) => rows.push([r.getCell(1).value, r.getCell(2).value]));
    const at = rows.findIndex(([a]) => a === '提示与警告');
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toEqual(['警告', plan.warnings[0]!.message]);
  });
});
