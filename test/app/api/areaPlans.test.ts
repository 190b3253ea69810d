import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_AREA_PLAN } from '../../../db/sampleData';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import { tempDbFile } from '../../db/tempDb';

/**
 * Saved area plans through the API, over a real SQLite file with the sample data: the list opens
 * with the sample plan; a new plan is created without a name (新区域规划), autosaved without its
 * list (the list stays), renamed, copied, and deleted; a save at an old revision is a CONFLICT on
 * `revision`, as the budget editor's is.
 */
let store: PaybenchStore;
beforeAll(() => {
  store = PaybenchStore.open(tempDbFile());
});
afterAll(() => store.close());

type Plan = { id: number; name: string; revision: number; communities: unknown[]; choices: Record<string, unknown>; sample: boolean };
async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch({ store }, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const choices = {
  title: '',
  ruleKey: 'jilin',
  point: 'mid',
  date: '2026-01-01',
  guideId: null,
  contributionSetId: null,
  years: 5,
  adjustmentPercent: '3',
  stepsPerYear: 0,
  start: null,
  addPerYear: 50,
  capToQuota: true,
};
const community = { row: 2, name: '和平社区', district: '朝阳区', street: '和平街道', households: 4100 };

describe('area plan operations', () => {
  it('plan.list: a new database has the sample plan, whose list runs under plan.run as saved', async () => {
    const list = await call<{ id: number; name: string; communities: number }[]>('plan.list', {});
    expect(list.map((p) => [p.name, p.communities])).toEqual([[SAMPLE_AREA_PLAN, 3]]);
    const sample = await call<Plan & { communities: { households: number }[] }>('plan.get', { id: list[0]!.id });
    // Jilin, mid point: 2,400 → 10–15 → 13; 4,100 → 12–18 → 15; 3,600 → 11–17 → 14; total 42
    const run = await call<{ totals: { chosen: number } }>('plan.run', { rule: { key: 'jilin' }, date: '2026-01-01', communities: sample.communities });
    expect(run.totals.chosen).toBe(13 + 15 + 14);
  });

  it('creates, autosaves without the list, renames, copies and deletes', async () => {
    const created = await call<Plan>('plan.save', { communities: [community], choices, mix: null });
    expect([created.name, created.revision, created.communities.length]).toEqual(['新区域规划', 1, 1]);

    // an autosave of a changed box sends no list: the stored one is kept
    const saved = await call<Plan>('plan.save', { id: created.id, revision: 1, name: created.name, fileName: '', choices: { ...choices, point: 'max' } });
    expect([saved.revision, saved.choices.point, saved.communities.length]).toEqual([2, 'max', 1]);

    const second = await call<Plan>('plan.save', { communities: [], choices, mix: null });
    expect(second.name).toBe('新区域规划 2');

    const renamed = await call<Plan>('plan.rename', { id: created.id, name: '朝阳区规划', revision: 2 });
    expect([renamed.name, renamed.revision]).toEqual(['朝阳区规划', 3]);

    const copy = await call<Plan>('plan.duplicate', { id: created.id });
    const copy2 = await call<Plan>('plan.duplicate', { id: created.id });
    expect([copy.name, copy2.name, copy.communities.length]).toEqual(['朝阳区规划（副本）', '朝阳区规划（副本 2）', 1]);

    await call('plan.delete', { id: copy2.id });
    const missing = await dispatch({ store }, 'plan.get', { id: copy2.id });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('a save at an old revision is a CONFLICT on revision and changes nothing', async () => {
    const p = await call<Plan>('plan.save', { name: '冲突测试', communities: [community], choices, mix: null });
    await call('plan.save', { id: p.id, revision: 1, name: p.name, fileName: '', choices: { ...choices, point: 'min' } });
    const stale = await dispatch({ store }, 'plan.save', { id: p.id, revision: 1, name: p.name, fileName: '', choices: { ...choices, point: 'max' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('CONFLICT');
      expect(stale.error.problems.map((x) => x.path)).toEqual(['revision']);
    }
    expect((await call<Plan>('plan.get', { id: p.id })).choices.point).toBe('min');
  });

  it('names a bad field: a community with negative households, a rule key left empty', async () => {
    const r = await dispatch({ store }, 'plan.save', { communities: [{ ...community, households: -5 }], choices: { ...choices, ruleKey: '' }, mix: null });
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.error.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['communities[0].households', 'choices.ruleKey']));
  });
});
