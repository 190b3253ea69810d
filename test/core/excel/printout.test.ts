import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCommunities } from '../../../bench/generateCommunities';
import { GUANGDONG_GUIDE, THREE_POSTS, sampleBudgetSpecs, sampleGuideVersion, sampleGuides } from '../../../db/sampleData';
import { computeBudget } from '../../../src/core/budget/compute';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { writeBudgetWorkbookFile } from '../../../src/core/excel/budgetWorkbook';
import { writeCommunityTemplate } from '../../../src/core/excel/communityTemplate';
import { guideTemplateBuffer, guideWorkbookBuffer } from '../../../src/core/excel/guideWorkbook';
import { writePlanWorkbook } from '../../../src/core/excel/planWorkbook';
import { importCommunitiesCsv } from '../../../src/core/excel/readers/communityImport';
import { runAreaPlan } from '../../../src/core/plan/areaPlan';
import { TeamPricer, priceMixLines } from '../../../src/core/plan/pricing';
import { projectTeam, projectionSchema } from '../../../src/core/plan/projection';
import { ruleParameterLines } from '../../../src/core/plan/ruleText';
import { parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';
import { COMMUNITY_CSV } from '../../e2e/communities';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { type Page, POINTS_PER_SIZE, hashMarks, headerOnlyPages, pageImage, programWords, readPdf, tooSmall } from '../../support/pdfPages';
import { designExample } from '../../support/specs';
import { contributions, guide, mix } from '../plan/fixtures';

/**
 * Every workbook the program writes, printed by LibreOffice to PDF in one soffice call and read back
 * as a reader of the printout would: pdftotext for the words (no "###" where a number did not fit,
 * no program keys or file names), their boxes for the print size (nothing under 8 points), the
 * pages for their content (no page holding only a header), and page images (pdftoppm) of the three
 * pages docs/ shows. `PAYBENCH_DOCS_IMAGES=1` copies those images into docs/.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-printout-'));
const files: Record<string, string> = {};
const printed: Record<string, Page[]> = {};

async function writeAll(): Promise<void> {
  const specs = [parseBudgetSpec(designExample()), ...sampleBudgetSpecs()];
  for (const [i, spec] of specs.entries()) {
    files[`budget-${i}`] = path.join(dir, `budget-${i}.xlsx`);
    await writeBudgetWorkbookFile(computeBudget(budgetModelFromSpec(spec)), spec, files[`budget-${i}`]!);
  }
  for (const [i, name] of [GUANGDONG_GUIDE, THREE_POSTS].entries()) {
    const g = sampleGuides.find((x) => x.name === name)!;
    files[`guide-${i}`] = path.join(dir, `guide-${i}.xlsx`);
    fs.writeFileSync(
      files[`guide-${i}`]!,
      await guideWorkbookBuffer({ name: g.name, issuer: g.issuer, region: g.region }, sampleGuideVersion(name, '2026-06-01')),
    );
  }
  files['guide-template'] = path.join(dir, 'guide-template.xlsx');
  fs.writeFileSync(files['guide-template'], await guideTemplateBuffer());
  files['community-template'] = path.join(dir, 'community-template.xlsx');
  fs.writeFileSync(files['community-template'], await writeCommunityTemplate());

  // 600 communities priced at the midpoint: a district's labour runs to hundreds of millions, 15 characters printed
  const pricer = new TeamPricer(mix, priceMixLines(mix, guide), contributions, 'gross');
  const version = jilinRuleSet.versions[0]!;
  const big = runAreaPlan(generateCommunities(600, 11), { ruleSet: jilinRuleSet, version, point: 'mid', pricer });
  const projection = projectTeam(
    projectionSchema.parse({ startYear: 2026, years: 5, start: 4000, addPerYear: 500, adjustment: '0.03' }),
    mix,
    guide,
    contributions,
  );
  files.plan = path.join(dir, 'plan.xlsx');
  fs.writeFileSync(
    files.plan,
    await writePlanWorkbook({
      title: '', // none given: the Chinese default, not a file name
      plan: big,
      pricing: { mix, pricer, guideName: guide.name, contributionsName: contributions.name! },
      projection,
      parameters: ruleParameterLines(version),
    }),
  );
  // the planner's own title, a quarter of the way from the minimum, quotas only
  const { communities } = importCommunitiesCsv(COMMUNITY_CSV);
  files['plan-titled'] = path.join(dir, 'plan-titled.xlsx');
  fs.writeFileSync(
    files['plan-titled'],
    await writePlanWorkbook({
      title: '朝阳区 2026 年社工岗位规划',
      plan: runAreaPlan(communities, { ruleSet: jilinRuleSet, version, point: '0.25' }),
      pricing: null,
      parameters: ruleParameterLines(version),
    }),
  );
}

beforeAll(async () => {
  await writeAll();
  const names = Object.keys(files);
  const pdfs = convertWithLibreOffice(
    names.map((n) => files[n]!),
    'pdf',
    path.join(dir, 'pdf'),
  );
  names.forEach((n, i) => (printed[n] = readPdf(pdfs[i]!)));
}, 600_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('every workbook as printed', () => {
  const each = (check: (name: string, pages: Page[]) => string[]) => Object.entries(printed).flatMap(([name, pages]) => check(name, pages));

  it('no number prints as ###: every column is as wide as its widest value', () => {
    expect(each(hashMarks)).toEqual([]);
  });

  it('labels, never the program’s keys or a file name', () => {
    expect(each(programWords)).toEqual([]);
  });

  it('legible: no word on any page printed under 8 points', () => {
    expect(each(tooSmall)).toEqual([]);
  });

  it('no page holds only a header: every page has a line the page before it did not', () => {
    expect(each(headerOnlyPages)).toEqual([]);
  });
});

describe('the budget workbook', () => {
  // the Jilin sample: six staff lines, a coefficient guide of 3 post types × 12 levels
  const jilin = () => printed['budget-1']!;

  it('汇总表 on one landscape page with its sign-off line; the narrow 薪酬指导价 portrait', () => {
    const [summary] = jilin();
    expect(summary!.landscape).toBe(true);
    for (const words of ['预算汇总表', '人民币大写', '编制人', '审核人']) expect(summary!.flat).toContain(words);
    const guidePages = jilin().filter((p) => p.flat.includes('金额（元/月）'));
    expect(guidePages.length).toBeGreaterThan(0);
    for (const p of guidePages) expect(p.landscape).toBe(false);
  });

  it('人员经费明细 prints two pages across, each with 序号, 岗位, 等级, the header row and the sheet’s title, at 80 % or more', () => {
    const staff = jilin().filter((p) => p.flat.includes('人员经费明细') && p.flat.includes('序号'));
    expect(staff).toHaveLength(2);
    expect(staff[0]!.flat).toContain('应发工资');
    expect(staff[1]!.flat).toContain('单位缴费人员经费'); // the last columns, their two-line headers read across
    expect(staff[1]!.flat).toContain('备注');
    for (const p of staff) {
      for (const words of ['序号', '岗位', '等级', '一般工作人员', '合计']) expect(p.flat).toContain(words);
      // 10-point text shrunk no further than 8 points (on one page it would be 4.5)
      expect(Math.min(...p.heights) / POINTS_PER_SIZE).toBeGreaterThanOrEqual(7.9);
    }
  });

  it('the guide’s details (发布单位 …) print on a page that has guide rows too, not alone under the repeated header', () => {
    const page = jilin().find((p) => p.flat.includes('发布单位'))!;
    expect(page.flat).toContain('一般工作人员');
    expect(page.flat).toContain('持证等级'); // and the allowances with them
  });
});

describe('the area plan workbook', () => {
  it('opens on its summary: the default title, 取值点 in words, posts min / chosen / max, labour, the rule’s parameters', () => {
    const first = printed.plan![0]!;
    for (const words of ['区域社工岗位规划', '取值点', '中值（下限与上限之间的50%）', '员额下限', '员额取值', '员额上限', '人员经费', '配备规则参数']) {
      expect(first.flat).toContain(words);
    }
    expect(first.landscape).toBe(false);
    // 162 of the 600 generated communities are marked 农村 under an urban rule: the warnings come last and run on to
    // the summary's second page at a legible size, after the rule's parameters and their source (出处)
    const summary = printed
      .plan!.slice(0, 2)
      .map((p) => p.flat)
      .join('');
    expect(summary.indexOf('出处')).toBeGreaterThan(-1);
    expect(summary.indexOf('提示与警告')).toBeGreaterThan(summary.indexOf('出处'));
  });

  it('the planner’s title and point: 朝阳区 2026 年社工岗位规划, a quarter of the way from the minimum', () => {
    const text = printed['plan-titled']!.map((p) => p.flat).join('');
    expect(text).toContain('朝阳区2026年社工岗位规划');
    expect(text).toContain('下限与上限之间的25%');
    expect(text).not.toContain('社区名单');
  });
});

describe('page images', () => {
  /** the pages docs/ shows: the budget's summary and staff sheet, the plan's summary */
  const shown = [
    { doc: 'excel-budget.png', file: 'budget-2', page: 1 },
    { doc: 'excel-staff.png', file: 'budget-1', page: 2 },
    { doc: 'excel-plan.png', file: 'plan', page: 1 },
  ];

  it('each renders at 60 dpi as a small PNG (≤ 150 KB)', () => {
    for (const s of shown) {
      const pdf = path.join(dir, 'pdf', `${s.file}.pdf`);
      const out = path.join(dir, s.doc.replace(/\.png$/, ''));
      const png = fs.readFileSync(pageImage(pdf, s.page, out));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000); // a page with a table on it, not a blank one
      expect(png.length).toBeLessThanOrEqual(150_000);
      if (process.env.PAYBENCH_DOCS_IMAGES === '1') fs.copyFileSync(`${out}.png`, path.join(__dirname, '../../../docs', s.doc));
    }
  });
});
