import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { ApiContext } from '../../../src/app/api/operation';
import { tempDbFile } from '../../db/tempDb';
import { workedContributions, workedGuide, workedProject } from '../../db/workedExample';

/**
 * Two windows, as the API sees them: two contexts (two instances) on one database file. Every save
 * of an edited record names the revision its form loaded; a save based on a revision the store no
 * longer holds is answered CONFLICT with the problem path `revision` — the renderer's cue to offer
 * 重新载入 / 另存为副本 — and writes nothing.
 */
function twoWindows(): [ApiContext, ApiContext] {
  const file = tempDbFile();
  return [{ store: PaybenchStore.open(file, { seed: false }) }, { store: PaybenchStore.open(file, { seed: false }) }];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields of the one operation it called, as a worked example
async function ok<T = any>(ctx: ApiContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('saves carry the revision they were based on', () => {
  it('projects.update: A saves 8 % management (revision 2); B’s save at revision 1 is CONFLICT and A’s 8 % stays', async () => {
    const [a, b] = twoWindows();
    const g = await ok(a, 'guides.create', workedGuide);
    const c = await ok(a, 'contributions.create', workedContributions);
    const p = await ok(a, 'projects.create', { ...workedProject(g.id, c.id), managementRate: '0.05' });
    const inB = await ok(b, 'projects.get', { id: p.id });
    expect([p.revision, inB.revision]).toEqual([1, 1]);

    const savedByA = await ok(a, 'projects.update', { id: p.id, revision: p.revision, project: { ...workedProject(g.id, c.id), managementRate: '0.08' } });
    expect(savedByA.revision).toBe(2);

    const stale = await dispatch(b, 'projects.update', { id: p.id, revision: inB.revision, project: { ...workedProject(g.id, c.id), managementRate: '0.10' } });
    expect(stale).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('已在另一个窗口或另一个 Paybench 实例中被修改'),
        problems: [{ path: 'revision', message: expect.any(String) }],
      },
    });
    if (!stale.ok) expect(stale.error.message).toMatch(/请重新载入查看最新内容，或把你的修改另存为副本/);
    expect(await ok(b, 'projects.get', { id: p.id })).toMatchObject({ managementRate: '0.08', revision: 2 });

    // projects.save with an id is an update: it needs the revision too, and is held to it
    const noRevision = await dispatch(b, 'projects.save', { id: p.id, project: workedProject(g.id, c.id) });
    expect(noRevision).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'revision' }] } });
    expect(await dispatch(b, 'projects.save', { id: p.id, revision: 1, project: workedProject(g.id, c.id) })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await ok(b, 'projects.save', { id: p.id, revision: 2, project: workedProject(g.id, c.id) })).revision).toBe(3);
    a.store.close();
    b.store.close();
  });

  it('an update without its revision is INVALID_INPUT naming the field, before anything is read or written', async () => {
    const [a, b] = twoWindows();
    const c = await ok(a, 'contributions.create', workedContributions);
    const r = await dispatch(a, 'contributions.update', { id: c.id, set: workedContributions });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'revision', message: expect.stringContaining('修订号') }] } });
    a.store.close();
    b.store.close();
  });

  it('guides.updateVersion, contributions.update, guides.update and referenceWages.update refuse a stale revision the same way', async () => {
    const [a, b] = twoWindows();
    const g = await ok(a, 'guides.create', workedGuide);
    const v = g.versions[0];
    const version = (amount: string) => ({ ...workedGuide.versions[0], cells: [{ post: '一线社工', grade: '社工师', step: 1, amount }] });
    await ok(a, 'guides.updateVersion', { versionId: v.id, revision: v.revision, version: version('6700.00') });
    const staleVersion = await dispatch(b, 'guides.updateVersion', { versionId: v.id, revision: v.revision, version: version('6600.00') });
    expect(staleVersion).toMatchObject({ ok: false, error: { code: 'CONFLICT', problems: [{ path: 'revision' }] } });
    expect((await ok(b, 'guides.get', { id: g.id })).versions[0].cells[0].amount).toBe('6700.00');

    const c = await ok(a, 'contributions.create', workedContributions);
    await ok(a, 'contributions.update', { id: c.id, revision: c.revision, set: { ...workedContributions, floor: '5000.00' } });
    expect(await dispatch(b, 'contributions.update', { id: c.id, revision: c.revision, set: workedContributions })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', problems: [{ path: 'revision' }] },
    });

    await ok(a, 'guides.update', { id: g.id, revision: g.revision, name: 'A 改的名字' });
    expect(await dispatch(b, 'guides.update', { id: g.id, revision: g.revision, name: 'B 改的名字' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const w = await ok(a, 'referenceWages.create', { name: '上年度平均工资', amount: '120000.00', effectiveFrom: '2026-01-01' });
    await ok(a, 'referenceWages.update', { id: w.id, revision: w.revision, name: '上年度平均工资', amount: '121000.00', effectiveFrom: '2026-01-01' });
    expect(
      await dispatch(b, 'referenceWages.update', { id: w.id, revision: w.revision, name: '上年度平均工资', amount: '119000.00', effectiveFrom: '2026-01-01' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ok(b, 'referenceWages.list', {}))[0]).toMatchObject({ amount: '121000.00', revision: 2 });

    // a name already taken is a CONFLICT too, but not a stale save: no `revision` problem, so no reload offered
    const other = await ok(a, 'contributions.create', { ...workedContributions, name: '另一套参数' });
    const taken = await dispatch(a, 'contributions.update', { id: other.id, revision: other.revision, set: workedContributions });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', problems: [] } });
    a.store.close();
    b.store.close();
  });
});
