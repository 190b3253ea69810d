import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { HISTORY_SHEET } from '../../../src/core/excel/history/historyWorkbook';
import { workedContributions } from '../../db/workedExample';
import { runCli, tempDir } from './runCli';

/**
 * paybench history --db DB [--object KIND [--id N]] [--json | --xlsx FILE] (docs/design.md §History and locks): the
 * change log of a real database file, written by the store as the app writes it, read back by the command — the
 * same rows as JSON, as a table and as the workbook the history page exports.
 */
const SET = { ...workedContributions, city: '测试市', name: '测试市 2026 社保公积金参数' };

/** A sample database in which 李四 created a contribution set and raised its base floor from 4,500.00 to 5,000.00. */
function changedDb(): { db: string; setId: number; dir: string } {
  const dir = tempDir();
  const db = path.join(dir, 'p.sqlite');
  const store = PaybenchStore.open(db, { user: 'li.si' });
  try {
    const set = store.contributionSets.create(SET);
    store.contributionSets.update(set.id, { ...SET, floor: '5000.00' }, set.revision);
    return { db, setId: set.id, dir };
  } finally {
    store.close();
  }
}

describe('paybench history', () => {
  it('--json: the set’s rows newest first — the floor 4500.00 → 5000.00, then its creation — by the OS user who saved', () => {
    const { db, setId } = changedDb();
    const r = runCli(['history', '--db', db, '--object', 'contributionSet', '--id', String(setId), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { action: string; field: string; old: string | null; new: string | null; user: string; objectName: string }[];
    expect(rows.map((x) => [x.action, x.field, x.old, x.new])).toEqual([
      ['update', 'floor', '4500.00', '5000.00'],
      ['create', '', null, null],
    ]);
    expect(rows[0]).toMatchObject({ user: 'li.si', objectName: SET.name });
  });

  it('prints a table by default, with the change in words', () => {
    const { db, setId } = changedDb();
    const r = runCli(['history', '--db', db, '--object', 'contributionSet', '--id', String(setId)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('缴费基数下限: 4500.00 → 5000.00');
    expect(r.stdout).toContain('li.si');
    expect(r.stdout).toContain('社保公积金参数');
  });

  it('--xlsx writes the workbook of the history export: sheet 变更记录, one row per change, as many as --json lists', async () => {
    const { db, dir } = changedDb();
    const file = path.join(dir, '变更记录.xlsx');
    const r = runCli(['history', '--db', db, '--object', 'contributionSet', '--xlsx', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(HISTORY_SHEET)!;
    const texts: string[][] = [];
    ws.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    // a row 序号, 时间, 用户, 对象类型, 对象, 操作, 字段, 原值, 新值
    const floorRow = texts.find((t) => t.includes('缴费基数下限'));
    expect(floorRow).toEqual(expect.arrayContaining(['li.si', '社保公积金参数', SET.name, '修改', '缴费基数下限', '4500.00', '5000.00']));
    const listed = JSON.parse(runCli(['history', '--db', db, '--object', 'contributionSet', '--json']).stdout) as unknown[];
    const numbered = texts.filter((t) => /^\d+$/.test(t[0]!));
    expect(numbered).toHaveLength(listed.length);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });

  it('refuses an unknown object kind, --id without --object, and --json with --xlsx: exit 2, naming the option', () => {
    const { db } = changedDb();
    const bad = runCli(['history', '--db', db, '--object', 'widget']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--object 须为 guide、guideVersion、contributionSet、referenceWage、project 之一，收到“widget”/);
    const noKind = runCli(['history', '--db', db, '--id', '3']);
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toMatch(/--id 须与 --object 同用/);
    const both = runCli(['history', '--db', db, '--json', '--xlsx', 'x.xlsx']);
    expect(both.code).toBe(2);
    const date = runCli(['history', '--db', db, '--from', '2026-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--from 须为日期 YYYY-MM-DD/);
  });
});
