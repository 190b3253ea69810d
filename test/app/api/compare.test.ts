import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { ApiContext } from '../../../src/app/api/operation';
import type { Comparison } from '../../../src/core/compare/compareBudgets';
import { budgetOfProject } from '../../../src/app/services/budget';
import { budgetWorkbookBuffer } from '../../../src/core/excel/budgetWorkbook';
import { tempDbFile } from '../../db/tempDb';
import { workedContributions, workedGuide, workedProject } from '../../db/workedExample';

/**
 * projects.compare and projects.compareWorkbook: stored projects priced by the budget service, side by side
 * (docs/design.md §Data flow, "Comparing budgets").
 */
function context(): ApiContext {
  return { store: PaybenchStore.open(tempDbFile(), { seed: false }) };
}

async function ok<T>(ctx: ApiContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function twoProjects(ctx: ApiContext) {
  const g = await ok<{ id: number }>(ctx, 'guides.create', workedGuide);
  const c = await ok<{ id: number }>(ctx, 'contributions.create', workedContributions);
  const six = await ok<{ id: number }>(ctx, 'projects.create', workedProject(g.id, c.id));
  const base = workedProject(g.id, c.id);
  const four = await ok<{ id: number }>(ctx, 'projects.create', { ...base, name: '四人方案', staff: [{ ...base.staff[0]!, count: 4 }] });
  return { six: six.id, four: four.id };
}

describe('projects.compare', () => {
  it('prices each project as projects.compute does and takes the differences from the first', async () => {
    const ctx = context();
    const { six, four } = await twoProjects(ctx);
    const c = await ok<Comparison>(ctx, 'projects.compare', { ids: [six, four] });
    const [a, b] = c.budgets;

    // the worked example (docs/design.md §Budget arithmetic): 740,212.66; 6 × 12 = 72 person-months → 123,368.78 a post-year
    expect(a).toMatchObject({ label: workedProject(0, 0).name, total: '740212.66', labour: '643824.00', costPerPostYear: '123368.78' });
    // four people: gross 6,800 × 4 × 13 = 353,600; contributions 1,428 × 4 × 12 = 68,544; 工会 7,072 → labour 429,216.00;
    // + activities 19,200 = 448,416; fee 8 % = 35,873.28; subtotal 484,289.28; × 1.03 ÷ 0.9964 = 500,620.19;
    // share 429,216 ÷ 500,620.19 = 0.8574; 500,620.19 × 12 ÷ 48 = 125,155.05 a post-year
    expect(b).toMatchObject({
      label: '四人方案',
      total: '500620.19',
      labour: '429216.00',
      labourShare: '0.8574',
      managementFee: '35873.28',
      headcount: '4',
      costPerPostYear: '125155.05',
    });
    // 500,620.19 − 740,212.66 = −239,592.47, ÷ 740,212.66 = −0.3237; 125,155.05 − 123,368.78 = 1,786.27
    expect(b!.difference).toMatchObject({ total: '-239592.47', totalPercent: '-0.3237', headcount: '-2', costPerPostYear: '1786.27' });
    const computed = await ok<{ total: string }>(ctx, 'projects.compute', { id: four });
    expect(computed.total).toBe(b!.total);
    ctx.store.close();
  });

  it('refuses one project, a project twice, and names a project that does not exist', async () => {
    const ctx = context();
    const { six } = await twoProjects(ctx);
    const one = await dispatch(ctx, 'projects.compare', { ids: [six] });
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.error.message).toContain('请选择 2 到 10 个项目或投标预算');
    const twice = await dispatch(ctx, 'projects.compare', { ids: [six, six] });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toContain('选了两次');
    const missing = await dispatch(ctx, 'projects.compare', { ids: [six, 999] });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
    ctx.store.close();
  });

  it('compares a bid workbook (as the 预算审核 page holds it) with a stored project', async () => {
    const ctx = context();
    const { six, four } = await twoProjects(ctx);
    // the six-person project exported as a bid package: the comparison prices its embedded spec
    const priced = budgetOfProject(ctx.store, six);
    const base64 = Buffer.from(await budgetWorkbookBuffer(priced.result, priced.spec, {})).toString('base64');
    const c = await ok<Comparison>(ctx, 'projects.compare', { ids: [four], bids: [{ fileName: '甲机构投标.xlsx', base64 }], baseline: 'lowest' });
    expect(c.budgets.map((b) => [b.label, b.kind, b.total])).toEqual([
      ['四人方案', 'project', '500620.19'],
      ['甲机构投标.xlsx', 'bid', '740212.66'],
    ]);
    // the bid reviews clean against the store it came from: no errors, no warnings
    expect(c.budgets[1]!.counts).toMatchObject({ error: 0, warning: 0 });
    // 740,212.66 − 500,620.19 = 239,592.47 above the lowest
    expect(c.budgets[1]!.difference.total).toBe('239592.47');

    const notABid = await dispatch(ctx, 'projects.compare', {
      ids: [four],
      bids: [{ fileName: '随便.xlsx', base64: Buffer.from('not a zip').toString('base64') }],
    });
    expect(notABid.ok).toBe(false);
    if (!notABid.ok) expect(notABid.error.problems[0]!.message).toContain('随便.xlsx');
    ctx.store.close();
  });

  it('exports the comparison as a workbook with the baseline the user chose', async () => {
    const ctx = context();
    const { six, four } = await twoProjects(ctx);
    const file = await ok<{ fileName: string; base64: string }>(ctx, 'projects.compareWorkbook', { ids: [six, four], baseline: 'lowest', date: '2026-12-01' });
    expect(file.fileName).toBe('预算对比-2026-12-01.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('预算对比')!;
    // 四人方案 is the lower total: the baseline, in column C
    expect(ws.getRow(2).getCell(3).value).toBe('四人方案（基准）');
    expect(ws.getRow(4).getCell(2).value).toBe(740212.66);
    ctx.store.close();
  });
});
