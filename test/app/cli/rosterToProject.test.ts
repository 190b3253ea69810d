import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BEIJING_2022, THREE_POSTS } from '../../../db/sampleData';
import { runCli, tempDir } from './runCli';

/**
 * `paybench roster to-project` as a real process: the roster imported into a new database (with the
 * sample guides), a street's workers made into a project priced on the sample 三岗十八级 guide.
 */
const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
const ROWS = [
  '甲,女,1990-05-01,,大学本科,社区,中级,助理社会工作师,,副职,11级,,,,和平社区,和平街道,鲤城区,,',
  '乙,男,1988-03-01,,大专,养老,无,助理社会工作师,,副职,11级,1,,,和平社区,和平街道,鲤城区,,',
  '丙,男,1975-01-01,,高中,社区,无,无,,专职,16级,2,,,和平社区,和平街道,鲤城区,,',
  '丁,女,1992-01-01,,大专,社区,无,社会工作师,,正职,9级,1,,,东街社区,开元街道,鲤城区,,',
];

function setUp() {
  const dir = tempDir();
  const file = path.join(dir, 'r.csv');
  fs.writeFileSync(file, [HEADER, ...ROWS].join('\n'));
  const db = path.join(dir, 'cli.sqlite');
  const imp = runCli(['roster', 'import', file, '--db', db]);
  expect(imp.code, imp.stderr).toBe(0);
  return { dir, db };
}

const common = (db: string) => [
  '--guide',
  THREE_POSTS,
  '--contributions',
  BEIJING_2022,
  '--start',
  '2026-01',
  '--months',
  '12',
  '--street',
  '和平街道',
  '--db',
  db,
];

describe('paybench roster to-project', () => {
  it('--dry-run lists the lines and who cannot be priced, and stores nothing', () => {
    const { db } = setUp();
    const r = runCli(['roster', 'to-project', '--dry-run', '--json', ...common(db)]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      scope: '和平街道',
      people: 3,
      priced: 2,
      // 甲 (档次 blank) and 乙 (档次 1) on the one 副职 11级 cell of the guide, with the 助理社工师 allowance
      lines: [{ post: '副职', grade: '11级', step: 1, qualification: '助理社工师', count: 2 }],
      unpricedCount: 1,
      unpriced: [{ seq: 3, name: '丙', reason: expect.stringContaining('指导价没有岗位“专职”') as unknown }],
    });
    const list = runCli(['budget', '--project', '和平街道', '--db', db, '--json']);
    expect(list.code).not.toBe(0);
  });

  it('creates the project; budget --project prices it to the same total and writes the 名册附表', async () => {
    const { dir, db } = setUp();
    const r = runCli(['roster', 'to-project', '--project', '和平街道 2026', '--json', ...common(db)]);
    expect(r.code, r.stderr).toBe(0);
    const created = JSON.parse(r.stdout) as { projectId: number; total: string };
    const out = path.join(dir, 'b.xlsx');
    const b = runCli(['budget', '--project', '和平街道 2026', '--db', db, '--json', '--out', out]);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).total).toBe(created.total);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const annex = wb.getWorksheet('名册附表')!;
    expect([2, 3, 4].map((r) => annex.getRow(r + 1).getCell(3).value)).toEqual(['甲', '乙', '丙']);
    expect(annex.getRow(5).getCell(11).value).toContain('未计入预算：指导价没有岗位“专职”');
  });

  it('names what is missing or unknown and exits 2', () => {
    const { db } = setUp();
    const missing = runCli(['roster', 'to-project', '--db', db, '--guide', THREE_POSTS]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--project');
    expect(missing.stderr).toContain('--start');
    const unknown = runCli(['roster', 'to-project', '--project', 'x', ...common(db).map((a) => (a === BEIJING_2022 ? '没有这个参数' : a))]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--contributions: 数据库中没有“没有这个参数”');
  });
});
