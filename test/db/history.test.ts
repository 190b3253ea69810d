import os from 'node:os';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import { writeTransaction } from '../../db/transaction';
import { HISTORY_SHEET, historyWorkbookBuffer } from '../../src/core/excel/history/historyWorkbook';
import { changeLine } from '../../src/core/history/labels';
import { tempDbFile } from './tempDb';
import { workedContributions, workedGuide } from './workedExample';

/**
 * The change history (docs/design.md §History and locks), on real SQLite files: each save records,
 * in its own transaction, one row per changed field — when, who, which object, old → new — and a
 * changed cell is its own row (`一线社工/社工师/1: 6500.00 → 6800.00`), never a blob.
 */
const open = (user = 'tester') => PaybenchStore.open(tempDbFile(), { seed: false, user });

const version2026 = workedGuide.versions[0]!;
const cells = (...amounts: [string, string, string][]) => amounts.map(([post, grade, amount]) => ({ post, grade, step: 1, amount }));

describe('what a save records', () => {
  it('a guide version: each changed cell as post/grade/step old → new, each changed fact, by the OS user, all at one time', () => {
    const store = open('wang.fang');
    const g = store.guides.create({
      ...workedGuide,
      versions: [{ ...version2026, cells: cells(['一线社工', '社工师', '6500.00'], ['督导', '社工师', '8000.00']) }],
    });
    const v = g.versions[0]!;
    // raise one cell by 300, drop 督导, add 一线社工/助理社工师, give the version its 文号
    store.guides.updateVersion(
      v.id,
      { ...version2026, documentNo: '示例民发〔2026〕1号', cells: cells(['一线社工', '社工师', '6800.00'], ['一线社工', '助理社工师', '5200.00']) },
      v.revision,
    );
    const rows = store.history.list({ kind: 'guideVersion', id: v.id });
    const updates = rows.filter((r) => r.action === 'update');
    expect(updates.map((r) => changeLine(r, 'zh')).sort()).toEqual(
      [
        '文号: — → 示例民发〔2026〕1号',
        '单元格 一线社工/社工师/1档: 6500.00 → 6800.00',
        '单元格 督导/社工师/1档: 8000.00 → —',
        '单元格 一线社工/助理社工师/1档: — → 5200.00',
      ].sort(),
    );
    expect(updates[0]).toMatchObject({ user: 'wang.fang', objectKind: 'guideVersion', objectName: '示例市社工薪酬指导价 · 2026 版', guideId: g.id });
    expect(updates.find((r) => r.field === 'cells[一线社工/社工师/1]')).toMatchObject({ old: '6500.00', new: '6800.00' });
    expect(new Set(updates.map((r) => r.at)).size).toBe(1);
    // the version's creation was recorded when the guide was made
    expect(rows.filter((r) => r.action === 'create')).toHaveLength(1);
    store.close();
  });

  it('contribution sets, reference wages and the guide header: each changed field, and nothing for a save that changed nothing', () => {
    const store = open();
    const c = store.contributionSets.create(workedContributions);
    const items = [{ name: '养老保险', rate: '0.15' }, workedContributions.items[1]!];
    store.contributionSets.update(c.id, { ...workedContributions, floor: '5000.00', items }, c.revision);
    expect(
      store.history
        .list({ kind: 'contributionSet', id: c.id })
        .filter((r) => r.action === 'update')
        .map((r) => [r.field, r.old, r.new]),
    ).toEqual([
      ['floor', '4500.00', '5000.00'],
      ['items[养老保险].rate', '0.16', '0.15'],
    ]);

    const w = store.referenceWages.create({ name: '上年度平均工资', amount: '120000.00', effectiveFrom: '2026-01-01' });
    store.referenceWages.update(w.id, { name: '上年度平均工资', amount: '121000.00', effectiveFrom: '2026-01-01' }, w.revision);
    const wageRow = store.history.list({ kind: 'referenceWage', id: w.id })[0]!;
    expect(changeLine(wageRow, 'zh')).toBe('金额: 120000.00 → 121000.00');
    expect(wageRow.objectName).toBe('上年度平均工资（2026-01-01 起）');

    const g = store.guides.create(workedGuide);
    const before = store.history.list().length;
    store.guides.update(g.id, { name: workedGuide.name, issuer: workedGuide.issuer, region: workedGuide.region }, g.revision); // the same header
    expect(store.history.list()).toHaveLength(before);
    store.guides.update(g.id, { name: '示例市社工薪酬指导价（修订）', issuer: workedGuide.issuer, region: workedGuide.region }, 2);
    expect(changeLine(store.history.list({ kind: 'guide', id: g.id })[0]!, 'zh')).toBe('名称: 示例市社工薪酬指导价 → 示例市社工薪酬指导价（修订）');
    store.close();
  });

  it('a number saved in a shorter form is not a change: ×0.80 saved as ×0.8 records nothing, ×0.82 does', () => {
    const store = open();
    const coefficient = (c: string) => ({ ...version2026, referenceWage: '上年度平均工资', cells: [{ post: '正职', grade: '11级', step: 1, coefficient: c }] });
    const g = store.guides.create({ ...workedGuide, versions: [coefficient('0.80')] });
    const v = g.versions[0]!;
    store.guides.updateVersion(v.id, coefficient('0.8'), v.revision);
    store.guides.updateVersion(v.id, coefficient('0.82'), v.revision + 1);
    const updates = store.history.list({ kind: 'guideVersion', id: v.id }).filter((r) => r.action === 'update');
    expect(updates.map((r) => changeLine(r, 'zh'))).toEqual(['单元格 正职/11级/1档: ×0.8 → ×0.82']);
    store.close();
  });

  it('the user is the operating-system user when the app names none', () => {
    const store = PaybenchStore.open(tempDbFile(), { seed: false });
    store.referenceWages.create({ name: '上年度平均工资', amount: '120000.00', effectiveFrom: '2026-01-01' });
    expect(store.history.list()[0]!.user).toBe(os.userInfo().username);
    store.close();
  });
});

describe('one transaction', () => {
  it('a change rolled back leaves no history, and a refused save records none', () => {
    const store = open();
    const g = store.guides.create(workedGuide);
    const v = g.versions[0]!;
    const rows = () => store.history.list().length;
    const before = rows();
    // the save and its history go together: a failure after the save, in the same transaction, undoes both
    expect(() =>
      writeTransaction(store.db, () => {
        store.guides.updateVersion(v.id, { ...version2026, cells: cells(['一线社工', '社工师', '6800.00']) }, v.revision);
        throw new Error('断电');
      }),
    ).toThrow('断电');
    expect(store.guides.getVersion(v.id).cells[0]!.amount).toBe('6500.00');
    expect(rows()).toBe(before);
    // a stale save (CONFLICT) writes nothing either
    store.guides.updateVersion(v.id, { ...version2026, cells: cells(['一线社工', '社工师', '6700.00']) }, 1);
    expect(() => store.guides.updateVersion(v.id, { ...version2026, cells: cells(['一线社工', '社工师', '6600.00']) }, 1)).toThrow(/另一个窗口/);
    expect(rows()).toBe(before + 1);
    store.close();
  });
});

describe('reading it back', () => {
  it('a guide’s history includes its versions; dates filter whole days; the newest first', () => {
    const store = open();
    const g = store.guides.create(workedGuide);
    const other = store.guides.create({ ...workedGuide, name: '另一个指导价' });
    store.guides.addVersion(g.id, { label: '2027 版', effectiveFrom: '2027-01-01', cells: cells(['一线社工', '社工师', '6700.00']) });
    const mine = store.history.list({ kind: 'guide', id: g.id });
    expect(mine.map((r) => `${r.action} ${r.objectName}`)).toEqual([
      'create 示例市社工薪酬指导价 · 2027 版',
      'create 示例市社工薪酬指导价 · 2026 版',
      'create 示例市社工薪酬指导价',
    ]);
    expect(mine.every((r) => r.guideId === g.id)).toBe(true);
    expect(store.history.list({ kind: 'guide', id: other.id })).toHaveLength(2);
    const today = mine[0]!.at.slice(0, 10);
    expect(store.history.list({ from: today, to: today })).toHaveLength(5);
    expect(store.history.list({ to: '2000-01-01' })).toEqual([]);
    store.close();
  });

  it('exported as a workbook: one row per change, 原值 → 新值 in words, A4 with the header repeated', async () => {
    const store = open('li.ming');
    const c = store.contributionSets.create(workedContributions);
    store.contributionSets.update(c.id, { ...workedContributions, floor: '5000.00' }, c.revision);
    const entries = store.history.list({ kind: 'contributionSet', id: c.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await historyWorkbookBuffer('社保公积金参数“示例市 2026 社保公积金参数”的变更记录', entries)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(HISTORY_SHEET)!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '时间', '用户', '对象类型', '对象', '操作', '字段', '原值', '新值']);
    // newest first: the update, then the creation
    expect((ws.getRow(3).values as unknown[]).slice(3)).toEqual([
      'li.ming',
      '社保公积金参数',
      '示例市 2026 社保公积金参数',
      '修改',
      '缴费基数下限',
      '4500.00',
      '5000.00',
    ]);
    expect((ws.getRow(4).values as unknown[]).slice(6)).toEqual(['新建', '—', '—', '—']);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: '2:2', fitToWidth: 1 });
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    store.close();
  });
});
