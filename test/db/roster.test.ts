import { describe, expect, it } from 'vitest';
import { StaleRevisionError } from '../../db/errors';
import { PaybenchStore } from '../../db/store';
import { RosterImportError } from '../../src/core/roster/importRows';
import { importRosterFile, listRoster, updateWorker } from '../../src/app/services/roster';
import { sampleRoster } from '../../db/sampleData';
import { workerSchema } from '../../src/core/roster/schema';
import { rosterStats } from '../../src/core/roster/stats';
import { tempDbFile } from './tempDb';

const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join('\n'));

const GOOD = csv(
  '王一,女,1990-05-01,11010519491231002X,大学本科,社区,中级,社会工作师,2018-06-20,专职,10级,3,2015-07-01,9,和平社区,和平街道,朝阳区,2024:优秀;2025:优秀,是',
  '王二,男,1985-01-10,,大专,养老,无,助理社会工作师,,专职,11级,1,2019-03-01,5,幸福社区,和平街道,朝阳区,,否',
  '王三,男,1975-11-30,,高中,社区,无,无,,兼职,,,2010-01-01,15,东坝社区,东坝乡,朝阳区,,',
);

describe('花名册 in a real SQLite file', () => {
  it('an import replaces the roster; the grid filters by place and certificate and masks 身份证号', async () => {
    const file = tempDbFile();
    const store = PaybenchStore.open(file, { seed: false });
    try {
      expect(await importRosterFile(store, 'r.csv', GOOD)).toEqual({ imported: 3, ignoredColumns: [] });
      const all = listRoster(store, {}, { offset: 0, limit: 10 });
      expect(all.total).toBe(3);
      expect(all.workers.map((w) => w.name)).toEqual(['王一', '王二', '王三']);
      expect(all.workers[0]).toMatchObject({
        idNumber: '110***********002X',
        hasIdNumber: true,
        ratings: [
          { year: 2024, rating: '优秀' },
          { year: 2025, rating: '优秀' },
        ],
        partyPost: true,
      });
      expect(all.choices.streets).toEqual(['东坝乡', '和平街道']);
      expect(listRoster(store, { street: '和平街道', certificate: '助理社会工作师' }, { offset: 0, limit: 10 }).workers.map((w) => w.name)).toEqual(['王二']);
      expect(listRoster(store, { postType: '兼职' }, { offset: 0, limit: 10 }).total).toBe(1);
      // a second import replaces the first whole
      await importRosterFile(store, 'r.csv', csv('赵四,,,,,,,,,,,,,,,,,,'));
      expect(store.roster.count()).toBe(1);
    } finally {
      store.close();
    }
  });

  it('a bad file writes nothing: the stored roster stays as it was, even reopened', async () => {
    const file = tempDbFile();
    let store = PaybenchStore.open(file, { seed: false });
    await importRosterFile(store, 'r.csv', GOOD);
    // 2 good rows, then 学历 “本科” (not a listed value) on sheet row 4
    const bad = csv('李一,,,,大学本科,,,,,,,,,,,,,,', '李二,,,,大专,,,,,,,,,,,,,,', '李三,,,,本科,,,,,,,,,,,,,,');
    await expect(importRosterFile(store, 'r.csv', bad)).rejects.toThrow(RosterImportError);
    store.close();
    store = PaybenchStore.open(file, { seed: false });
    try {
      expect(store.roster.all().map((w) => w.name)).toEqual(['王一', '王二', '王三']);
    } finally {
      store.close();
    }
  });

  it('an edit is saved against its revision; the masked 身份证号 sent back keeps the stored one; a stale edit writes nothing', async () => {
    const store = PaybenchStore.open(tempDbFile(), { seed: false });
    try {
      await importRosterFile(store, 'r.csv', GOOD);
      const [first] = listRoster(store, {}, { offset: 0, limit: 1 }).workers;
      const { id, seq: _seq, revision, hasIdNumber: _h, ...worker } = first!;
      const saved = updateWorker(store, id, { ...worker, certificate: '高级社会工作师' }, revision);
      expect(saved).toMatchObject({ certificate: '高级社会工作师', revision: revision + 1, idNumber: '110***********002X' });
      expect(store.roster.get(id).idNumber).toBe('11010519491231002X');
      // the form that loaded revision 1 saves again: refused, nothing written
      expect(() => updateWorker(store, id, { ...worker, name: '改名' }, revision)).toThrow(StaleRevisionError);
      expect(store.roster.get(id).name).toBe('王一');
      // a value outside its list is refused by field
      expect(() => updateWorker(store, id, { ...worker, education: '本科' as never }, revision + 1)).toThrow(/学历/);
    } finally {
      store.close();
    }
  });
});

describe('the sample roster', () => {
  it('30 invented workers, each valid as the API takes a worker, stored whole', () => {
    const workers = sampleRoster();
    expect(workers).toHaveLength(30);
    for (const w of workers) expect(workerSchema.safeParse(w).success, w.name).toBe(true);
    // certificates in the table: 社会工作师 6 (rows 1, 8, 11, 16, 21, 23), 高级 2 (6, 25), 助理 9 → 17 of 30 = 0.56666… → 0.5667
    expect(rosterStats(workers, '2026-01-01').certRate).toBe('0.5667');
    const store = PaybenchStore.open(tempDbFile(), { seed: false });
    try {
      expect(store.roster.replaceAll(workers)).toBe(30);
      expect(store.roster.all().map(({ id: _i, seq: _s, revision: _r, ...w }) => w)).toEqual(workers);
    } finally {
      store.close();
    }
  });
});
