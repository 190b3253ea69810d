import { describe, expect, it } from 'vitest';
import type { AreaPlanInput } from '../../db/repos/areaPlans';
import { StaleRevisionError, StoreError } from '../../db/errors';
import { SAMPLE_AREA_PLAN } from '../../db/sampleData';
import { PaybenchStore } from '../../db/store';
import { THREE_POSTS_MIX } from '../../src/core/plan/mixPresets';
import { ValidationError } from '../../src/core/spec/fields';
import { tempDbFile } from './tempDb';

/**
 * Area plans as saved objects, in a real SQLite file: a plan is saved with its community list and
 * the planner's boxes as typed, read back whole, renamed, copied and deleted; a save based on an
 * older revision (another window saved first) is refused and writes nothing.
 */
const twoCommunities = [
  {
    row: 2,
    name: '长春路社区',
    district: '朝阳区',
    street: '南湖街道',
    households: 2400,
    residents: 6500,
    elderlyShare: '0.21',
    urbanRural: 'urban' as const,
    currentStaff: 9,
    certifiedStaff: 6,
  },
  {
    row: 3,
    name: '新民社区',
    district: '朝阳区',
    street: '南湖街道',
    households: 4100,
    residents: null,
    elderlyShare: null,
    urbanRural: 'rural' as const,
    currentStaff: 13,
    certifiedStaff: 10,
  },
];

function plan(name: string): AreaPlanInput {
  return {
    name,
    fileName: '社区名单.csv',
    communities: twoCommunities,
    choices: {
      title: '',
      ruleKey: 'jilin',
      point: 'max',
      // a half-typed date and percentage are kept as typed: no edit is lost
      date: '2026-0',
      guideId: null,
      contributionSetId: null,
      years: 5,
      adjustmentPercent: '3.',
      stepsPerYear: 0,
      start: null,
      addPerYear: 50,
      capToQuota: true,
    },
    mix: null,
  };
}

function open(seed = false) {
  return PaybenchStore.open(tempDbFile(), { seed });
}

describe('area plans in the store', () => {
  it('saves a plan and reads it back as it was given, communities in their order, at revision 1', () => {
    const store = open();
    const saved = store.areaPlans.create(plan('南湖片区规划'));
    const read = store.areaPlans.get(saved.id);
    expect(read.revision).toBe(1);
    expect(read.communities).toEqual(twoCommunities);
    expect(read.choices.date).toBe('2026-0');
    expect(read.choices.adjustmentPercent).toBe('3.');
    expect(read.choices.point).toBe('max');
    expect(store.areaPlans.list()).toMatchObject([{ id: saved.id, name: '南湖片区规划', communities: 2, sample: false, revision: 1 }]);
    store.close();
  });

  it('an update without communities keeps the stored list; with them replaces it; each save is one more revision', () => {
    const store = open();
    const p = store.areaPlans.create(plan('规划甲'));
    const { communities: _c, ...rest } = plan('规划甲');
    const second = store.areaPlans.update(p.id, { ...rest, choices: { ...rest.choices, point: 'min' } }, 1);
    expect([second.revision, second.choices.point, second.communities.length]).toEqual([2, 'min', 2]);
    const third = store.areaPlans.update(p.id, { ...plan('规划甲'), communities: [twoCommunities[1]!] }, 2);
    expect([third.revision, third.communities.map((c) => c.name)]).toEqual([3, ['新民社区']]);
    store.close();
  });

  it('two windows: A saves (revision 2); B, still at revision 1, is refused with CONFLICT and A’s save stays', () => {
    const file = tempDbFile();
    const a = PaybenchStore.open(file, { seed: false });
    const p = a.areaPlans.create(plan('规划乙'));
    const b = PaybenchStore.open(file, { seed: false });
    a.areaPlans.update(p.id, { ...plan('规划乙'), choices: { ...plan('规划乙').choices, point: 'min' } }, 1);
    let refused: unknown;
    try {
      b.areaPlans.update(p.id, { ...plan('规划乙'), choices: { ...plan('规划乙').choices, point: 'max' } }, 1);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(StaleRevisionError);
    expect((refused as StaleRevisionError).code).toBe('CONFLICT');
    expect([(refused as StaleRevisionError).basedOn, (refused as StaleRevisionError).current]).toEqual([1, 2]);
    // a rename based on the old revision is refused alike
    expect(() => b.areaPlans.rename(p.id, '规划丙', 1)).toThrow(StaleRevisionError);
    const stored = b.areaPlans.get(p.id);
    expect([stored.name, stored.choices.point, stored.revision]).toEqual(['规划乙', 'min', 2]);
    a.close();
    b.close();
  });

  it('renames, refuses a name another plan has, copies (the copy is never 示例) and deletes with its communities', () => {
    const store = open();
    const p = store.areaPlans.create({ ...plan('规划一'), sample: true });
    store.areaPlans.create(plan('规划二'));
    const renamed = store.areaPlans.rename(p.id, '  南关区规划 ', 1);
    expect([renamed.name, renamed.revision]).toEqual(['南关区规划', 2]);
    expect(() => store.areaPlans.rename(p.id, '规划二', 2)).toThrow(StoreError);

    const copy = store.areaPlans.duplicate(p.id, '南关区规划（副本）');
    expect([copy.name, copy.sample, copy.revision, copy.communities]).toEqual(['南关区规划（副本）', false, 1, twoCommunities]);

    store.areaPlans.delete(p.id);
    expect(() => store.areaPlans.get(p.id)).toThrow(StoreError);
    const left = store.db.prepare('SELECT COUNT(*) AS n FROM area_plan_communities WHERE plan_id = ?').get(p.id) as { n: number };
    expect(left.n).toBe(0);
    expect(
      store.areaPlans
        .list()
        .map((x) => x.name)
        .sort(),
    ).toEqual(['南关区规划（副本）', '规划二'].sort());
    store.close();
  });

  it('refuses a community out of range, naming its row and field, and writes nothing', () => {
    const store = open();
    const bad = { ...plan('坏规划'), communities: [{ ...twoCommunities[0]!, households: -1 }] };
    let error: unknown;
    try {
      store.areaPlans.create(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems[0]!.path).toBe('communities[0].households');
    expect(store.areaPlans.list()).toEqual([]);
    store.close();
  });

  it('a new database opens with the sample plan: three communities, priced with the sample guide', () => {
    const store = open(true);
    const [sample] = store.areaPlans.list();
    expect(sample).toMatchObject({ name: SAMPLE_AREA_PLAN, communities: 3, sample: true });
    const stored = store.areaPlans.get(sample!.id);
    expect(stored.choices.guideId).not.toBeNull();
    // the 三岗 preset's lines as shipped, its shares in percent as the editor shows them: 两委 0.3 → "30"
    expect(stored.mix?.lines.map((l) => l.label)).toEqual(THREE_POSTS_MIX.lines.map((l) => l.label));
    expect(stored.mix?.lines.find((l) => l.label === '两委')?.sharePercent).toBe('30');
    store.close();
  });
});
