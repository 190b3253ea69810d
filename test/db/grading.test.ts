import { describe, expect, it } from 'vitest';
import { StaleRevisionError, StoreError } from '../../db/errors';
import { SAMPLE_GRADING_KEY, sampleGradingScheme } from '../../db/sampleData';
import { PaybenchStore } from '../../db/store';
import { addGradingVersion, deleteGradingVersion, gradingSchemeView, saveGradingVersion } from '../../src/app/services/grading';
import { importRosterFile, workerGrading } from '../../src/app/services/roster';
import { newGradingVersion } from '../../src/core/roster/gradingScheme';
import { ValidationError } from '../../src/core/spec/fields';
import { tempDbFile } from './tempDb';

const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
// no 岗位等级 written: graded from the starting-level table; 助理社会工作师 with 大专 → the sample's rule 4, level 2
const ROSTER = new TextEncoder().encode(
  `${HEADER}\n李四,男,1990-01-01,,大专,社区,无,助理社会工作师,2020-06-20,一般工作人员,,1,2019-03-01,5,和平社区,和平街道,示例区,,否`,
);

/** a new store with the sample grading scheme stored, as a seeded store has it */
function withSampleScheme(): PaybenchStore {
  const store = PaybenchStore.open(tempDbFile(), { seed: false });
  store.grading.create(sampleGradingScheme, { sample: true });
  return store;
}

describe('定级晋升参数 edited as dated versions, in a real SQLite file', () => {
  it('新建生效版本 copies the version in force; a starting level changed in it moves the worker from its date only', async () => {
    const store = withSampleScheme();
    try {
      await importRosterFile(store, 'r.csv', ROSTER);
      const view = gradingSchemeView(store, null, '2026-06-01', '2026-06-01');
      expect(view.scheme.key).toBe(SAMPLE_GRADING_KEY);
      expect(view.versions).toEqual([expect.objectContaining({ effectiveFrom: '2024-01-01', inForce: true, editable: false })]);

      const draft = newGradingVersion(view.scheme, '2027-01-01');
      // rule 4 (助理社会工作师 → level 2) raised to level 5
      expect(draft.startingLevels[3]).toMatchObject({ certificate: '助理社会工作师', level: 2 });
      draft.startingLevels[3]!.level = 5;
      draft.source = '2027 年调整';
      const saved = addGradingVersion(store, { key: view.scheme.key, effectiveFrom: '2027-01-01', version: draft, revision: view.scheme.revision });
      expect(saved.revision).toBe(view.scheme.revision + 1);
      expect(saved.versions.map((v) => v.effectiveFrom)).toEqual(['2024-01-01', '2027-01-01']);

      const id = store.roster.list({}, { offset: 0, limit: 1 }).workers[0]!.id;
      const grade = (fromYear: number) => workerGrading(store, { id, fromYear, years: 1, changes: [], scheme: null }).years[0]!;
      expect(grade(2026).level).toBe(2);
      expect(grade(2027).level).toBe(5);
      expect(grade(2027).reasons[0]).toBe('起点定级第 4 条（持助理社会工作师及以上）：5 级');

      // the history: the scheme's creation, then the new version as one row
      const rows = store.history.list({ kind: 'gradingScheme', id: store.grading.rowId(SAMPLE_GRADING_KEY) });
      expect(rows.map((r) => [r.action, r.field, r.old, r.new])).toEqual([
        ['update', 'versions[2027-01-01]', null, '自 2027-01-01 起（2027 年调整）'],
        ['create', '', null, null],
      ]);
    } finally {
      store.close();
    }
  });

  it('a version in force is refused (LOCKED) and nothing is written; a draft version may be saved or removed', () => {
    const store = withSampleScheme();
    try {
      const s = store.grading.get(SAMPLE_GRADING_KEY);
      const edited = { ...s.versions[0]!, yearsPerLevel: 2 };
      expect(() => saveGradingVersion(store, { key: s.key, effectiveFrom: '2024-01-01', version: edited, revision: s.revision })).toThrow(StoreError);
      try {
        saveGradingVersion(store, { key: s.key, effectiveFrom: '2024-01-01', version: edited, revision: s.revision });
      } catch (e) {
        expect((e as StoreError).code).toBe('LOCKED');
        expect((e as StoreError).message).toContain('自 2024-01-01 起的版本已经生效');
      }
      expect(store.grading.get(s.key)).toEqual(s);
      // refused: no history row beyond the scheme's creation
      expect(store.history.list({ kind: 'gradingScheme' }).map((r) => r.action)).toEqual(['create']);

      // a draft two years ahead: saved with a change, then removed; each save one revision
      const far = `${new Date().getFullYear() + 2}-01-01`;
      const added = addGradingVersion(store, { key: s.key, effectiveFrom: far, version: null, revision: s.revision });
      const draft = { ...added.versions.find((v) => v.effectiveFrom === far)!, yearsPerLevel: 2 };
      const saved = saveGradingVersion(store, { key: s.key, effectiveFrom: far, version: draft, revision: added.revision });
      expect(saved.versions.find((v) => v.effectiveFrom === far)!.yearsPerLevel).toBe(2);
      // one changed value, one history row: 年功 3 → 2 in the draft
      expect(store.history.list({ kind: 'gradingScheme', limit: 1 }).map((r) => [r.field, r.old, r.new])).toEqual([
        [`versions[${far}].yearsPerLevel`, '3', '2'],
      ]);
      // saved against the old revision: refused, nothing written
      expect(() => saveGradingVersion(store, { key: s.key, effectiveFrom: far, version: draft, revision: added.revision })).toThrow(StaleRevisionError);
      const removed = deleteGradingVersion(store, { key: s.key, effectiveFrom: far, revision: saved.revision });
      expect(removed.versions.map((v) => v.effectiveFrom)).toEqual(['2024-01-01']);
      expect(() => deleteGradingVersion(store, { key: s.key, effectiveFrom: '2024-01-01', revision: removed.revision })).toThrow(ValidationError);
    } finally {
      store.close();
    }
  });

  it('a bad table is refused with each field named and nothing stored; a date already used is a conflict', () => {
    const store = withSampleScheme();
    try {
      const s = store.grading.get(SAMPLE_GRADING_KEY);
      const bad = { ...newGradingVersion(s, '2030-01-01'), startingLevels: [{ certificate: null, educations: [], minYears: 0, postType: null, level: 19 }] };
      try {
        addGradingVersion(store, { key: s.key, effectiveFrom: '2030-01-01', version: bad, revision: s.revision });
        expect.unreachable();
      } catch (e) {
        expect((e as ValidationError).problems).toEqual([{ path: 'version.startingLevels[0].level', message: expect.stringContaining('1 到 18') }]);
      }
      expect(store.grading.get(s.key).revision).toBe(s.revision);
      expect(() => addGradingVersion(store, { key: s.key, effectiveFrom: '2024-01-01', version: null, revision: s.revision })).toThrow(
        /已有自 2024-01-01 起的版本/,
      );
    } finally {
      store.close();
    }
  });

  it('a store without a stored scheme (a file from before grading was stored) gets the sample stored with the new version', () => {
    const store = PaybenchStore.open(tempDbFile(), { seed: false });
    try {
      const view = gradingSchemeView(store, null, '2026-06-01', '2026-06-01');
      expect(view.scheme).toMatchObject({ stored: false, revision: 0, key: SAMPLE_GRADING_KEY });
      const saved = addGradingVersion(store, { key: SAMPLE_GRADING_KEY, effectiveFrom: '2031-01-01', version: null, revision: 0 });
      expect(saved.versions.map((v) => v.effectiveFrom)).toEqual(['2024-01-01', '2031-01-01']);
      expect(store.grading.list()).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
