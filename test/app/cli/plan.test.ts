import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './runCli';

/** `paybench plan` as a real process, over a community list written to a temporary folder. */
const CSV = [
  '社区名称,区,街道,户数,常住人口,老年人口占比,城乡,现有人数,持证人数',
  '甲社区,东区,一街道,4100,9000,0.2,城市,10,8',
  '乙社区,西区,二街道,2000,5000,0.1,农村,12,9',
].join('\n');

function list(content: string, name = 'c.csv') {
  const dir = tempDir();
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return { dir, file, db: path.join(dir, 'cli.sqlite') };
}

describe('paybench plan', () => {
  it('--json prints communities with name, min, chosen, max and the totals', () => {
    const { file, db } = list(CSV);
    const r = runCli(['plan', file, '--rule', 'jilin', '--point', 'max', '--json'], { PAYBENCH_DB: db });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    // 甲 4,100 户: max = 15 + floor(1100/300) = 18; 乙 2,000 户: 15
    expect(j.communities.map((c: { name: string; min: number; chosen: number; max: number }) => [c.name, c.min, c.chosen, c.max])).toEqual([
      ['甲社区', 12, 18, 18],
      ['乙社区', 10, 15, 15],
    ]);
    // 乙 is rural: ceil(0.80 × 12) = ceil(9.6) = 10 must hold a certificate, 9 do → gap 1; 甲 urban 10 − 8 = 2
    expect(j.totals).toMatchObject({ communities: 2, chosen: 33, currentStaff: 22, toRecruit: 11, certificateGap: 3 });
    // a preset rule and no pricing: no database was needed, so none was created
    expect(fs.existsSync(db)).toBe(false);
  });

  it('--union-employees and --union-branches give 工会社工岗 on both bases, side by side', () => {
    const { file, db } = list(CSV);
    const r = runCli(['plan', file, '--rule', 'jilin', '--union-employees', '12000', '--union-branches', '95', '--json'], { PAYBENCH_DB: db });
    expect(r.code, r.stderr).toBe(0);
    const { union } = JSON.parse(r.stdout);
    // by 职工, one post per 3,000–5,000: ⌈12000/5000⌉ = 3 … ⌈12000/3000⌉ = 4, the midpoint 3 + round(0.5 × 1) = 4
    expect(union.byEmployees).toEqual({ min: 3, chosen: 4, max: 4 });
    // by 基层工会, one post per 30–50: ⌈95/50⌉ = 2 … ⌈95/30⌉ = 4, the midpoint 2 + round(0.5 × 2) = 3
    expect(union.byBranches).toEqual({ min: 2, chosen: 3, max: 4 });
    const text = runCli(['plan', file, '--rule', 'jilin', '--union-branches', '95'], { PAYBENCH_DB: db });
    expect(text.stdout).toContain('工会社工岗');
    expect(text.stdout).toContain('ceil(95/30) = 4');
    const bad = runCli(['plan', file, '--rule', 'jilin', '--union-employees', '很多'], { PAYBENCH_DB: db });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--union-employees');
  });

  it('a bad list exits 2 with row and column on stderr', () => {
    const { file, db } = list('社区名称,区,街道,户数\n甲,东区,一街道,-3\n', 'bad.csv');
    const r = runCli(['plan', file, '--rule', 'jilin', '--json'], { PAYBENCH_DB: db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 2 行 户数（D 列）');
    expect(r.stdout).toBe('');
  });

  it('prices with a stored guide and contribution set named as typed, and names what there is when one is missing', () => {
    const { file, db } = list(CSV);
    const priced = runCli([
      'plan',
      file,
      '--rule',
      'jilin',
      '--date',
      '2026-01-01',
      '--guide',
      '三岗十八级',
      '--contributions',
      '吉林式',
      '--json',
      '--db',
      db,
    ]);
    // names are exact: a part of one is not enough here (unlike `paybench guides show`)
    expect(priced.code).toBe(2);
    expect(priced.stderr).toMatch(/^--guide: 数据库中没有“三岗十八级”；现有：/m);
    const byNumber = runCli(['plan', file, '--rule', 'jilin', '--date', '2026-01-01', '--guide', '1', '--contributions', '999', '--db', db]);
    expect(byNumber.code).toBe(2);
    expect(byNumber.stderr).toMatch(/^--contributions: 数据库中没有“999”；现有：.*北京市 2022 年度社保公积金参数/m);
  });

  it('a rule with no version in force on the date exits 2 with the rule and the date named', () => {
    const { file, db } = list(CSV);
    const r = runCli(['plan', file, '--rule', 'jilin', '--date', '1990-01-01'], { PAYBENCH_DB: db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('在 1990-01-01 没有生效的版本');
  });
});
