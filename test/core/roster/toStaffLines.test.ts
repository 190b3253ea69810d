import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { priceBudget } from '../../../src/core/budget/pipeline';
import type { RosterAnnexEntry } from '../../../src/core/excel/budget/rosterAnnexSheet';
import { budgetWorkbookBuffer, writeBudgetWorkbookFile } from '../../../src/core/excel/budgetWorkbook';
import { guideVersionSchema } from '../../../src/core/guides/schema';
import { formatMoney } from '../../../src/core/money/decimal';
import { readBidWorkbook } from '../../../src/core/review/readBid';
import { type RosterPerson, staffLinesFromRoster } from '../../../src/core/roster/toStaffLines';
import { parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { auditWorkbooks, describeMismatches } from '../../support/libreoffice';

/**
 * Roster → money (docs/design.md §People: roster and statistics): eight workers of a small roster
 * priced by a guide with a step ladder for 一线社工 初级 (5,000 / 5,250), one step for 中级 (6,250)
 * and for the 督导 grade (9,000), allowances 助理社工师 200 and 社工师 300 a month.
 */
const version = guideVersionSchema.parse({
  label: '2026 版',
  effectiveFrom: '2026-01-01',
  cells: [
    { post: '一线社工', grade: '初级', step: 1, amount: '5000.00' },
    { post: '一线社工', grade: '初级', step: 2, amount: '5250.00' },
    { post: '一线社工', grade: '中级', step: 1, amount: '6250.00' },
    { post: '督导', grade: '初级督导', step: 1, amount: '9000.00' },
  ],
  allowances: [
    { qualification: '助理社工师', amount: '200.00' },
    { qualification: '社工师', amount: '300.00' },
  ],
});

let seq = 0;
const person = (
  name: string,
  postType: string | null,
  postLevel: string | null,
  step: number | null,
  certificate: RosterPerson['certificate'],
): RosterPerson => ({
  id: ++seq,
  seq,
  name,
  idNumber: `11010119900101${String(1000 + seq)}`,
  postType,
  postLevel,
  step,
  certificate,
});

const roster: RosterPerson[] = [
  person('张一', '一线社工', '初级', 1, '助理社会工作师'),
  person('张二', '一线社工', '初级', 1, '助理社会工作师'),
  person('张三', '一线社工', '初级', 2, '无'),
  person('张四', '一线社工', '中级', 1, '社会工作师'),
  person('张五', '督导', '初级督导', 3, '社会工作师'),
  person('张六', '一线社工', '高级', 1, '高级社会工作师'),
  person('张七', '一线社工', null, 1, null),
  person('=1+1', '一线社工', '初级', null, null),
];

const plan = staffLinesFromRoster(roster, version, { months: 12 });

describe('staff lines from the roster', () => {
  it('groups the workers by guide cell and certificate, in the guide order, 人数 = the workers on the line', () => {
    expect(plan.lines.map((l) => [l.post, l.grade, l.step, l.qualification ?? null, l.count])).toEqual([
      ['一线社工', '初级', 1, '助理社工师', 2], // 张一, 张二
      ['一线社工', '初级', 2, null, 1], // 张三, no certificate
      ['一线社工', '中级', 1, '社工师', 1], // 张四
      ['督导', '初级督导', 1, '社工师', 1], // 张五: the guide has one step for 初级督导
    ]);
    expect(plan.lines.every((l) => l.months === 12 && l.bonusMonths === 0)).toBe(true);
    expect(plan.placed.map((p) => [p.person.name, p.line])).toEqual([
      ['张一', 0],
      ['张二', 0],
      ['张三', 1],
      ['张四', 2],
      ['张五', 3],
    ]);
    expect(plan.placed[4]!.note).toBe('指导价该等级不分档次，第 3 档按第 1 档');
  });

  it('lists everyone it cannot price with the reason, never at 0', () => {
    expect(plan.unpriced.map((u) => [u.code, u.params])).toEqual([
      ['NO_GRADE', { post: '一线社工', level: '高级', grades: '初级、中级' }],
      ['NO_LEVEL', { post: '一线社工' }],
      ['STEP_MISSING', { post: '一线社工', grade: '初级', steps: '1、2' }],
    ]);
    expect(plan.unpriced.map((u) => [u.person.name, u.reason])).toEqual([
      ['张六', '指导价岗位“一线社工”没有等级“高级”（有：初级、中级）'],
      ['张七', '岗位等级未填'],
      ['=1+1', '档次未填（指导价“一线社工 初级”有第 1、2 档）'],
    ]);
  });

  it('reads a level written as a number as the guide grade “N级”, and says so', () => {
    const levels = guideVersionSchema.parse({ label: 'x', effectiveFrom: '2026-01-01', cells: [{ post: '正职', grade: '10级', step: 1, amount: '7000.00' }] });
    const p = staffLinesFromRoster([{ ...roster[0]!, postType: '正职', postLevel: '10', step: null, certificate: '社会工作员' }], levels, { months: 6 });
    expect(p.lines).toEqual([{ post: '正职', grade: '10级', step: 1, count: 1, months: 6, bonusMonths: 0, note: '按名册 1 人（见名册附表）' }]);
    expect(p.placed[0]!.note).toBe('等级“10”按“10级”；指导价没有社会工作员的津贴，不计津贴');
  });

  it('prices the lines by the budget arithmetic: the worked example by hand', () => {
    // 养老保险 16 % on a base within 4,000–30,000; no levies, no management fee, no tax
    // 初级1 助理: monthly 5,000 + 200 = 5,200; gross 5,200 × 2 × 12 = 124,800.00; item 5,200 × 16 % = 832.00; 832 × 2 × 12 = 19,968.00 → 144,768.00
    // 初级2:      5,250;  gross 63,000.00;  item 840.00;  10,080.00 → 73,080.00
    // 中级1 社工师: 6,250 + 300 = 6,550; gross 78,600.00; item 1,048.00; 12,576.00 → 91,176.00
    // 督导 社工师: 9,000 + 300 = 9,300; gross 111,600.00; item 1,488.00; 17,856.00 → 129,456.00
    // labour = 144,768 + 73,080 + 91,176 + 129,456 = 438,480.00
    const { result, json } = priceBudget(spec());
    expect(result.staff.map((l) => formatMoney(l.labour))).toEqual(['144,768.00', '73,080.00', '91,176.00', '129,456.00']);
    expect(json.labour).toBe('438480.00');
    expect(json.total).toBe('438480.00');
  });
});

function spec() {
  return parseBudgetSpec({
    version: 1,
    name: '名册生成的项目',
    period: { start: '2026-01', months: 12 },
    payGuide: {
      name: '示例指导价',
      rows: version.cells.map((c) => ({ post: c.post, grade: c.grade, step: c.step, monthly: c.amount! })),
      allowances: version.allowances.map((a) => ({ qualification: a.qualification, monthly: a.amount })),
    },
    contributions: { floor: '4000.00', ceiling: '30000.00', items: [{ name: '养老保险', rate: '0.16' }] },
    staff: plan.lines,
  });
}

function annex(): RosterAnnexEntry[] {
  return [
    ...plan.placed.map((p) => ({ ...p.person, line: p.line, lineKey: plan.keys[p.line]!, note: p.note })),
    ...plan.unpriced.map((u) => ({ ...u.person, line: null, lineKey: null, note: u.reason })),
  ].sort((a, b) => a.seq! - b.seq!);
}

describe('名册附表 sheet', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-roster-annex-'));

  it('lists each worker with the masked ID and the staff line, as text and formulas over 人员经费明细', async () => {
    const { result } = priceBudget(spec());
    const file = path.join(dir, 'annex.xlsx');
    await writeBudgetWorkbookFile(result, spec(), file, { rosterAnnex: annex() });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('名册附表')!;
    expect(ws).toBeDefined();
    expect(ws.getCell('A1').value).toBe('名册生成的项目 名册附表');
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '序号',
      '名册\n序号',
      '姓名',
      '身份证号',
      '岗位类别',
      '岗位等级',
      '档次',
      '持证等级',
      '人员经费\n明细序号',
      '月薪\n（元）',
      '备注',
    ]);
    // 张一 (roster 序号 1): ID 110101199001011001 masked to its first 3 and last 4; line 1 = row 3 of 人员经费明细; monthly 5,200
    const r1 = ws.getRow(3);
    expect([r1.getCell(2).value, r1.getCell(3).value, r1.getCell(4).value]).toEqual([1, '张一', '110***********1001']);
    expect(r1.getCell(9).value).toEqual({ formula: "'人员经费明细'!A3", result: 1 });
    expect((r1.getCell(10).value as { formula: string; result: number }).result).toBe(5200);
    // 张五 on line 4 (row 6), monthly 9,300, with the note on its step
    const r5 = ws.getRow(7);
    expect(r5.getCell(3).value).toBe('张五');
    expect(r5.getCell(9).value).toEqual({ formula: "'人员经费明细'!A6", result: 4 });
    expect((r5.getCell(10).value as { result: number }).result).toBe(9300);
    expect(r5.getCell(11).value).toBe('指导价该等级不分档次，第 3 档按第 1 档');
    // 张六 not priced: no line, no pay, the reason
    const r6 = ws.getRow(8);
    expect([r6.getCell(9).value, r6.getCell(10).value]).toEqual([null, null]);
    expect(r6.getCell(11).value).toBe('未计入预算：指导价岗位“一线社工”没有等级“高级”（有：初级、中级）');
    // a name typed as "=1+1" is text, never a formula
    const r8 = ws.getRow(10);
    expect(r8.getCell(3).value).toBe('=1+1');
    expect(r8.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(ws.rowCount).toBe(10);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
  });

  it('says so on a worker whose line was edited since, and on a line whose 人数 changed', async () => {
    const edited = spec();
    edited.staff[2] = { ...edited.staff[2]!, grade: '初级', step: 1, qualification: '助理社工师' }; // 张四's line now another cell
    edited.staff[0] = { ...edited.staff[0]!, count: 3 }; // 张一 and 张二's line now says 3 people
    const { result } = priceBudget(edited);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await budgetWorkbookBuffer(result, edited, { rosterAnnex: annex() })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('名册附表')!;
    expect(ws.getRow(3).getCell(11).value).toBe('该行人数已改，与附表 2 人不符');
    expect(ws.getRow(6).getCell(9).value).toBeNull();
    expect(ws.getRow(6).getCell(11).value).toBe('人员经费明细已修改：原第 3 行（一线社工 中级 第 1 档 社工师）已不在，请核对');
  });

  it('recalculates in LibreOffice to the program’s values, and review reads the bid clean', async () => {
    const { result } = priceBudget(spec());
    const file = path.join(dir, 'recalc.xlsx');
    await writeBudgetWorkbookFile(result, spec(), file, { rosterAnnex: annex() });
    const audits = await auditWorkbooks([file], dir);
    expect(describeMismatches(audits)).toBe('');
    expect(audits[0]!.formulaCells).toBeGreaterThan(10);
    // the review ignores the sheet it does not know: no integrity finding, the same total
    const reading = readBidWorkbook(fs.readFileSync(file), 'recalc.xlsx');
    expect(reading.total).toBe('438480.00');
    expect(reading.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
