import { afterEach, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';

/** The roster operations as the pages call them, over an in-memory store. */
const stores: PaybenchStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
const open = () => {
  const s = PaybenchStore.open(':memory:', { seed: false });
  stores.push(s);
  return s;
};

const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
const file = (csv: string) => ({ fileName: 'r.csv', base64: Buffer.from(csv, 'utf8').toString('base64') });

describe('roster operations', () => {
  it('preview stores nothing; a bad file answers INVALID_INPUT with row and column; import then stats', async () => {
    const store = open();
    const good = `${HEADER}\n甲,女,1990-05-01,11010519491231002X,大学本科,社区,中级,社会工作师,,,,,,,,,,,`;
    const preview = await dispatch({ store }, 'roster.preview', { file: file(good) });
    expect(preview).toMatchObject({ ok: true, value: { count: 1, workers: [{ name: '甲', idNumber: '110***********002X', hasIdNumber: true }] } });
    expect(store.roster.count()).toBe(0);
    const bad = await dispatch({ store }, 'roster.import', { file: file(`${HEADER}\n乙,,,,本科,,,,,,,,,,,,,,`) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: '第 2 行 学历（E 列）' }] } });
    expect(store.roster.count()).toBe(0);
    expect(await dispatch({ store }, 'roster.import', { file: file(good) })).toMatchObject({ ok: true, value: { imported: 1 } });
    // born 1990-05-01: 36 on 2026-05-01 → 36-45岁; 社会工作师 1 of 1 → certRate 1.0000
    const s = await dispatch({ store }, 'roster.stats', { on: '2026-05-01', demand: { byEducation: { 本科及以上: 4 } } });
    expect(s).toMatchObject({
      ok: true,
      value: { stats: { total: 1, byAge: { '36-45岁': 1 }, certRate: '1.0000' }, gaps: [{ band: '本科及以上', have: 1, need: 4, gap: 3 }] },
    });
    // a band the statistics do not count is refused by name
    // the cohort starts from the roster: 1 worker, 1 certified; 1 hire a year, nobody leaves, 0 × 1 uncertified pass
    const cohort = await dispatch({ store }, 'roster.cohort', {
      on: '2026-05-01',
      projection: { fromYear: 2026, years: 2, hiresPerYear: 1, attritionRate: '0', passRate: '0', target: { start: 1, perYear: 2 } },
    });
    expect(cohort).toMatchObject({
      ok: true,
      value: {
        start: { headcount: 1, certified: 1 },
        years: [
          { headcount: 2, certified: 1, gap: 1 },
          { headcount: 3, certified: 1, gap: 2 },
        ],
      },
    });
    const wrongBand = await dispatch({ store }, 'roster.stats', { on: '2026-05-01', demand: { byAge: { '25岁以下': 84 } } });
    expect(wrongBand).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('checkPublished: the survey’s fields add up to 2,672, its 400 is printed cut off (14.9 for 14.97)', async () => {
    const r = await dispatch({ store: open() }, 'roster.checkPublished', {
      total: 2672,
      parts: [
        { label: '党政人才', count: 400, printedPercent: '14.9' },
        { label: '事业单位人才', count: 729, printedPercent: '27.2' },
        { label: '公司人才', count: 22, printedPercent: '0.8' },
        { label: '民间组织人才', count: 263, printedPercent: '9.8' },
        { label: '社区、群团、离退休人才', count: 1258, printedPercent: '47' },
      ],
    });
    // 400 + 729 + 22 + 263 + 1258 = 2672
    expect(r).toMatchObject({ ok: true, value: { sum: 2672, addsUp: true } });
  });
});
