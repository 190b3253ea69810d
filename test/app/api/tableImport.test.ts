import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { ApiContext } from '../../../src/app/api/operation';
import type { TableImportOutcome } from '../../../src/app/services/tableImport';
import { tempDbFile } from '../../db/tempDb';
import { WORKED, workedContributions, workedGuide } from '../../db/workedExample';

/**
 * projects.importTables: a bid from another template — a staff csv and a pasted cost table — previewed, then made
 * into a project that prices as the worked example (docs/design.md §Budget arithmetic) without fee and tax.
 */
function context(): ApiContext {
  return { store: PaybenchStore.open(tempDbFile(), { seed: false }) };
}

async function ok<T>(ctx: ApiContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** a csv as Excel saves it (UTF-8 with BOM), a title line above the header */
const staffCsv = (rows: string[]) => ({
  fileName: '人员.csv',
  base64: Buffer.from('\uFEFF' + ['甲机构人员配置', '岗位,职级,档次,证书,人数,月数,额外月数', ...rows].join('\r\n'), 'utf8').toString('base64'),
});
const costsPaste = { text: '类别\t名称\t单价\t数量\n活动费\t社区活动\t800\t24\n' };

async function frame(ctx: ApiContext) {
  const g = await ok<{ id: number }>(ctx, 'guides.create', workedGuide);
  const c = await ok<{ id: number }>(ctx, 'contributions.create', workedContributions);
  return { name: '甲机构投标（导入）', periodStart: '2026-01', periodMonths: 12, guideId: g.id, contributionSetId: c.id };
}

describe('projects.importTables', () => {
  it('previews the guessed columns, then creates a project that prices to the fen', async () => {
    const ctx = context();
    const project = await frame(ctx);
    const input = { project, staff: staffCsv(['一线社工,社工师,1,社工师,6,12,1']), costs: costsPaste };
    const preview = await ok<TableImportOutcome>(ctx, 'projects.importTables', { ...input, commit: false });
    expect(preview.staff).toMatchObject({
      headerRow: 2,
      mapping: ['post', 'grade', 'step', 'qualification', 'count', 'months', 'bonusMonths'],
      lines: 1,
      problems: [],
    });
    expect(preview.costs).toMatchObject({ headerRow: 1, lines: 1, problems: [] });
    expect(preview.pricing).toEqual([]);
    expect(preview.project).toBeNull();
    expect(ctx.store.projects.list()).toHaveLength(0);

    const done = await ok<TableImportOutcome>(ctx, 'projects.importTables', { ...input, commit: true });
    // the worked example's lines: labour 643,824.00 + activities 800 × 24 = 19,200.00; no fee, no tax chosen yet:
    // total = 663,024.00
    const computed = await ok<{ labour: string; otherCosts: string; total: string }>(ctx, 'projects.compute', { id: done.project!.id });
    expect(computed).toMatchObject({ labour: WORKED.labour, otherCosts: WORKED.otherCosts, total: WORKED.direct });
    ctx.store.close();
  });

  it('names each bad cell and each line the guide has not by its row, and creates nothing', async () => {
    const ctx = context();
    const project = await frame(ctx);
    const bad = { project, staff: staffCsv(['一线社工,社工师,1,社工师,六,12,0', '督导,社工师,1,,1,12,0']), commit: true };
    const r = await dispatch(ctx, 'projects.importTables', bad);
    expect(r.ok).toBe(false);
    // row 3 (under the title and the header) has 六 for 人数, in column E
    if (!r.ok) expect(r.error.problems.map((p) => p.path)).toEqual(['人员表 第 3 行 E 列「人数」']);

    // with the count corrected, the guide has no 督导 cell: the line of row 4 is named
    const preview = await ok<TableImportOutcome>(ctx, 'projects.importTables', {
      ...bad,
      staff: staffCsv(['一线社工,社工师,1,社工师,6,12,0', '督导,社工师,1,,1,12,0']),
      commit: false,
    });
    expect(preview.staff!.problems).toEqual([]);
    expect(preview.pricing.map((p) => p.place)).toEqual(['人员表 第 4 行']);
    expect(preview.pricing[0]!.message).toContain('督导/社工师/1档');
    expect(ctx.store.projects.list()).toHaveLength(0);
    ctx.store.close();
  });
});
