import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { FAMILY_CENTRE_PROJECT } from '../../../db/sampleData';
import { dispatch } from '../../../src/app/api/dispatch';
import type { ApiContext } from '../../../src/app/api/operation';
import { type ProjectSummaryLine, lastMonth } from '../../../src/app/services/projectSummaries';
import { tempDbFile } from '../../db/tempDb';
import { WORKED, workedContributions, workedGuide, workedProject } from '../../db/workedExample';

/**
 * projects.summaries: the project list's one call. Every stored project priced through the budget
 * service, as projects.compute prices it, with its check counts and the guide version in force; a
 * project that cannot be priced keeps its line with the reason, and the others are still priced.
 */
function context(seed = false): ApiContext {
  return { store: PaybenchStore.open(tempDbFile(), { seed }) };
}

async function ok<T>(ctx: ApiContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const summaries = (ctx: ApiContext) => ok<ProjectSummaryLine[]>(ctx, 'projects.summaries', {});

describe('projects.summaries', () => {
  it('prices the sample projects as projects.compute does, to the fen', async () => {
    const ctx = context(true);
    const list = await summaries(ctx);
    expect(list.map((p) => p.name)).toHaveLength(ctx.store.projects.list().length);
    for (const line of list) {
      const computed = await ok<{ total: string; labour: string; headcount: string }>(ctx, 'projects.compute', { id: line.id });
      expect([line.total, line.labour, line.headcount]).toEqual([computed.total, computed.labour, computed.headcount]);
    }

    // 某街道家庭综合服务中心: 1 高级 + 2 中级/2档 + 2 中级/1档 + 3 初级 + 0.5 半职督导 = 8.5 people on 5 staff
    // lines and 8 cost lines; guide 2026 版 in force from 2026-01-01; 12 months from 2026-01 end in 2026-12.
    // Labour share 83.43 % ≥ the purchaser's 60 %, management share 7.33 % ≤ 10 %: no error, no warning
    // (the lines paid below the contribution floor are info, not warnings).
    const centre = list.find((p) => p.name === FAMILY_CENTRE_PROJECT)!;
    expect(centre).toMatchObject({
      purchaser: '某区民政局',
      provider: '某社会工作服务中心',
      periodStart: '2026-01',
      months: 12,
      periodEnd: '2026-12',
      versionLabel: '2026 版',
      total: '1260206.02',
      labour: '1051411.20',
      headcount: '8.5',
      staffLines: 5,
      costLines: 8,
      errors: 0,
      warnings: 0,
      failure: null,
      sample: true,
    });
    ctx.store.close();
  });

  it('counts error and warning checks: the worked example with a 90 % minimum and one line below the guide', async () => {
    const ctx = context();
    const g = await ok<{ id: number }>(ctx, 'guides.create', workedGuide);
    const c = await ok<{ id: number }>(ctx, 'contributions.create', workedContributions);
    // docs/design.md §Budget arithmetic, worked example: total 740,212.66, labour 643,824.00, 6 people, no check fails
    const worked = await ok<{ id: number }>(ctx, 'projects.create', workedProject(g.id, c.id));
    // the same budget under a 90 % minimum labour share: 643,824.00 ÷ 740,212.66 = 0.8698 < 0.90, one error;
    // and one more line of 1 person on an agreed 6,000.00 a month, below the guide's 6,500 + 300 = 6,800, one warning
    const base = workedProject(g.id, c.id);
    const strict = await ok<{ id: number }>(ctx, 'projects.create', {
      ...base,
      name: '90 % 下限',
      staff: [...base.staff, { ...base.staff[0]!, count: 1, monthly: '6000.00' }],
      rules: { ...base.rules, minLabourShare: '0.90' },
    });

    const list = await summaries(ctx);
    expect(list.find((p) => p.id === worked.id)).toMatchObject({
      total: WORKED.total,
      labour: WORKED.labour,
      headcount: '6',
      errors: 0,
      warnings: 0,
      guideName: workedGuide.name,
      versionLabel: '2026 版',
    });
    expect(list.find((p) => p.id === strict.id)).toMatchObject({ headcount: '7', errors: 1, warnings: 1, failure: null });
    ctx.store.close();
  });

  it('gives the reason instead of a total for a project that cannot be priced, and still prices the rest', async () => {
    const ctx = context();
    const g = await ok<{ id: number }>(ctx, 'guides.create', workedGuide);
    const c = await ok<{ id: number }>(ctx, 'contributions.create', workedContributions);
    const worked = await ok<{ id: number }>(ctx, 'projects.create', workedProject(g.id, c.id));
    // the guide's only version starts on 2026-01-01: a project starting in 2025-03 has no guide to be priced on
    const early = await ok<{ id: number }>(ctx, 'projects.create', { ...workedProject(g.id, c.id), name: '2025 年项目', periodStart: '2025-03' });

    const list = await summaries(ctx);
    expect(list).toHaveLength(2);
    const failed = list.find((p) => p.id === early.id)!;
    expect(failed).toMatchObject({ total: null, labour: null, versionLabel: null, errors: 0, warnings: 0, headcount: '6', periodEnd: '2026-02' });
    expect(failed.failure).toContain(`指导价“${workedGuide.name}”在 2025-03 没有生效的版本`);
    expect(list.find((p) => p.id === worked.id)).toMatchObject({ total: WORKED.total, failure: null });
    ctx.store.close();
  });

  it('an empty store lists nothing', async () => {
    const ctx = context();
    expect(await summaries(ctx)).toEqual([]);
    ctx.store.close();
  });
});

describe('lastMonth', () => {
  it('is the month the service ends in, across a year end', () => {
    // 12 months from 2026-01 end in 2026-12; 3 from 2025-11 are 2025-11, 2025-12, 2026-01; 1 month ends where it starts
    expect([lastMonth('2026-01', 12), lastMonth('2025-11', 3), lastMonth('2026-07', 1), lastMonth('2026-01', 24)]).toEqual([
      '2026-12',
      '2026-01',
      '2026-07',
      '2027-12',
    ]);
  });
});
