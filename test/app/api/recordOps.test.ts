import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { ApiContext } from '../../../src/app/api/operation';
import { tempDbFile } from '../../db/tempDb';
import { WORKED, workedContributions, workedGuide, workedProject } from '../../db/workedExample';

/** The guide, reference-wage, contribution and project operations, called as the app calls them. */
function context(seed = false): ApiContext {
  return { store: PaybenchStore.open(tempDbFile(), { seed }) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields of the one operation it called, as a worked example
async function ok<T = any>(ctx: ApiContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** what the store holds, read through its repositories as the app reads it */
const guideCount = (ctx: ApiContext) => ctx.store.guides.list().length;
const versionCount = (ctx: ApiContext) => ctx.store.guides.list().reduce((n, g) => n + g.versions.length, 0);
const projectCount = (ctx: ApiContext) => ctx.store.projects.list().length;

describe('guides.* through dispatch', () => {
  it('create, list, get, update, delete', async () => {
    const ctx = context();
    const g = await ok(ctx, 'guides.create', workedGuide);
    const list = await ok(ctx, 'guides.list', {});
    expect(list).toEqual([
      expect.objectContaining({ id: g.id, name: workedGuide.name, projectCount: 0, versions: [expect.objectContaining({ label: '2026 版', cellCount: 1 })] }),
    ]);
    await ok(ctx, 'guides.update', { id: g.id, revision: g.revision, name: '新名称', issuer: '某局', region: '某市', sample: false });
    expect(await ok(ctx, 'guides.get', { id: g.id })).toMatchObject({ name: '新名称', issuer: '某局', sample: false });
    await ok(ctx, 'guides.delete', { id: g.id });
    const gone = await dispatch(ctx, 'guides.get', { id: g.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining(`找不到编号为 ${g.id} 的指导价`) } });
    ctx.store.close();
  });

  it('invalid input is refused with the field path and nothing is written', async () => {
    const ctx = context();
    const bad = { ...workedGuide, versions: [{ ...workedGuide.versions[0]!, cells: [{ post: '一线社工', grade: '社工师', amount: '6500.123' }] }] };
    const r = await dispatch(ctx, 'guides.create', bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.problems[0]!.path).toBe('versions[0].cells[0].amount');
      expect(r.error.message).toContain('最多两位小数');
    }
    expect(guideCount(ctx)).toBe(0);
    expect(versionCount(ctx)).toBe(0);
    ctx.store.close();
  });

  it('guides.adjust saves a new version +3 % to the yuan, and guides.diff shows it cell by cell', async () => {
    const ctx = context();
    const g = await ok(ctx, 'guides.create', workedGuide);
    const from = g.versions[0]!.id;
    // 6,500.00 × 1.03 = 6,695.00 → to the yuan 6,695.00; the 300.00 allowance is not adjusted unless asked
    const adjusted = await ok(ctx, 'guides.adjust', { versionId: from, percent: '3', rounding: 'yuan', label: '2027 版', effectiveFrom: '2027-01-01' });
    expect(adjusted.saved).toBe(true);
    expect(adjusted.version.cells).toEqual([{ post: '一线社工', grade: '社工师', step: 1, amount: '6695.00' }]);
    expect(adjusted.version.allowances[0].amount).toBe('300.00');
    expect((await ok(ctx, 'guides.get', { id: g.id })).versions).toHaveLength(2);

    // a preview writes nothing: 6,500.00 × 1.03 = 6,695 → to ten yuan 6,700.00
    const preview = await ok(ctx, 'guides.adjust', {
      versionId: from,
      percent: '3',
      rounding: 'tenYuan',
      label: '预览',
      effectiveFrom: '2028-01-01',
      save: false,
    });
    expect(preview.version.cells[0].amount).toBe('6700.00');
    expect(versionCount(ctx)).toBe(2);

    const d = await ok(ctx, 'guides.diff', { fromVersionId: from, toVersionId: adjusted.version.id });
    // change 6,695.00 − 6,500.00 = 195.00; 195 / 6,500 = 3.00 %
    expect(d.cells).toEqual([expect.objectContaining({ status: 'changed', before: '6500.00', after: '6695.00', change: '195.00', percent: '3.00' })]);
    ctx.store.close();
  });

  it('guides.adjust refuses a rounding it does not know, in Chinese', async () => {
    const ctx = context();
    const g = await ok(ctx, 'guides.create', workedGuide);
    const r = await dispatch(ctx, 'guides.adjust', { versionId: g.versions[0].id, percent: '3', rounding: 'fen', label: 'x', effectiveFrom: '2027-01-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'rounding', message: expect.stringContaining('到十元') }] } });
    ctx.store.close();
  });
});

describe('projects.*, contributions.* and referenceWages.* through dispatch', () => {
  it('projects.compute gives the docs/design.md worked example exactly; projects.spec is a valid spec v1', async () => {
    const ctx = context();
    const g = await ok(ctx, 'guides.create', workedGuide);
    const c = await ok(ctx, 'contributions.create', workedContributions);
    const p = await ok(ctx, 'projects.save', { project: workedProject(g.id, c.id) });
    const json = await ok(ctx, 'projects.compute', { id: p.id });
    expect(json).toMatchObject(WORKED);
    const spec = await ok(ctx, 'projects.spec', { id: p.id });
    expect(spec.payGuide.rows).toEqual([{ post: '一线社工', grade: '社工师', step: 1, monthly: '6500.00' }]);
    expect(spec.contributions.floor).toBe('4500.00');
    ctx.store.close();
  });

  it('refuses deleting a guide or contribution set in use (CONFLICT), and saving a project with a bad line writes nothing', async () => {
    const ctx = context();
    const g = await ok(ctx, 'guides.create', workedGuide);
    const c = await ok(ctx, 'contributions.create', workedContributions);
    const p = await ok(ctx, 'projects.create', workedProject(g.id, c.id));
    expect(await dispatch(ctx, 'guides.delete', { id: g.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('正被项目使用') },
    });
    expect(await dispatch(ctx, 'contributions.delete', { id: c.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const before = await ok(ctx, 'projects.get', { id: p.id });
    const bad = { ...workedProject(g.id, c.id), staff: [{ post: '一线社工', grade: '社工师', count: 6, months: 0 }] };
    const r = await dispatch(ctx, 'projects.update', { id: p.id, revision: p.revision, project: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'project.staff[0].months' }] } });
    expect(await ok(ctx, 'projects.get', { id: p.id })).toEqual(before);

    // a second project of the same name is a conflict, not a crash
    expect(await dispatch(ctx, 'projects.create', workedProject(g.id, c.id))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已有同名项目') },
    });
    expect(projectCount(ctx)).toBe(1);
    ctx.store.close();
  });

  it('projects.duplicate, projects.delete, contributions.update and referenceWages CRUD', async () => {
    const ctx = context();
    const g = await ok(ctx, 'guides.create', workedGuide);
    const c = await ok(ctx, 'contributions.create', workedContributions);
    const p = await ok(ctx, 'projects.create', workedProject(g.id, c.id));
    const copy = await ok(ctx, 'projects.duplicate', { id: p.id, name: '方案二' });
    expect((await ok(ctx, 'projects.list', {})).map((x: { name: string }) => x.name).sort()).toEqual(['方案二', workedProject(1, 1).name].sort());
    await ok(ctx, 'projects.delete', { id: copy.id });
    expect(await ok(ctx, 'projects.list', {})).toHaveLength(1);
    await ok(ctx, 'projects.delete', { id: p.id }); // a set a project uses is locked (test/db/locks.test.ts): edit it unused

    const changed = await ok(ctx, 'contributions.update', { id: c.id, revision: c.revision, set: { ...workedContributions, floor: '5000.00' } });
    expect(changed.floor).toBe('5000.00');
    const floorAboveCeiling = await dispatch(ctx, 'contributions.update', {
      id: c.id,
      revision: changed.revision,
      set: { ...workedContributions, floor: '30000.00' },
    });
    expect(floorAboveCeiling).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'set.floor' }] } });

    const w = await ok(ctx, 'referenceWages.create', { name: '上年度平均工资', amount: '120000.00', effectiveFrom: '2026-01-01' });
    expect(w).toMatchObject({ per: 'year', amount: '120000.00' });
    await ok(ctx, 'referenceWages.update', { id: w.id, revision: w.revision, name: '上年度平均工资', amount: '121000.00', effectiveFrom: '2026-01-01' });
    expect((await ok(ctx, 'referenceWages.list', {}))[0].amount).toBe('121000.00');
    await ok(ctx, 'referenceWages.delete', { id: w.id });
    expect(await ok(ctx, 'referenceWages.list', {})).toEqual([]);
    ctx.store.close();
  });

  it('the seeded database lists the sample guides, contribution sets and projects', async () => {
    const ctx = context(true);
    expect((await ok(ctx, 'guides.list', {})).length).toBeGreaterThanOrEqual(2);
    expect((await ok(ctx, 'contributions.list', {})).map((c: { city: string }) => c.city)).toEqual(expect.arrayContaining(['北京', '上海']));
    const projects = await ok(ctx, 'projects.list', {});
    for (const p of projects) {
      const json = await ok(ctx, 'projects.compute', { id: p.id });
      expect(json.checks.filter((c: { level: string }) => c.level === 'error')).toEqual([]);
    }
    ctx.store.close();
  });
});
