import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleGradingScheme } from '../../../db/sampleData';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { WorkerYear } from '../../../src/core/roster/gradingScheme';
import { tempDbFile } from '../../db/tempDb';
import { runCli, tempDir } from '../cli/runCli';

/** 定级晋升, 持证规则 and 队伍预测 with labour as the pages and the CLI call them, over real SQLite files. */
const stores: PaybenchStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
const open = (seed = false) => {
  const s = PaybenchStore.open(tempDbFile(), { seed });
  stores.push(s);
  return s;
};

const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
const file = (csv: string) => ({ fileName: 'r.csv', base64: Buffer.from(csv, 'utf8').toString('base64') });

describe('grading schemes in the store', () => {
  it('a new database holds the sample scheme; an edit at a stale revision is refused and nothing changes', () => {
    const store = open(true);
    const [s] = store.grading.list();
    expect(s).toMatchObject({ key: sampleGradingScheme.key, sample: true, revision: 1 });
    const edited = { ...sampleGradingScheme, name: '改过的参数' };
    expect(store.grading.update(s!.key, edited, 1)).toMatchObject({ name: '改过的参数', sample: false, revision: 2 });
    expect(() => store.grading.update(s!.key, { ...edited, name: '又改' }, 1)).toThrow(/已被|修改|revision|保存/);
    expect(store.grading.get(s!.key).name).toBe('改过的参数');
  });

  it('a hand-edited row that no longer parses is refused with its key named', () => {
    const store = open(true);
    store.db.prepare('UPDATE grading_schemes SET body = \'{"key":"sample-three-posts"}\'').run();
    expect(() => store.grading.list()).toThrow(/grading_schemes\[sample-three-posts\]/);
  });
});

describe('roster.grading, roster.certificateChecks, roster.planCertification, roster.cohort with labour', () => {
  it("a 副职 at 14级 rated 优秀 2024 and 2025 rises to 15 (the band's top) in 2026; the next pair (2026, 2027) meets the top with a note; becoming 书记 in 2029 keeps 15 paid", async () => {
    const store = open(true);
    const csv = `${HEADER}\n甲,女,1985-01-01,,大学本科,社区,中级,社会工作师,2015-06-01,副职,14级,1,2010-01-01,15,和平社区,和平街道,示例区,2024:优秀;2025:优秀;2026:优秀;2027:优秀,是`;
    expect(await dispatch({ store }, 'roster.import', { file: file(csv) })).toMatchObject({ ok: true });
    const id = store.roster.list().workers[0]!.id;
    const r = await dispatch({ store }, 'roster.grading', {
      id,
      fromYear: 2025,
      years: 5,
      changes: [{ year: 2029, postType: '副职', secretary: true }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const years = (r.value as { years: WorkerYear[] }).years;
    // sample bands: 副职 4–15, 正职 7–18; pay 5,200 + 300 × (L − 1); 社会工作师 allowance 300
    // 2025: 14; 2026: 优秀 2024+2025 → 15; 2027: the pair 2025+2026 reuses 2025, no rise; 2028: 优秀
    // 2026+2027 → 16, but 15 is the top → capped with a note; 2029: 书记 → 正职 from 7, 就高 paid at 15:
    // (5,200 + 300 × 14 + 300) × 12 = 9,700 × 12 = 116,400
    expect(years.map((y) => [y.year, y.postType, y.level, y.paidLevel])).toEqual([
      [2025, '副职', 14, 14],
      [2026, '副职', 15, 15],
      [2027, '副职', 15, 15],
      [2028, '副职', 15, 15],
      [2029, '正职', 7, 15],
    ]);
    expect(years[3]!.reasons).toEqual(['2026、2027 年连续考核优秀，提前升一级', '已到本岗位最高 15 级，不再晋级']);
    expect(years[4]!.reasons).toEqual(['担任书记，新岗位 7 级；就高，按原 15 级发放']);
    expect(years[4]!.annual).toBe('116400.00');
  });

  it('certificate checks: an edited scheme paying 助理 180 a month warns, coded', async () => {
    const store = open(true);
    const v = sampleGradingScheme.versions[0]!;
    store.grading.update(
      sampleGradingScheme.key,
      {
        ...sampleGradingScheme,
        versions: [
          {
            ...v,
            allowances: [
              { qualification: '助理社工师', monthly: '180.00' },
              { qualification: '社工师', monthly: '300.00' },
            ],
          },
        ],
      },
      1,
    );
    const r = await dispatch({ store }, 'roster.certificateChecks', { on: '2026-01-01' });
    expect(r).toMatchObject({
      ok: true,
      value: { checks: [{ code: 'ALLOWANCE_BELOW_MINIMUM', message: '助理社工师津贴每月 180.00 元，低于每月不低于 200.00 元的下限' }] },
    });
  });

  it('plan certification at full quota: 农村 quota 10 with 7 certified, 80 % of 10 = 8 → 1 short', async () => {
    const r = await dispatch({ store: open(true) }, 'roster.planCertification', {
      on: '2026-01-01',
      lines: [{ name: '东坝村', urbanRural: 'rural', quota: 10, certified: 7 }],
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        lines: [
          { kind: 'urban', quota: 0, rate: null },
          { kind: 'rural', rate: '0.7000', target: '0.80', shortfall: 1, meets: false },
        ],
      },
    });
  });

  it('cohort labour from the roster: two workers at 1级 and 3级 → (5,200 + 5,800) × 12 ÷ 2 = 66,000 a head', async () => {
    const store = open(true);
    const csv = `${HEADER}\n甲,,,,,,,无,,一般工作人员,1级,,,,,,,,\n乙,,,,,,,无,,一般工作人员,3级,,,,,,,,`;
    await dispatch({ store }, 'roster.import', { file: file(csv) });
    const r = await dispatch({ store }, 'roster.cohort', {
      on: '2026-01-01',
      projection: { fromYear: 2026, years: 1, hiresPerYear: 0, attritionRate: '0', passRate: '0' },
      labourFromRoster: true,
    });
    // nobody leaves or passes: 2 × 66,000 = 132,000
    expect(r).toMatchObject({ ok: true, value: { labour: { payPerHead: '66000.00', from: 'roster' }, years: [{ headcount: 2, labour: '132000.00' }] } });
  });
});

describe('paybench roster project', () => {
  it('--json over the sample roster: 30 workers, 17 certified; 10 % attrition, 3 hires, --pay 60000.00', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const out = path.join(dir, '预测.xlsx');
    const r = runCli([
      'roster',
      'project',
      '--db',
      db,
      '--on',
      '2026-01-01',
      '--years',
      '2',
      '--hires',
      '3',
      '--attrition',
      '0.1',
      '--pass-rate',
      '0',
      '--target',
      '30:+5',
      '--pay',
      '60000.00',
      '--json',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    // 2026: 30 × 0.1 = 3 leave (17/30 of 3 = 1.7 → 2 certified), 3 hired: 30, 15 certified; 30 × 60,000 = 1,800,000; target 35, gap 5
    // 2027: 3 leave (15/30 × 3 = 1.5 → 2), 3 hired: 30, 13 certified; target 40, gap 10
    expect(report.start).toEqual({ headcount: 30, certified: 17 });
    expect(report.years.map((y: { headcount: number; certified: number; gap: number; labour: string }) => [y.headcount, y.certified, y.gap, y.labour])).toEqual(
      [
        [30, 15, 5, '1800000.00'],
        [30, 13, 10, '1800000.00'],
      ],
    );
    expect(fs.existsSync(out)).toBe(true);
  });

  it('a bad --target is refused naming the flag, exit 2', () => {
    const r = runCli(['roster', 'project', '--db', path.join(tempDir(), 'p.sqlite'), '--target', '40']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target');
  });
});

describe('队伍预测表', () => {
  it('the workbook has a row a year with 缺口 = 目标 − 人数 as a formula', async () => {
    const store = open(true);
    const r = await dispatch({ store }, 'roster.exportCohort', {
      on: '2026-01-01',
      projection: { fromYear: 2026, years: 2, hiresPerYear: 0, attritionRate: '0', passRate: '0', target: { start: 30, perYear: 1 } },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((r.value as { base64: string }).base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('队伍预测')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const y2027 = rows.find((row) => row[0] === '2027')!;
    // 30 workers, nobody moves; target 30 + 2 = 32 → gap 2
    expect(y2027[4]).toBe(30);
    expect(y2027[8]).toMatchObject({ formula: expect.stringMatching(/^H\d+-E\d+$/), result: 2 });
  });
});
