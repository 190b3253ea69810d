import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT, GUANGDONG_GUIDE, JILIN_PROJECT, JILIN_SAMPLE, SHANGHAI_2023 } from '../../../db/sampleData';
import { BID_SHEET } from '../../../src/core/excel/budget/bidPackageSheet';
import { canonicalJson, sha256Hex } from '../../../src/core/review/canonicalJson';
import { readReviewCells } from '../../../src/core/review/workbookCells';
import { editCell } from '../../core/review/bidWorkbook';
import { runCli, tempDir } from './runCli';

/**
 * paybench review FILE… --db DB --json (docs/design.md §Excel workbooks, "Review"): bids exported by `paybench budget
 * --out` from the sample database, reviewed against the same database. Exit 0 / 1 / 2 as the help says.
 */
function exportProject(dir: string, db: string, project: string, name: string): string {
  const file = path.join(dir, name);
  const r = runCli(['budget', '--project', project, '--db', db, '--out', file]);
  expect(r.code).toBe(0);
  return file;
}

describe('paybench review', () => {
  it('reviews two exported bids clean: exit 0, the JSON of the issue, verdict pass', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const a = exportProject(dir, db, JILIN_PROJECT, 'a.xlsx');
    const b = exportProject(dir, db, FAMILY_CENTRE_PROJECT, 'b.xlsx');
    const r = runCli(['review', a, b, '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['bids']);
    expect(json.bids.map((x: { file: string }) => x.file)).toEqual(['a.xlsx', 'b.xlsx']);
    for (const bid of json.bids) {
      expect(Object.keys(bid)).toEqual(['file', 'name', 'total', 'verdict', 'comparedWith', 'findings']);
      // what it was checked against: the version in force at the bid's first month, found for it
      expect(bid.comparedWith).toMatchObject({ guideBasis: 'auto', contributionsBasis: 'auto', guide: expect.stringMatching(/（.+起.*）$/) });
      expect(bid.verdict).toBe('pass');
      // only information may remain (a contribution base clamped to the floor)
      expect(bid.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
      for (const f of bid.findings) expect(Object.keys(f).sort()).toEqual(['cell', 'code', 'expected', 'found', 'message', 'severity', 'sheet']);
    }
    expect(json.bids[0].name).toBe(JILIN_PROJECT);
    // the same total the budget command prints for the project
    const budget = JSON.parse(runCli(['budget', '--project', JILIN_PROJECT, '--db', db, '--json']).stdout);
    expect(json.bids[0].total).toBe(budget.total);
  });

  it('exits 1 with verdict reject when a figure was typed over a formula, naming the cell', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const a = exportProject(dir, db, JILIN_PROJECT, 'a.xlsx');
    // 汇总表!B16 is 预算总额 (row 5 + 11): typed as a round number
    fs.writeFileSync(a, await editCell(fs.readFileSync(a), '汇总表', 'B16', '<v>1700000</v>'));
    const r = runCli(['review', a, '--db', db, '--json']);
    expect(r.code).toBe(1);
    const bid = JSON.parse(r.stdout).bids[0];
    expect(bid.verdict).toBe('reject');
    expect(bid.findings).toContainEqual(
      expect.objectContaining({ code: 'FORMULA_REPLACED', severity: 'error', sheet: '汇总表', cell: 'B16', found: '1700000' }),
    );
  });

  it('exits 2 for a workbook from another template, saying what is missing and how to bring the data in', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const other = path.join(dir, '机构自制预算.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员').addRows([
      ['岗位', '等级', '档次', '持证', '人数', '月数', '月薪'],
      ['一线社工', '社工师', 1, '社工师', 6, 12, 6800],
    ]);
    await wb.xlsx.writeFile(other);
    const good = exportProject(dir, db, JILIN_PROJECT, 'a.xlsx');
    const r = runCli(['review', good, other, '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/“机构自制预算\.xlsx”不是 Paybench 导出的预算工作簿：缺少隐藏的投标数据包工作表“paybench_bid”/);
    expect(r.stderr).toMatch(/人员表（岗位\/等级\/档次\/持证\/人数\/月数\/月薪）.*导入/);
    const json = JSON.parse(r.stdout);
    expect(json.bids).toHaveLength(1); // the readable one is still reviewed
    expect(json.unreadable).toEqual([{ file: '机构自制预算.xlsx', message: expect.stringContaining('paybench_bid') }]);
  });

  it('writes the 审核意见表 with --out: a summary sheet and one sheet per bid', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const a = exportProject(dir, db, JILIN_PROJECT, 'a.xlsx');
    const report = path.join(dir, 'report.xlsx');
    const r = runCli(['review', a, '--db', db, '--out', report]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/a\.xlsx\s+.*通过/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['审核汇总', `1 ${JILIN_PROJECT}`.slice(0, 31)]);
    const summary = wb.getWorksheet('审核汇总')!;
    expect(summary.getRow(2).values).toEqual([undefined, '序号', '文件', '项目名称', '预算总额（元）', '结论', '错误', '警告', '提示', '明细表', '审核意见']);
    expect(summary.getRow(3).getCell(5).value).toBe('通过');
    expect(summary.pageSetup.paperSize).toBe(9);
  });

  it('budget --out writes the bid package naming the stored guide; --spec-out writes the same spec as JSON, with the same hash', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const xlsx = path.join(dir, 'a.xlsx');
    const json = path.join(dir, 'a.json');
    const r = runCli(['budget', '--project', JILIN_PROJECT, '--db', db, '--out', xlsx, '--spec-out', json]);
    expect(r.code).toBe(0);
    const cells = readReviewCells(fs.readFileSync(xlsx)).get(BID_SHEET)!.cells;
    const value = (key: string) => {
      const row = [...cells].find(([ref, c]) => ref.startsWith('A') && c.value === key)![0].slice(1);
      return cells.get(`B${row}`)!.value;
    };
    const spec = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(spec.name).toBe(JILIN_PROJECT);
    // the guide's own name, without the version label the inline guide's name carries
    expect(spec.payGuide.name).toBe(`${value('guideName')}（${value('guideVersion')}）`);
    expect(value('specSha256')).toBe(sha256Hex(canonicalJson(spec)));
  });

  it('exits 2 for a tolerance that is not a percentage', () => {
    const r = runCli(['review', 'x.xlsx', '--tolerance', 'abc', '--db', path.join(tempDir(), 'p.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tolerance: 容差须为/);
  });

  it('--guide-version picks the official version: the family centre (priced with 2026 版) against 2025 版, by label or by a date', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const a = exportProject(dir, db, FAMILY_CENTRE_PROJECT, 'a.xlsx');
    const auto = JSON.parse(runCli(['review', a, '--db', db, '--json']).stdout).bids[0];
    expect(auto.comparedWith).toEqual({
      guide: `${GUANGDONG_GUIDE}（2026 版，自 2026-01-01 起，示例〔2026〕1号）`,
      contributions: SHANGHAI_2023,
      guideBasis: 'auto',
      contributionsBasis: 'auto',
    });
    expect(auto.verdict).toBe('pass');

    const r = runCli(['review', a, '--db', db, '--guide-version', '2025 版', '--json']);
    expect(r.code).toBe(1);
    const bid = JSON.parse(r.stdout).bids[0];
    expect(bid.comparedWith).toMatchObject({ guide: `${GUANGDONG_GUIDE}（2025 版，自 2025-01-01 起，示例〔2025〕1号）`, guideBasis: 'picked' });
    // 2026 版 is 2025 版 + 3 % to the yuan: 一线社工 中级 1 档 6,250.00 × 1.03 = 6,437.50 → 6,438.00
    expect(bid.findings).toContainEqual(
      expect.objectContaining({ code: 'GUIDE_CELL_DIFFERS', severity: 'error', sheet: '薪酬指导价', expected: '6250.00', found: '6438.00' }),
    );
    expect(bid.findings).toContainEqual(expect.objectContaining({ code: 'GUIDE_VERSION_DIFFERS', severity: 'info' }));

    // a date picks the version in force that day: 2025-06 is 2025 版's
    const byDate = JSON.parse(runCli(['review', a, '--db', db, '--guide', GUANGDONG_GUIDE, '--guide-version', '2025-06', '--json']).stdout).bids[0];
    expect(byDate.comparedWith.guide).toContain('2025 版');

    // the text report says it too
    expect(runCli(['review', a, '--db', db, '--guide-version', '2025 版']).stdout).toContain(
      `对照指导价：${GUANGDONG_GUIDE}（2025 版，自 2025-01-01 起，示例〔2025〕1号）（审核人指定）`,
    );
  });

  it('--contributions picks the official set; an unknown guide, version or set refuses the review with what there is (exit 2)', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const a = exportProject(dir, db, FAMILY_CENTRE_PROJECT, 'a.xlsx');
    const picked = JSON.parse(runCli(['review', a, '--db', db, '--contributions', JILIN_SAMPLE, '--json']).stdout).bids[0];
    expect(picked.comparedWith).toMatchObject({ contributions: JILIN_SAMPLE, contributionsBasis: 'picked', guideBasis: 'auto' });

    const version = runCli(['review', a, '--db', db, '--guide', GUANGDONG_GUIDE, '--guide-version', '2030 版', '--json']);
    expect(version.code).toBe(2);
    expect(version.stdout).toBe('');
    expect(version.stderr).toContain(`--guide-version: “${GUANGDONG_GUIDE}”没有名为“2030 版”的版本；版本：2025 版、2026 版`);

    const set = runCli(['review', a, '--db', db, '--contributions', '不存在的参数']);
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/--contributions: 数据库中没有名为“不存在的参数”的缴费参数；现有：.*上海市/);

    const guide = runCli(['review', a, '--db', db, '--guide', '不存在的指导价']);
    expect(guide.code).toBe(2);
    expect(guide.stderr).toMatch(/--guide: 数据库中没有名为“不存在的指导价”的指导价；现有：/);
  });
});
