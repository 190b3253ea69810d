import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sampleRoster } from '../../../db/sampleData';
import { runCli, tempDir, writeJson } from './runCli';

/** `paybench roster` as a real process, over rosters written to a temporary folder. */
const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
const ROWS = [
  // born 1991-07-01: 35 on 2026-07-01 (the birthday itself) → 35岁及以下
  '甲,女,1991-07-01,,大学本科,社区,中级,社会工作师,,专职,10级,1,2015-07-01,9,和平社区,和平街道,鲤城区,,是',
  // 1980-07-02: 45 on 2026-07-01 (birthday tomorrow) → 36-45岁
  '乙,男,1980-07-02,,大专,养老,无,助理社会工作师,,专职,11级,1,2019-03-01,5,和平社区,和平街道,鲤城区,,否',
  // 1965-06-30: 61 → 60岁以上
  '丙,男,1965-06-30,,初中及以下,社区,无,社会工作员,,兼职,,,2010-01-01,15,东街社区,开元街道,鲤城区,,',
  // nothing but the name: 未填 everywhere
  '丁,,,,,,,,,,,,,,,,,,',
];

function roster(content: string | Buffer, name = 'r.csv') {
  const dir = tempDir();
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return { dir, file, db: path.join(dir, 'cli.sqlite') };
}

describe('paybench roster', () => {
  it('stats FILE --on DATE --json prints exactly the agreed shape, read from a GBK csv', () => {
    const { file, db } = roster(iconv.encode([HEADER, ...ROWS].join('\r\n'), 'gbk'));
    const r = runCli(['roster', 'stats', file, '--on', '2026-07-01', '--json'], { PAYBENCH_DB: db });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      total: 4,
      on: '2026-07-01',
      byAge: { '35岁及以下': 1, '36-45岁': 1, '46-55岁': 0, '56-60岁': 0, '60岁以上': 1, 未填: 1 },
      byEducation: { 本科及以上: 1, 大专: 1, '中专/中职/中师': 0, 高中及以下: 1, 未填: 1 },
      byTitle: { 高级: 0, 中级: 1, 初级: 0, 无: 2, 未填: 1 },
      byField: { 社区: 2, 养老: 1, 未填: 1 },
      byCertificate: { 高级社会工作师: 0, 社会工作师: 1, 助理社会工作师: 1, 社会工作员: 1, 无: 0, 未填: 1 },
      // 社会工作师 1 + 助理社会工作师 1 = 2 of 4 → 0.5000 (社会工作员 does not count)
      certRate: '0.5000',
    });
    // statistics of a file need no database
    expect(fs.existsSync(db)).toBe(false);
  });

  it('import into --db, then stats --db with a demand table and a statistics workbook', () => {
    const { dir, file, db } = roster([HEADER, ...ROWS].join('\n'));
    const imp = runCli(['roster', 'import', file, '--db', db]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('4 人');
    const demand = writeJson(dir, 'demand.json', { byEducation: { 本科及以上: 3 } });
    const out = path.join(dir, '统计.xlsx');
    const r = runCli(['roster', 'stats', '--db', db, '--on', '2026-07-01', '--json', '--demand', demand, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // need 3 with 本科及以上, 1 held: gap 2
    expect(JSON.parse(r.stdout).gaps).toEqual([{ dimension: 'byEducation', band: '本科及以上', have: 1, need: 3, gap: 2 }]);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });

  it('a bad roster exits 2 naming row and column, and imports nothing', () => {
    const { file, db } = roster([HEADER, ROWS[0], '戊,男,1990-13-01,,本科,,,,,,,,,,,,,,'].join('\n'));
    const r = runCli(['roster', 'import', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未导入任何人员');
    expect(r.stderr).toContain('第 3 行 出生日期（C 列）');
    expect(r.stderr).toContain('第 3 行 学历（E 列）: “本科”不在可选值中');
    // the new database holds the sample roster (示例数据) and holds it still
    const s = runCli(['roster', 'stats', '--db', db, '--on', '2026-07-01', '--json']);
    expect(JSON.parse(s.stdout).total).toBe(sampleRoster().length);
  });

  it('usage errors exit 2; a missing file exits 1; template --out writes the template', () => {
    expect(runCli(['roster', 'stats', '--on', '2026-07-01']).code).toBe(2); // neither FILE nor --db
    expect(runCli(['roster', 'stats', 'x.csv', '--on', '2026-02-30']).code).toBe(2);
    expect(runCli(['roster', 'frobnicate']).code).toBe(2);
    expect(runCli(['roster', 'stats', path.join(tempDir(), 'missing.csv'), '--on', '2026-07-01']).code).toBe(1);
    const out = path.join(tempDir(), '模板.xlsx');
    const t = runCli(['roster', 'template', '--out', out]);
    expect(t.code, t.stderr).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
