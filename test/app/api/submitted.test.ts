import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { ApiContext } from '../../../src/app/api/operation';
import { tempDbFile } from '../../db/tempDb';
import { WORKED, workedContributions, workedGuide, workedProject } from '../../db/workedExample';

/**
 * A submitted bid keeps the total it was submitted with (docs/design.md §History and locks). The
 * issue's story — a bid exported at 3,044,118.42 reopened at 3,137,998.30 after the bureau added a
 * guide version — in miniature: the worked example (docs/design.md §Budget arithmetic) is priced on
 * the 2025 version (一线社工/社工师/1 = 6,500.00), submitted, and then the bureau adds a 2026 version
 * at 6,700.00 in force from the project's first month.
 *
 * Submitted, pinned to 2025 版: total 740,212.66 (the worked example, test/db/workedExample.ts).
 * Priced with 2026 版 instead:
 *   monthly       = 6,700.00 + 300.00                        = 7,000.00
 *   gross         = 7,000.00 × 6 × (12 + 1)                  = 546,000.00
 *   养老           = round(7,000.00 × 0.16)                   = 1,120.00
 *   公积金          = round_yuan(7,000.00 × 0.05)              = 350.00
 *   contributions = (1,120.00 + 350.00) × 6 × 12             = 105,840.00
 *   levies        = round(546,000.00 × 0.02)                 = 10,920.00
 *   labour        = 546,000.00 + 105,840.00 + 10,920.00      = 662,760.00   (+18,936.00)
 *   direct        = 662,760.00 + 19,200.00                   = 681,960.00
 *   managementFee = round(681,960.00 × 0.08)                 = 54,556.80    (+1,514.88)
 *   subtotal      = 681,960.00 + 54,556.80                   = 736,516.80
 *   total         = round(736,516.80 × 1.03 / 0.9964) = round(761,353.1754…) = 761,353.18   (+21,140.52)
 *   tax           = 761,353.18 − 736,516.80                  = 24,836.38    (24,146.74 before: +689.64)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields of the one operation it called, as a worked example
async function ok<T = any>(ctx: ApiContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function submittedBid() {
  const ctx: ApiContext = { store: PaybenchStore.open(tempDbFile(), { seed: false, user: 'zhao.li' }) };
  const g = await ok(ctx, 'guides.create', { ...workedGuide, versions: [{ ...workedGuide.versions[0], label: '2025 版', effectiveFrom: '2025-01-01' }] });
  const c = await ok(ctx, 'contributions.create', workedContributions);
  const p = await ok(ctx, 'projects.create', workedProject(g.id, c.id));
  return { ctx, g, c, p };
}

const v2026 = {
  label: '2026 版',
  effectiveFrom: '2026-01-01',
  documentNo: '示例民发〔2026〕3号',
  cells: [{ post: '一线社工', grade: '社工师', step: 1, amount: '6700.00' }],
  allowances: [{ qualification: '社工师', amount: '300.00' }],
};

describe('a submitted project is priced with what it was submitted with', () => {
  it('keeps 740,212.66 after the bureau adds 2026 版; a project not submitted moves to 761,353.18', async () => {
    const { ctx, g, c, p } = await submittedBid();
    expect((await ok(ctx, 'projects.compute', { id: p.id })).total).toBe(WORKED.total);
    const state = await ok(ctx, 'projects.submit', { id: p.id });
    expect(state).toMatchObject({ submitted: true, submittedBy: 'zhao.li', pinnedVersions: [{ label: '2025 版' }], newerInForce: false });

    const draft = await ok(ctx, 'projects.create', { ...workedProject(g.id, c.id), name: '未提交的同一项目' });
    await ok(ctx, 'guides.addVersion', { guideId: g.id, version: v2026 });

    // the submitted bid does not move: not in the editor's compute, not in the spec, not in the list
    expect((await ok(ctx, 'projects.compute', { id: p.id })).total).toBe('740212.66');
    expect((await ok(ctx, 'projects.spec', { id: p.id })).payGuide.name).toBe('示例市社工薪酬指导价（2025 版）');
    const list = await ok(ctx, 'projects.summaries', {});
    expect(list.find((x: { id: number }) => x.id === p.id)).toMatchObject({ total: '740212.66', versionLabel: '2025 版' });
    // the draft follows the version in force
    expect((await ok(ctx, 'projects.compute', { id: draft.id })).total).toBe('761353.18');

    // …and the editor is told: a newer version is in force
    expect(await ok(ctx, 'projects.submission', { id: p.id })).toMatchObject({
      submitted: true,
      pinnedVersions: [{ label: '2025 版' }],
      versionsNow: [{ label: '2026 版' }],
      newerInForce: true,
      contributionSet: { name: workedContributions.name },
      laterContributionSets: [],
    });
    ctx.store.close();
  });

  it('repriceDiff shows the line and the totals old → new; reprice applies exactly that, and history records it', async () => {
    const { ctx, g, p } = await submittedBid();
    await ok(ctx, 'projects.submit', { id: p.id });
    await ok(ctx, 'guides.addVersion', { guideId: g.id, version: v2026 });

    const diff = await ok(ctx, 'projects.repriceDiff', { id: p.id });
    expect(diff.lines).toEqual([
      {
        index: 0,
        post: '一线社工',
        grade: '社工师',
        step: 1,
        count: '6',
        oldMonthly: '6800.00',
        newMonthly: '7000.00',
        oldLabour: '643824.00',
        newLabour: '662760.00',
        difference: '18936.00',
      },
    ]);
    expect(diff.labour).toEqual({ old: '643824.00', new: '662760.00', difference: '18936.00' });
    expect(diff.managementFee).toEqual({ old: '53041.92', new: '54556.80', difference: '1514.88' });
    expect(diff.tax).toEqual({ old: '24146.74', new: '24836.38', difference: '689.64' });
    expect(diff.total).toEqual({ old: '740212.66', new: '761353.18', difference: '21140.52' });

    // never silently: a confirmation of another figure than the one now computed is refused, nothing moves
    const stale = await dispatch(ctx, 'projects.reprice', { id: p.id, expectedTotal: '750000.00' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('没有重新计价') } });
    expect((await ok(ctx, 'projects.compute', { id: p.id })).total).toBe('740212.66');

    const repriced = await ok(ctx, 'projects.reprice', { id: p.id, expectedTotal: diff.total.new });
    expect(repriced).toMatchObject({ submitted: true, pinnedVersions: [{ label: '2026 版' }], newerInForce: false });
    expect((await ok(ctx, 'projects.compute', { id: p.id })).total).toBe('761353.18');

    const history = await ok(ctx, 'history.list', { kind: 'project', id: p.id });
    expect(history.map((r: { action: string; field: string; old: string | null; new: string | null }) => [r.action, r.field, r.old, r.new])).toEqual([
      ['reprice', 'guideVersion', '2025 版', '2026 版'],
      ['reprice', 'total', '740212.66', '761353.18'],
      ['submit', 'guideVersion', null, '2025 版'],
      ['submit', 'contributionSet', null, workedContributions.name],
      ['submit', 'total', null, '740212.66'],
    ]);
    ctx.store.close();
  });

  it('a submitted project is LOCKED against edits until withdrawn; a project not submitted has nothing to re-price', async () => {
    const { ctx, g, c, p } = await submittedBid();
    expect(await dispatch(ctx, 'projects.repriceDiff', { id: p.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(ctx, 'projects.submit', { id: p.id });
    expect(await dispatch(ctx, 'projects.submit', { id: p.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已于') },
    });
    const edit = await dispatch(ctx, 'projects.update', { id: p.id, revision: p.revision, project: { ...workedProject(g.id, c.id), managementRate: '0.10' } });
    expect(edit).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringContaining('撤回提交') } });
    expect(await ok(ctx, 'projects.withdraw', { id: p.id })).toEqual({ submitted: false });
    await ok(ctx, 'projects.update', { id: p.id, revision: p.revision, project: { ...workedProject(g.id, c.id), managementRate: '0.10' } });
    ctx.store.close();
  });
});
