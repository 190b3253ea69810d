import { describe, expect, it } from 'vitest';
import { StoreError } from '../../db/errors';
import { PaybenchStore } from '../../db/store';
import { tempDbFile } from './tempDb';
import { workedContributions, workedGuide, workedProject } from './workedExample';

/**
 * Locked records (docs/design.md §History and locks), on real SQLite files: a guide version with a
 * 文号, or one a project uses, and a contribution set a project uses, are not edited in place or
 * deleted. The store refuses with LOCKED, says why and what to do instead, and writes nothing —
 * not the record, not its revision, not a line of history.
 */
const open = () => PaybenchStore.open(tempDbFile(), { seed: false, user: 'tester' });

function refused(f: () => unknown): StoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const cell = (amount: string) => [{ post: '一线社工', grade: '社工师', step: 1, amount }];
const historyRows = (store: PaybenchStore) => (store.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;

describe('guide versions', () => {
  it('a version with a 文号 is refused in place (LOCKED), nothing written; deleting it, or its guide, is refused too', () => {
    const store = open();
    const g = store.guides.create({ ...workedGuide, versions: [{ ...workedGuide.versions[0]!, documentNo: '示例民发〔2026〕1号' }] });
    const v = g.versions[0]!;
    store.guides.addVersion(g.id, { label: '2027 版', effectiveFrom: '2027-01-01', cells: cell('6700.00') });
    const before = historyRows(store);

    const e = refused(() =>
      store.guides.updateVersion(v.id, { ...workedGuide.versions[0]!, documentNo: '示例民发〔2026〕1号', cells: cell('6800.00') }, v.revision),
    );
    expect(e.code).toBe('LOCKED');
    expect(e.message).toContain('指导价“示例市社工薪酬指导价”的版本“2026 版”已锁定（有文号 示例民发〔2026〕1号）');
    expect(e.message).toContain('另存为新版本');
    // nothing written: the cell, the revision, the history
    expect(store.guides.getVersion(v.id)).toMatchObject({ revision: 1, cells: [{ amount: '6500.00' }] });
    expect(historyRows(store)).toBe(before);

    expect(refused(() => store.guides.deleteVersion(v.id)).code).toBe('LOCKED');
    expect(refused(() => store.guides.delete(g.id)).message).toMatch(/已锁定（有文号 示例民发〔2026〕1号），不能直接删除/);
    expect(store.guides.get(g.id).versions).toHaveLength(2);
    store.close();
  });

  it('a version a project uses (in force in a month of its period) is locked; one no project uses is free', () => {
    const store = open();
    const g = store.guides.create(workedGuide); // 2026 版 from 2026-01-01, no 文号
    const c = store.contributionSets.create(workedContributions);
    const v2026 = g.versions[0]!;
    const v2027 = store.guides.addVersion(g.id, { label: '2027 版', effectiveFrom: '2027-01-01', cells: cell('6700.00') });

    // unused: edited in place
    store.guides.updateVersion(v2026.id, { ...workedGuide.versions[0]!, notes: '草稿' }, v2026.revision);

    // a project from 2026-01 for 12 months uses 2026 版 (Jan–Dec 2026), not 2027 版
    store.projects.create(workedProject(g.id, c.id));
    const locks = store.guides.locks(g.id);
    expect(locks.get(v2026.id)).toEqual({ documentNo: null, projects: ['某街道家庭综合服务中心 2026 年度服务项目'] });
    expect(locks.has(v2027.id)).toBe(false);
    const e = refused(() => store.guides.updateVersion(v2026.id, workedGuide.versions[0]!, 2));
    expect(e.code).toBe('LOCKED');
    expect(e.message).toContain('被项目 某街道家庭综合服务中心 2026 年度服务项目 使用');
    store.guides.updateVersion(v2027.id, { label: '2027 版', effectiveFrom: '2027-01-01', cells: cell('6750.00') }, v2027.revision);

    // a second project from 2026-07 for 12 months runs Jul 2026 – Jun 2027: it crosses into 2027 版, which is now locked too
    store.projects.create({ ...workedProject(g.id, c.id), name: '跨年项目', periodStart: '2026-07' });
    expect(store.guides.locks(g.id).get(v2027.id)?.projects).toEqual(['跨年项目']);
    // the list says so, for the page's 已锁定 tag
    expect(store.guides.list()[0]!.versions.map((v) => [v.label, v.lock?.projects.length ?? 0])).toEqual([
      ['2026 版', 2],
      ['2027 版', 1],
    ]);
    store.close();
  });

  it('a submitted project keeps its pinned version locked after a newer one takes over; the newer one is free', () => {
    const store = open();
    const g = store.guides.create({ ...workedGuide, versions: [{ ...workedGuide.versions[0]!, label: '2025 版', effectiveFrom: '2025-01-01' }] });
    const c = store.contributionSets.create(workedContributions);
    const p = store.projects.create(workedProject(g.id, c.id));
    const v2025 = g.versions[0]!;
    store.projects.setPin(p.id, 'submit', () => ({ pin: { versionIds: [v2025.id], contributionSetId: c.id, refsJson: '{}' }, changes: [] }));
    const v2026 = store.guides.addVersion(g.id, { label: '2026 版', effectiveFrom: '2026-01-01', cells: cell('6700.00') });

    // 2026 版 is in force at the project's start, but the project is pinned to 2025 版
    expect(store.guides.locks(g.id).get(v2025.id)?.projects).toEqual([p.name]);
    expect(store.guides.locks(g.id).has(v2026.id)).toBe(false);
    expect(refused(() => store.guides.deleteVersion(v2025.id)).code).toBe('LOCKED');
    // and the submitted project itself is not edited or deleted until its submission is withdrawn
    expect(refused(() => store.projects.update(p.id, workedProject(g.id, c.id), p.revision)).message).toMatch(
      /提交，已锁定，不能直接修改；请先“撤回提交”，或复制为新项目/,
    );
    expect(refused(() => store.projects.delete(p.id)).code).toBe('LOCKED');
    store.projects.withdraw(p.id);
    expect(store.projects.update(p.id, { ...workedProject(g.id, c.id), notes: '撤回后修改' }, p.revision).revision).toBe(2);
    store.close();
  });
});

describe('contribution sets', () => {
  it('a set a project uses is refused in place (LOCKED), nothing written; an unused one is saved', () => {
    const store = open();
    const g = store.guides.create(workedGuide);
    const used = store.contributionSets.create(workedContributions);
    const free = store.contributionSets.create({ ...workedContributions, name: '备用参数' });
    store.projects.create(workedProject(g.id, used.id));
    const before = historyRows(store);

    const e = refused(() => store.contributionSets.update(used.id, { ...workedContributions, floor: '5000.00' }, used.revision));
    expect(e.code).toBe('LOCKED');
    expect(e.message).toContain('社保公积金参数“示例市 2026 社保公积金参数”已锁定（被项目 某街道家庭综合服务中心 2026 年度服务项目 使用）');
    expect(store.contributionSets.get(used.id)).toMatchObject({ floor: '4500.00', revision: 1 });
    expect(historyRows(store)).toBe(before);
    expect([...store.contributionSets.locks().keys()]).toEqual([used.id]);

    expect(store.contributionSets.update(free.id, { ...workedContributions, name: '备用参数', floor: '5000.00' }, free.revision).floor).toBe('5000.00');
    store.close();
  });
});
