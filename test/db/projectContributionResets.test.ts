import { describe, expect, it } from 'vitest';
import { StoreError } from '../../db/errors';
import { PaybenchStore } from '../../db/store';
import { budgetOfProject, projectSpec } from '../../src/app/services/budget';
import { pinnedRefs } from '../../src/app/services/pinnedRefs';
import { submitProject, withdrawProject } from '../../src/app/services/submission';
import type { StaffLineJson } from '../../src/core/budget/resultJson';
import { ValidationError } from '../../src/core/spec/fields';
import { tempDbFile } from './tempDb';
import { workedContributions, workedGuide } from './workedExample';

/**
 * A stored project whose contributions change within its period (期间内调整, docs/design.md §Budget spec, "Stored
 * projects"): a 2027 project on the 示例市 set of 2026-07 and the July 2027 base reset, saved with the project,
 * priced in two segments, pinned when submitted, and locking the later set. On real SQLite files.
 */
const open = () => PaybenchStore.open(tempDbFile(), { seed: false, user: 'tester' });

/** The July 2027 reset: the floor rises to 7,000.00 and the housing fund to 7 %; same items and levies. */
const july2027 = {
  ...workedContributions,
  name: '示例市 2027 年 7 月起社保公积金参数',
  effectiveFrom: '2027-07-01',
  floor: '7000.00',
  ceiling: '30000.00',
  items: [
    { name: '养老保险', rate: '0.16' },
    { name: '住房公积金', rate: '0.07', round: 'yuan' as const },
  ],
};

const project2027 = (guideId: number, contributionSetId: number, laterContributionSetIds: number[]) => ({
  name: '示例街道社工站 2027 年度项目',
  periodStart: '2027-01',
  periodMonths: 12,
  guideId,
  contributionSetId,
  laterContributionSetIds,
  staff: [{ post: '一线社工', grade: '社工师', step: 1, qualification: '社工师', count: 2, months: 12, bonusMonths: 1 }],
  costs: [],
  managementRate: '0',
  tax: { method: 'simple' as const, rate: '0' },
});

function setup() {
  const store = open();
  const guide = store.guides.create(workedGuide); // 2026 版 in force from 2026-01-01: all of 2027
  const first = store.contributionSets.create(workedContributions); // from 2025-07-01: floor 4,500, 养老 16 %, 公积金 5 %
  const reset = store.contributionSets.create(july2027);
  return { store, guide, first, reset };
}

function refusal(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('a stored project with a July base reset', () => {
  it('is priced in two half-years, each by hand', () => {
    const { store, guide, first, reset } = setup();
    const p = store.projects.create(project2027(guide.id, first.id, [reset.id]));
    expect(store.projects.get(p.id).laterContributionSetIds).toEqual([reset.id]);

    // the spec: v2 with the two dated sets, each at its own effective date (the first is in force from before the period)
    const spec = projectSpec(store, p.id);
    expect(spec.version).toBe(2);
    expect(Array.isArray(spec.contributions) && spec.contributions.map((c) => [c.effective, c.name])).toEqual([
      ['2025-07-01', workedContributions.name],
      ['2027-07-01', july2027.name],
    ]);

    /*
     * monthly = 6,500.00 + 300.00 = 6,800.00, 2 people.
     * January–June (6 months, first set: base clamp(6,800, 4,500, 28,000) = 6,800.00):
     *   gross         = 6,800.00 × 2 × 6                                 = 81,600.00
     *   per month     = round(6,800 × 0.16) + round_yuan(6,800 × 0.05)   = 1,088.00 + 340.00 = 1,428.00
     *   contributions = 1,428.00 × 2 × 6                                 = 17,136.00
     *   levies        = round(81,600.00 × 0.02)                          = 1,632.00
     *   labour        = 81,600.00 + 17,136.00 + 1,632.00                 = 100,368.00
     * July–December (6 months + the bonus month, the reset: base clamp(6,800, 7,000, 30,000) = 7,000.00):
     *   gross         = 6,800.00 × 2 × (6 + 1)                           = 95,200.00
     *   per month     = round(7,000 × 0.16) + round_yuan(7,000 × 0.07)   = 1,120.00 + 490.00 = 1,610.00
     *   contributions = 1,610.00 × 2 × 6                                 = 19,320.00
     *   levies        = round(95,200.00 × 0.02)                          = 1,904.00
     *   labour        = 95,200.00 + 19,320.00 + 1,904.00                 = 116,424.00
     * labour = 100,368.00 + 116,424.00 = 216,792.00 = total (no other costs, fee or tax)
     */
    const json = budgetOfProject(store, p.id).json;
    const line = json.lines[0] as StaffLineJson;
    expect(
      line.segments!.map((s) => [s.start, s.months, s.bonusMonths, s.contributionsFrom, s.base, s.gross, s.contributions, s.leviesTotal, s.labour]),
    ).toEqual([
      ['2027-01', '6', '0', '2025-07-01', '6800.00', '81600.00', '17136.00', '1632.00', '100368.00'],
      ['2027-07', '6', '1', '2027-07-01', '7000.00', '95200.00', '19320.00', '1904.00', '116424.00'],
    ]);
    expect(line.labour).toBe('216792.00');
    expect(json.years).toEqual({ '2027': '216792.00' });
    expect(json.total).toBe('216792.00');

    // without the reset the whole year is on the first set: 6,800 × 2 × 13 + 1,428 × 2 × 12 + round(176,800 × 0.02)
    // = 176,800.00 + 34,272.00 + 3,536.00 = 214,608.00
    const plain = store.projects.create({ ...project2027(guide.id, first.id, []), name: '不调整的对照项目' });
    expect(budgetOfProject(store, plain.id).json.total).toBe('214608.00');
    store.close();
  });

  it('keeps the later sets through update and duplicate, in the same transaction as the project', () => {
    const { store, guide, first, reset } = setup();
    const p = store.projects.create(project2027(guide.id, first.id, [reset.id]));
    const cleared = store.projects.update(p.id, project2027(guide.id, first.id, []), p.revision);
    expect(cleared.laterContributionSetIds).toEqual([]);
    const again = store.projects.update(p.id, project2027(guide.id, first.id, [reset.id]), cleared.revision);
    expect(store.projects.duplicate(again.id, '副本').laterContributionSetIds).toEqual([reset.id]);
    // a refused update writes nothing: neither the header nor the sets
    const other = store.contributionSets.create({ ...july2027, city: '另一市', name: '另一市参数' });
    expect(() => store.projects.update(p.id, { ...project2027(guide.id, first.id, [other.id]), name: '改名' }, again.revision)).toThrow(ValidationError);
    expect(store.projects.get(p.id)).toMatchObject({ name: '示例街道社工站 2027 年度项目', laterContributionSetIds: [reset.id] });
    store.close();
  });

  it('pins the later set when submitted, and locks it', () => {
    const { store, guide, first, reset } = setup();
    const p = store.projects.create(project2027(guide.id, first.id, [reset.id]));
    submitProject(store, p.id);
    const pinned = pinnedRefs(store, p)!;
    expect(pinned.laterContributionSets!.map((s) => [s.id, s.name, s.floor])).toEqual([[reset.id, july2027.name, '7000.00']]);
    expect(budgetOfProject(store, p.id).json.total).toBe('216792.00');

    // the later set is locked while a project takes it over (submitted or not): not edited in place, not deleted
    for (const step of ['submitted', 'withdrawn'] as const) {
      if (step === 'withdrawn') withdrawProject(store, p.id);
      const current = store.contributionSets.get(reset.id);
      expect(store.contributionSets.lock(reset.id)?.projects).toEqual(['示例街道社工站 2027 年度项目']);
      const e = (() => {
        try {
          store.contributionSets.update(reset.id, { ...july2027, floor: '7100.00' }, current.revision);
        } catch (err) {
          return err;
        }
        return null;
      })();
      expect(e).toBeInstanceOf(StoreError);
      expect((e as StoreError).code).toBe('LOCKED');
      expect(() => store.contributionSets.delete(reset.id)).toThrow(/正被项目使用（示例街道社工站 2027 年度项目）/);
      expect(store.contributionSets.locks().get(reset.id)?.projects).toEqual(['示例街道社工站 2027 年度项目']);
    }
    expect(store.contributionSets.get(reset.id).floor).toBe('7000.00');
    store.close();
  });
});

describe('a later set that does not fit is refused, naming the field', () => {
  it('of another city, effective before the first set, after the period, or before the period’s second month', () => {
    const { store, guide, first } = setup();
    const cases: [string, Parameters<typeof store.contributionSets.create>[0], RegExp][] = [
      [
        'another city',
        { ...july2027, city: '另一市', name: '另一市 2027 参数' },
        /城市为“另一市”，与所选缴费参数“示例市 2026 社保公积金参数”的城市“示例市”不同/,
      ],
      [
        'before the first set',
        { ...july2027, name: '示例市 2025 年初参数', effectiveFrom: '2025-01-01' },
        /生效日期 2025-01-01 不晚于所选缴费参数的生效日期 2025-07-01/,
      ],
      ['after the period', { ...july2027, name: '示例市 2028 参数', effectiveFrom: '2028-01-01' }, /生效日期 2028-01-01 在服务期末月 2027-12 的 1 日之后/],
      ['at the period start', { ...july2027, name: '示例市 2027 年初参数', effectiveFrom: '2027-01-01' }, /不晚于服务期首月 2027-01/],
      [
        'other items',
        { ...july2027, name: '示例市 2027 少一项', items: [{ name: '养老保险', rate: '0.16' }] },
        /缴费项目（养老保险）与所选缴费参数（养老保险、住房公积金）不同/,
      ],
    ];
    for (const [what, set, message] of cases) {
      const bad = store.contributionSets.create(set);
      const e = refusal(() => store.projects.create({ ...project2027(guide.id, first.id, [bad.id]), name: `项目（${what}）` }));
      expect(e.problems, what).toEqual([{ path: 'laterContributionSetIds[0]', message: expect.stringMatching(message) as string }]);
      expect(e.problems[0]!.message).toContain(`期间内调整第 1 组“${set.name}”`);
      expect(store.projects.findByName(`项目（${what}）`), what).toBeNull();
    }
    // a set that does not exist, or the first set again
    expect(refusal(() => store.projects.create(project2027(guide.id, first.id, [9999]))).problems[0]).toMatchObject({
      path: 'laterContributionSetIds[0]',
      message: expect.stringContaining('找不到编号为 9999 的社保公积金参数') as string,
    });
    expect(refusal(() => store.projects.create(project2027(guide.id, first.id, [first.id]))).problems[0]!.message).toContain('已选过');
    store.close();
  });
});
