import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { ApiContext } from '../../../src/app/api/operation';
import type { ProjectDraftRecord } from '../../../src/core/projects/draftRecord';
import { tempDbFile } from '../../db/tempDb';
import { workedContributions, workedGuide, workedProject } from '../../db/workedExample';

/**
 * Drafts (草稿) through the API as the budget editor calls it: a draft with errors is kept as typed,
 * typed on the project's revision; saving the project makes it stale; a draft typed on an older
 * revision is refused as a stale save; deleting the project deletes its draft.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields of the one operation it called
async function ok<T = any>(ctx: ApiContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function setUp() {
  const ctx: ApiContext = { store: PaybenchStore.open(tempDbFile(), { seed: false }) };
  const g = ctx.store.guides.create(workedGuide);
  const c = ctx.store.contributionSets.create(workedContributions);
  const project = ctx.store.projects.create(workedProject(g.id, c.id));
  // the editor's text: the cost line's name erased, its price typed as "8OO"
  const draft: ProjectDraftRecord = {
    name: project.name,
    purchaser: '',
    provider: '',
    periodStart: '2026-01',
    periodMonths: '12',
    guideId: g.id,
    contributionSetId: c.id,
    staff: [
      { post: '一线社工', grade: '社工师', step: 1, qualification: '社工师', count: '6', months: '12', bonusMonths: '1', monthly: '', note: '', extras: [] },
    ],
    costs: [{ category: '活动费', name: '', unitPrice: '8OO', quantity: '24', times: '1', note: '' }],
    managementPercent: '8',
    taxMethod: 'gross-up',
    taxPercent: '0',
    vatPercent: '3',
    surchargePercent: '12',
    minLabourPercent: '60',
    maxManagementPercent: '10',
    pricePerPostYear: '',
    purchasePosts: '',
    notes: '',
    sample: false,
  };
  return { ctx, project, draft };
}

describe('drafts.* through dispatch', () => {
  it('keeps a draft exactly as typed, lists it, and hands it back', async () => {
    const { ctx, project, draft } = setUp();
    expect(await ok(ctx, 'drafts.get', { projectId: project.id })).toBeNull();
    await ok(ctx, 'drafts.keep', { projectId: project.id, revision: project.revision, draft, problems: 2 });
    const kept = await ok(ctx, 'drafts.get', { projectId: project.id });
    expect(kept).toMatchObject({ projectId: project.id, revision: project.revision, problems: 2, draft });
    expect(kept.draft.costs[0].unitPrice).toBe('8OO');
    expect(await ok(ctx, 'drafts.list', {})).toEqual([expect.objectContaining({ projectId: project.id, problems: 2 })]);
    // the project itself keeps its last valid content
    expect(ctx.store.projects.get(project.id).costs[0]!.unitPrice).toBe('800.00');
    ctx.store.close();
  });

  it('a project saved since (revision 1 → 2) makes the draft stale: no longer handed out or listed', async () => {
    const { ctx, project, draft } = setUp();
    await ok(ctx, 'drafts.keep', { projectId: project.id, revision: 1, draft, problems: 2 });
    await ok(ctx, 'projects.update', { id: project.id, revision: 1, project: workedProject(project.guideId, project.contributionSetId) });
    expect(await ok(ctx, 'drafts.get', { projectId: project.id })).toBeNull();
    expect(await ok(ctx, 'drafts.list', {})).toEqual([]);
    ctx.store.close();
  });

  it('a draft typed on an older revision is refused as a stale save (CONFLICT, path revision), and nothing is kept', async () => {
    const { ctx, project, draft } = setUp();
    await ok(ctx, 'projects.update', { id: project.id, revision: 1, project: workedProject(project.guideId, project.contributionSetId) });
    const r = await dispatch(ctx, 'drafts.keep', { projectId: project.id, revision: 1, draft, problems: 2 });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', problems: [{ path: 'revision' }] } });
    expect(await ok(ctx, 'drafts.get', { projectId: project.id })).toBeNull();
    ctx.store.close();
  });

  it('refuses a draft of the wrong shape, naming the field; discard and project deletion remove it', async () => {
    const { ctx, project, draft } = setUp();
    const bad = await dispatch(ctx, 'drafts.keep', { projectId: project.id, revision: 1, draft: { ...draft, taxMethod: 'other' }, problems: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'draft.taxMethod' }] } });
    await ok(ctx, 'drafts.keep', { projectId: project.id, revision: 1, draft, problems: 2 });
    await ok(ctx, 'drafts.discard', { projectId: project.id });
    expect(await ok(ctx, 'drafts.get', { projectId: project.id })).toBeNull();
    await ok(ctx, 'drafts.keep', { projectId: project.id, revision: 1, draft, problems: 2 });
    await ok(ctx, 'projects.delete', { id: project.id });
    const rows = ctx.store.db.prepare('SELECT COUNT(*) AS n FROM project_drafts').get() as { n: number };
    expect(rows.n).toBe(0);
    ctx.store.close();
  });
});
