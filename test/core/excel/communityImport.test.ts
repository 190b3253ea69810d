import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CommunityImportError, importCommunities, importCommunitiesCsv } from '../../../src/core/excel/readers/communityImport';
import { writeCommunityTemplate } from '../../../src/core/excel/communityTemplate';
import { communitiesCsv, generateCommunities, writeCommunitiesXlsx } from '../../../bench/generateCommunities';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { encodeUtf16 } from '../../corpus/craft';

const CN_HEADER = '社区名称,区,街道,户数,常住人口,老年人口占比,城乡,现有人数,持证人数';

function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof CommunityImportError) return e.problems;
    throw e;
  }
  throw new Error('expected an import error');
}

describe('社区名单 csv', () => {
  it('Chinese headers: percent and fraction shares, 城市/农村, blanks default to 0 and urban', () => {
    const { communities } = importCommunitiesCsv(
      [CN_HEADER, '和平社区,朝阳区,和平街道,4100,9800,28%,城市,11,9', '"幸福村,一组",朝阳区,东坝乡,800,,0.125,农村,,'].join('\r\n'),
    );
    expect(communities).toEqual([
      {
        row: 2,
        name: '和平社区',
        district: '朝阳区',
        street: '和平街道',
        households: 4100,
        residents: 9800,
        elderlyShare: '0.28',
        urbanRural: 'urban',
        currentStaff: 11,
        certifiedStaff: 9,
      },
      {
        row: 3,
        name: '幸福村,一组',
        district: '朝阳区',
        street: '东坝乡',
        households: 800,
        residents: null,
        elderlyShare: '0.125',
        urbanRural: 'rural',
        currentStaff: 0,
        certifiedStaff: 0,
      },
    ]);
  });

  it('English headers in another order, extra columns ignored', () => {
    const r = importCommunitiesCsv('households,name,street,district,note\n1250,Heping,S1,D1,x\n');
    expect(r.communities[0]).toMatchObject({ name: 'Heping', district: 'D1', street: 'S1', households: 1250 });
    expect(r.ignoredColumns).toEqual(['E:note']);
  });

  it('GBK bytes, as Excel on Chinese Windows saves csv', () => {
    // "社区名称,区,街道,户数\n和平社区,朝阳区,和平街道,4100\n" encoded in GBK
    const gbk = Buffer.from('c9e7c7f8c3fbb3c62cc7f82cbdd6b5c02cbba7cafd0abacdc6bdc9e7c7f82cb3afd1f4c7f82cbacdc6bdbdd6b5c02c343130300a', 'hex');
    expect(importCommunitiesCsv(gbk).communities[0]).toMatchObject({ name: '和平社区', district: '朝阳区', households: 4100 });
  });

  it('every bad cell is reported by row and column, and nothing is accepted', () => {
    const problems = problemsOf(() => importCommunitiesCsv([CN_HEADER, '甲,朝阳区,和平街道,4100,,,,3,2', '乙,朝阳区,,12.5,,130%,郊区,3,5'].join('\n')));
    expect(problems.map((p) => p.path)).toEqual([
      '第 3 行 街道（C 列）',
      '第 3 行 户数（D 列）',
      '第 3 行 持证人数（I 列）',
      '第 3 行 老年人口占比（F 列）',
      '第 3 行 城乡（G 列）',
    ]);
    expect(problems[1]!.message).toContain('“12.5”不是不小于 0 的整数');
    expect(problems[2]!.message).toContain('持证人数 5 超过现有人数 3');
  });

  it('a missing required column is named', () => {
    expect(problemsOf(() => importCommunitiesCsv('社区名称,区,街道\n甲,乙,丙\n'))[0]!.message).toContain('缺少必填列“户数”');
  });
});

describe('社区名单 xlsx (real files written by ExcelJS and LibreOffice, read by xlsxRows.ts)', () => {
  it('reads the first sheet; an empty row keeps the row numbers of the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('社区');
    ws.addRow(CN_HEADER.split(','));
    ws.addRow(['和平社区', '朝阳区', '和平街道', 4100, 9800, 0.28, '城市', 11, 9]);
    ws.getRow(4).values = ['幸福社区', '朝阳区', '和平街道', 'x', null, null, null, null, null];
    const file = path.join(os.tmpdir(), `pb-communities-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(file);
    try {
      const bytes = fs.readFileSync(file);
      await expect(importCommunities('list.xlsx', bytes)).rejects.toMatchObject({ problems: [{ path: '第 4 行 户数（D 列）' }] });
      ws.getCell('D4').value = 2400;
      await wb.xlsx.writeFile(file);
      const { communities } = await importCommunities('list.xlsx', fs.readFileSync(file));
      expect(communities.map((c) => [c.row, c.name, c.households, c.elderlyShare])).toEqual([
        [2, '和平社区', 4100, '0.28'],
        [4, '幸福社区', 2400, null],
      ]);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('the exported empty template reads back as headers with no communities', async () => {
    const bytes = await writeCommunityTemplate();
    await expect(importCommunities('template.xlsx', bytes)).rejects.toMatchObject({ problems: [{ message: expect.stringContaining('名单中没有社区') }] });
  });

  it("Chinese text survives a long sheet (exceljs's streaming reader split characters at chunk edges: “��市”)", async () => {
    const list = generateCommunities(20_000);
    const file = path.join(os.tmpdir(), `pb-communities-long-${process.pid}.xlsx`);
    try {
      await writeCommunitiesXlsx(list, file);
      const { communities } = await importCommunities('long.xlsx', fs.readFileSync(file));
      expect(communities.length).toBe(20_000);
      expect(communities.filter((c) => /\uFFFD/.test(c.name + c.district + c.street))).toEqual([]);
      expect(communities.map((c) => c.urbanRural)).toEqual(list.map((c) => c.urbanRural));
      expect(communities[19_999]).toEqual(list[19_999]);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('reads an xlsx re-saved by LibreOffice (shared strings, its own XML) the same as the csv of the list', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-lo-list-'));
    try {
      const list = generateCommunities(50);
      const original = path.join(dir, 'list.xlsx');
      await writeCommunitiesXlsx(list, original);
      const [xlsx] = convertWithLibreOffice([original], 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'lo'));
      expect(fs.readFileSync(xlsx!).includes('sharedStrings.xml')).toBe(true);
      const fromXlsx = (await importCommunities('list.xlsx', fs.readFileSync(xlsx!))).communities;
      expect(fromXlsx).toEqual(importCommunitiesCsv(communitiesCsv(list)).communities);
      expect(fromXlsx[0]!.name).toBe('社区1');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('社区名单: what Excel does to numbers and text', () => {
  it('a 户数 cell formatted as a date holds 46023 and shows 2026-01-01: refused, never planned as 46,023 households', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('社区');
    ws.addRow(CN_HEADER.split(','));
    ws.addRow(['和平社区', '朝阳区', '和平街道', new Date(Date.UTC(2026, 0, 1))]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(importCommunities('list.xlsx', bytes)).rejects.toMatchObject({
      problems: [{ path: '第 2 行 户数（D 列）', message: expect.stringContaining('单元格格式是日期（显示为 2026-01-01），须为不小于 0 的整数') }],
    });
  });

  it('Excel’s “Unicode text” (UTF-16 LE with a mark, tab-separated) reads as the same list as UTF-8 csv', () => {
    const rows = [CN_HEADER, '和平社区,朝阳区,和平街道,4100,9800,28%,城市,11,9'];
    const utf16 = encodeUtf16(rows.map((r) => r.replace(/,/g, '\t')).join('\r\n'), 'le', true);
    expect(importCommunitiesCsv(utf16)).toEqual(importCommunitiesCsv(rows.join('\n')));
  });

  it('counts the API refuses are refused here too: 户数 10,000,001 is over the 10,000,000 a plan accepts', () => {
    expect(problemsOf(() => importCommunitiesCsv('社区名称,区,街道,户数\n甲,乙,丙,10000001\n'))).toEqual([
      { path: '第 2 行 户数（D 列）', message: '10000001 超过上限 10,000,000 / more than 10,000,000' },
    ]);
  });
});
