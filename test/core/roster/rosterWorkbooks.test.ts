import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeRosterTemplate } from '../../../src/core/excel/roster/rosterTemplate';
import { writeRosterWorkbook } from '../../../src/core/excel/roster/rosterWorkbook';
import { writeStatsWorkbook } from '../../../src/core/excel/roster/statsWorkbook';
import { demandGap } from '../../../src/core/roster/demand';
import { importRosterXlsx } from '../../../src/core/roster/readRoster';
import { ROSTER_COLUMNS } from '../../../src/core/roster/schema';
import { rosterStats } from '../../../src/core/roster/stats';
import { auditWorkbooks, describeMismatches } from '../../support/libreoffice';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-roster-xlsx-'));

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('花名册 workbooks', () => {
  it('the template: the headers exactly as listed, an example row the importer accepts, drop-down lists', async () => {
    const bytes = await writeRosterTemplate();
    const ws = (await open(bytes)).getWorksheet('花名册')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '姓名', '性别', '出生日期', '身份证号', '学历', '领域', '职称', '持证等级', '取证日期', '岗位类别',
      '岗位等级', '档次', '入职日期', '社区工作年限', '所在社区', '所在街道', '所在区', '考核', '党建岗',
    ]); // prettier-ignore
    // 学历 is column E: its list is the nine values of the template
    const e = ws.getCell('E2').dataValidation;
    expect(e).toMatchObject({ type: 'list', formulae: ['"博士研究生,硕士研究生,大学本科,大专,中专,中职,中师,高中,初中及以下"'] });
    expect(ws.getCell('H2').dataValidation.formulae).toEqual(['"高级社会工作师,社会工作师,助理社会工作师,社会工作员,无"']);
    const { workers } = importRosterXlsx(bytes);
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatchObject({
      education: '大学本科',
      certificate: '助理社会工作师',
      step: 2,
      ratings: [
        { year: 2024, rating: '优秀' },
        { year: 2025, rating: '合格' },
      ],
    });
  });

  it('the roster export masks every 身份证号 and reads back as the same workers', async () => {
    const worker = {
      ...importRosterXlsx(await writeRosterTemplate()).workers[0]!,
      idNumber: '11010519491231002X',
    };
    const bytes = await writeRosterWorkbook([worker, { ...worker, name: '李四', idNumber: null }]);
    const ws = (await open(bytes)).getWorksheet('花名册')!;
    const idCol = ROSTER_COLUMNS.findIndex((c) => c.key === 'idNumber') + 1;
    expect(ws.getRow(2).getCell(idCol).value).toBe('110***********002X');
    // nowhere in the file's XML is the full number
    expect(Buffer.from(bytes).includes('11010519491231002X')).toBe(false);
    const back = importRosterXlsx(bytes).workers;
    expect(back[0]).toEqual({ ...worker, idNumber: '110***********002X' });
    expect(back[1]!.idNumber).toBeNull();
  });

  it('the roster export says how many rows it has written: every 1,000 and the last (2,500 workers → 1,000, 2,000, 2,500)', async () => {
    const worker = importRosterXlsx(await writeRosterTemplate()).workers[0]!;
    const workers = Array.from({ length: 2_500 }, (_, i) => ({ ...worker, name: `人员${i + 1}` }));
    const told: [number, number][] = [];
    const bytes = await writeRosterWorkbook(workers, (written, total) => told.push([written, total]));
    expect(told).toEqual([
      [1_000, 2_500],
      [2_000, 2_500],
      [2_500, 2_500],
    ]);
    expect((await open(bytes)).getWorksheet('花名册')!.rowCount).toBe(2_501);
  });

  it('人员结构统计表: shares and gaps are formulas LibreOffice recalculates to the cached values', async () => {
    const workers = importRosterXlsx(await writeRosterTemplate()).workers;
    const roster = [workers[0]!, { ...workers[0]!, birthDate: '1960-01-01', education: null, field: '养老' }, { ...workers[0]!, certificate: '无' as const }];
    const stats = rosterStats(roster, '2026-07-01');
    const gaps = demandGap(stats, { byEducation: { 本科及以上: 5 }, byField: { 心理疏导: 2 } });
    const bytes = await writeStatsWorkbook({ stats, scope: '全部人员', gaps });
    const file = path.join(dir, 'stats.xlsx');
    fs.writeFileSync(file, bytes);
    const ws = (await open(bytes)).getWorksheet('人员结构统计表')!;
    let ageHeader = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '年龄结构') ageHeader = n + 1;
    });
    // ages on 2026-07-01: 1990-05-01 → 36 (twice), 1960-01-01 → 66: 36-45岁 2 of 3 = 66.7 %, 60岁以上 1
    const bandRow = ageHeader + 2; // 35岁及以下, then 36-45岁
    expect(ws.getRow(bandRow).getCell(1).value).toBe('36-45岁');
    expect(ws.getRow(bandRow).getCell(2).value).toBe(2);
    expect(ws.getRow(bandRow).getCell(3).value).toMatchObject({ formula: expect.stringMatching(/^B\d+\/B\$\d+$/) });
    const audits = await auditWorkbooks([file], dir);
    expect(describeMismatches(audits)).toBe('');
    expect(audits[0]!.formulaCells).toBeGreaterThan(30);
  });
});
