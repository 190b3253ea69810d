/**
 * Area-plan speed: 100,000 communities through rule + pricing ≤ 0.5 s, 1,000,000 ≤ 5 s
 * with RSS ≤ 1 GB; import of a 100,000-row xlsx ≤ 5 s; the plan workbook of 100,000 rows ≤ 15 s;
 * and LibreOffice recalculating that workbook, timed and set against our write time.
 * Pricing uses a guide with three post types and five employer contributions + a levy.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writePlanWorkbook } from '../src/core/excel/planWorkbook';
import { runAreaPlan } from '../src/core/plan/areaPlan';
import { importCommunitiesXlsx } from '../src/core/excel/readers/communityImport';
import { postMixSchema } from '../src/core/plan/postMix';
import { TeamPricer, contributionsInput, priceMixLines } from '../src/core/plan/pricing';
import { ruleParameterLines } from '../src/core/plan/ruleText';
import type { InlineGuide } from '../src/core/spec/budgetSpec';
import { jilinRuleSet } from '../src/core/staffing/jilin';
import { generateCommunities, writeCommunitiesXlsx } from './generateCommunities';
import { finish, median, report, rssMb, timeMs, timeMsAsync } from './harness';

const guide = {
  name: '合成社工岗指导价',
  includes: 'gross',
  rows: [
    { post: '社区正职', grade: '一级', step: 1, monthly: '6380.50' },
    { post: '两委成员', grade: '一级', step: 1, monthly: '5210.00' },
    { post: '普通工作人员', grade: '一级', step: 1, monthly: '4385.25' },
  ],
  allowances: [
    { qualification: '社工师', monthly: '300.00', kind: 'monthly' },
    { qualification: '助理社工师', monthly: '200.00', kind: 'monthly' },
  ],
} as InlineGuide;
const contributions = contributionsInput({
  name: '合成五险一金',
  city: '合成市',
  floor: '4500.00',
  ceiling: '28000.00',
  items: [
    { name: '养老保险', rate: '0.16', round: 'fen' },
    { name: '医疗保险', rate: '0.095', round: 'fen' },
    { name: '失业保险', rate: '0.005', round: 'fen' },
    { name: '工伤保险', rate: '0.0026', round: 'fen' },
    { name: '住房公积金', rate: '0.07', round: 'yuan' },
  ],
  levies: [{ name: '工会经费', rate: '0.02' }],
});
const mix = postMixSchema.parse({
  lines: [
    { label: '正职', post: '社区正职', grade: '一级', qualification: '社工师', fixed: 1 },
    { label: '两委', post: '两委成员', grade: '一级', qualification: '助理社工师', share: '0.3' },
    { label: '普通', post: '普通工作人员', grade: '一级', share: '0.7' },
  ],
});
const version = jilinRuleSet.versions[0]!;

function planOf(list: ReturnType<typeof generateCommunities>) {
  // a fresh pricer each run: pricing the distinct team sizes is part of the time
  const pricer = new TeamPricer(mix, priceMixLines(mix, guide), contributions, 'gross');
  return runAreaPlan(list, { ruleSet: jilinRuleSet, version, point: 'mid', pricer });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-plan-bench-'));
  try {
    const list100k = generateCommunities(100_000);
    planOf(list100k); // warm-up
    report('plan 100,000 communities (rule + pricing, median of 5)', median(Array.from({ length: 5 }, () => timeMs(() => planOf(list100k)))), 'ms', 500);

    const xlsx = path.join(dir, 'communities-100k.xlsx');
    await writeCommunitiesXlsx(list100k, xlsx);
    const bytes = fs.readFileSync(xlsx);
    let imported = 0;
    report(
      'import a 100,000-row community xlsx',
      await timeMsAsync(async () => {
        imported = (await importCommunitiesXlsx(bytes)).communities.length;
      }),
      'ms',
      5000,
    );
    if (imported !== 100_000) throw new Error(`imported ${imported} communities, expected 100,000`);

    const plan = planOf(list100k);
    const out = path.join(dir, 'plan-100k.xlsx');
    const writeMs = await timeMsAsync(async () => {
      const wb = await writePlanWorkbook({
        title: '合成区域规划',
        plan,
        pricing: { mix, pricer: plan.pricer!, guideName: guide.name, contributionsName: contributions.name! },
        parameters: ruleParameterLines(version),
      });
      fs.writeFileSync(out, wb);
    });
    report('plan workbook of 100,000 communities', writeMs, 'ms', 15000);

    if (process.env.PAYBENCH_SKIP_SOFFICE) {
      console.log('LibreOffice recalculation: skipped (PAYBENCH_SKIP_SOFFICE)');
    } else {
      // always-recalculate profile, as in test/support/libreoffice.ts
      const { recalcProfileUrl, withSofficeLock } = await import('../test/support/libreoffice');
      const profile = recalcProfileUrl();
      const outDir = path.join(dir, 'recalculated');
      let status: number | null = null;
      const loMs = timeMs(() => {
        status = withSofficeLock(() =>
          spawnSync(
            'soffice',
            [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, out],
            { timeout: 900_000 },
          ),
        ).status;
      });
      if (status !== 0) console.log(`LibreOffice recalculation failed (status ${status})`);
      else {
        report('LibreOffice open + recalculate + save of that workbook', loMs, 'ms');
        console.log(`ratio LibreOffice / Paybench write: ${(loMs / writeMs).toFixed(1)}×`);
      }
    }
    // last, so its million-object heap does not slow the timings above
    const list1m = generateCommunities(1_000_000);
    report(
      'plan 1,000,000 communities (rule + pricing)',
      timeMs(() => planOf(list1m)),
      'ms',
      5000,
    );
    report('RSS after the 1,000,000-community plan', rssMb(), 'MB', 1024);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  finish();
}

void main();
