import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { completedYears } from '../../../src/core/roster/age';
import { RosterImportError } from '../../../src/core/roster/importRows';
import { maskIdNumber } from '../../../src/core/roster/mask';
import { importRosterCsv } from '../../../src/core/roster/readRoster';
import { idNumberChecks } from '../../../src/core/roster/schema';

export const HEADER =
  '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';

function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof RosterImportError) return e.problems;
    throw e;
  }
  throw new Error('expected an import error');
}

describe('age in completed years (周岁) on a date', () => {
  it('born 1990-05-01: 35 on the day before the birthday, 36 on the birthday itself', () => {
    // 2026 − 1990 = 36, less one while 05-01 has not come: on 2026-04-30 still 35
    expect(completedYears('1990-05-01', '2026-04-30')).toBe(35);
    expect(completedYears('1990-05-01', '2026-05-01')).toBe(36);
  });
  it('born on 29 February: a year older on 1 March of a year without one', () => {
    // 2025 has no 29 February: on 02-28 the birthday has not come (0228 < 0229), on 03-01 it has
    expect(completedYears('2000-02-29', '2025-02-28')).toBe(24);
    expect(completedYears('2000-02-29', '2025-03-01')).toBe(25);
    expect(completedYears('2000-02-29', '2024-02-29')).toBe(24);
  });
  it('not yet born on the date: no age', () => {
    expect(completedYears('2027-01-01', '2026-12-31')).toBeNull();
  });
});

describe('身份证号', () => {
  it('masked as the first three and the last four, eleven stars between for 18 digits', () => {
    expect(maskIdNumber('110101199001011234')).toBe('110***********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    // the old 15-digit number: 15 − 7 = 8 stars
    expect(maskIdNumber('110105491231002')).toBe('110********1002');
    expect(maskIdNumber(null)).toBe('');
  });
  it('check digit by GB 11643: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 → 1 0 X 9 8 7 6 5 4 3 2', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → X
    expect(idNumberChecks('11010519491231002X')).toBe(true);
    expect(idNumberChecks('110105194912310021')).toBe(false);
  });
});

const row = (cells: Partial<Record<string, string>>) => {
  const cols = HEADER.split(',');
  const base: Record<string, string> = { 姓名: '张三' };
  return cols
    .map((c) => {
      const v = { ...base, ...cells }[c] ?? '';
      return /[,"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
};

describe('花名册 csv', () => {
  it('a full row: lists, dates in several spellings, ratings, 党建岗; empty cells are 未填 (null)', () => {
    const csv = [
      HEADER,
      row({
        性别: '女',
        出生日期: '1990/5/1',
        身份证号: '11010519491231002x',
        学历: '大学本科',
        领域: '社区',
        职称: '中级',
        持证等级: '社会工作师',
        取证日期: '2018年6月20日',
        岗位类别: '专职',
        岗位等级: '10级',
        档次: '3',
        入职日期: '2015-07-01',
        社区工作年限: '9',
        所在社区: '和平社区',
        所在街道: '和平街道',
        所在区: '朝阳区',
        考核: '2025：合格；2024:优秀',
        党建岗: '是',
      }),
      row({ 姓名: '李四' }),
    ].join('\r\n');
    const { workers } = importRosterCsv(csv);
    expect(workers[0]).toEqual({
      name: '张三',
      gender: '女',
      birthDate: '1990-05-01',
      idNumber: '11010519491231002X',
      education: '大学本科',
      field: '社区',
      title: '中级',
      certificate: '社会工作师',
      certificateDate: '2018-06-20',
      postType: '专职',
      postLevel: '10级',
      step: 3,
      hireDate: '2015-07-01',
      communityYears: 9,
      community: '和平社区',
      street: '和平街道',
      district: '朝阳区',
      ratings: [
        { year: 2024, rating: '优秀' },
        { year: 2025, rating: '合格' },
      ],
      partyPost: true,
    });
    expect(workers[1]).toMatchObject({ name: '李四', birthDate: null, education: null, certificate: null, ratings: [], partyPost: null });
  });

  it('a GBK file, as Excel on a Chinese Windows saves it, reads the same', () => {
    const csv = [HEADER, row({ 学历: '硕士研究生', 所在区: '鲤城区' })].join('\r\n');
    const { workers } = importRosterCsv(iconv.encode(csv, 'gbk'));
    expect(workers[0]).toMatchObject({ name: '张三', education: '硕士研究生', district: '鲤城区' });
  });

  it('values outside their lists name row and column; nothing is imported', () => {
    const csv = [
      HEADER,
      row({ 学历: '本科' }), // E 列: 大学本科 is the listed value
      row({ 持证等级: '中级社工师', 出生日期: '1990-02-30' }),
      row({ 姓名: '', 性别: '女' }),
      row({ 身份证号: '110105194912310021', 考核: '2024:好', 党建岗: 'Y', 档次: '0' }),
    ].join('\n');
    const problems = problemsOf(() => importRosterCsv(csv));
    expect(problems.map((p) => p.path)).toEqual([
      '第 2 行 学历（E 列）',
      '第 3 行 出生日期（C 列）',
      '第 3 行 持证等级（H 列）',
      '第 4 行 姓名（A 列）',
      '第 5 行 身份证号（D 列）',
      '第 5 行 档次（L 列）',
      '第 5 行 考核（R 列）',
      '第 5 行 党建岗（S 列）',
    ]);
    expect(problems[0]!.message).toContain('“本科”不在可选值中');
    expect(problems[6]!.message).toContain('等次“好”');
  });

  it('a header missing a column is refused by name; 身份证号 may be left out; unknown columns are listed', () => {
    const noEducation = HEADER.replace(',学历', '');
    expect(problemsOf(() => importRosterCsv(`${noEducation}\n张三`))).toEqual([
      { path: '第 1 行（表头）', message: '缺少列“学历”：表头须与导入模板一致 / missing column 学历' },
    ]);
    const noId = HEADER.replace(',身份证号', '').replace('出生日期', '出生日期 (YYYY-MM-DD)') + ',备注';
    const r = importRosterCsv(`${noId}\n张三`);
    expect(r.workers[0]!.idNumber).toBeNull();
    expect(r.ignoredColumns).toEqual(['S:备注']);
  });
});

describe('bad roster files are refused by name, never a crash', () => {
  const first = (fn: () => unknown) => problemsOf(fn)[0]!;
  it('an empty csv, a file that is no xlsx, an unknown ending, a header with no worker', async () => {
    const { importRoster } = await import('../../../src/core/roster/readRoster');
    expect(first(() => importRoster('r.csv', new Uint8Array()))).toMatchObject({ path: '第 1 行（表头）' });
    expect(first(() => importRoster('r.xlsx', new TextEncoder().encode('PK not a zip')))).toMatchObject({ message: expect.stringMatching(/xlsx|工作簿|文件/) });
    expect(first(() => importRoster('r.xls', new Uint8Array([1, 2, 3])))).toEqual({
      path: 'r.xls',
      message: '只支持 .xlsx 或 .csv 文件 / only .xlsx or .csv files',
    });
    expect(first(() => importRoster('r.csv', new TextEncoder().encode(`${HEADER}\n\n`)))).toMatchObject({
      message: '花名册中没有人员 / the roster has no workers',
    });
  });

  it('a date-formatted 档次 cell in an xlsx (Excel shows 1900-01-03 for 3) is refused, not read as a step', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { importRosterXlsx } = await import('../../../src/core/roster/readRoster');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(HEADER.split(','));
    const row = ws.addRow(['张三']);
    row.getCell(12).value = new Date(Date.UTC(1900, 0, 3));
    row.getCell(12).numFmt = 'yyyy-mm-dd';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(first(() => importRosterXlsx(bytes))).toMatchObject({ path: '第 2 行 档次（L 列）', message: expect.stringContaining('单元格格式是日期') });
  });
});

describe('dates as people write them', () => {
  it('normalised to YYYY-MM-DD; 2026-02-29 and 2026-13-01 are no dates, 2024-02-29 is', async () => {
    const { parseRosterDate } = await import('../../../src/core/roster/importRows');
    expect(['1990-05-01', '1990/5/1', '1990.05.01', '1990年5月1日', '1990-05-01日'].map(parseRosterDate)).toEqual(Array(5).fill('1990-05-01'));
    expect(['2026-02-29', '2026-13-01', '2026-04-31', '1899-12-31', '90-5-1'].map(parseRosterDate)).toEqual(Array(5).fill(null));
    expect(parseRosterDate('2024-02-29')).toBe('2024-02-29');
  });
});
