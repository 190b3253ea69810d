import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { TableImportOutcome } from '../../../src/app/services/tableImport';
import { tempDbFile } from '../../db/tempDb';
import { workedContributions, workedGuide } from '../../db/workedExample';

/**
 * 从表格导入 as a job (docs/design.md §Data flow, "Long work: progress and cancel"): a big staff workbook is read with
 * a rising percentage and named stages, and can be cancelled — a cancelled import creates no project.
 */
type Progress = { status: string; percent: number; label: string; value?: unknown };

async function call<T>(store: PaybenchStore, name: string, input: unknown): Promise<T> {
  const r = await dispatch({ store }, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

async function follow(store: PaybenchStore, jobId: string, onPoll?: (p: Progress) => Promise<void>): Promise<{ seen: Progress[]; last: Progress }> {
  const seen: Progress[] = [];
  for (;;) {
    const p = await call<Progress>(store, 'jobs.progress', { jobId });
    seen.push(p);
    if (p.status !== 'running') return { seen, last: p };
    await onPoll?.(p);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** a staff csv of `rows` 一线社工/社工师 lines (the worked example's cell), as Excel saves it */
const bigStaffCsv = (rows: number) => ({
  fileName: '人员.csv',
  base64: Buffer.from(
    '\uFEFF' + ['岗位,职级,档次,证书,人数,月数', ...Array.from({ length: rows }, () => '一线社工,社工师,1,社工师,1,12')].join('\r\n'),
    'utf8',
  ).toString('base64'),
});

async function setup() {
  const store = PaybenchStore.open(tempDbFile(), { seed: false });
  const g = await call<{ id: number }>(store, 'guides.create', workedGuide);
  const c = await call<{ id: number }>(store, 'contributions.create', workedContributions);
  const project = { name: '大表导入', periodStart: '2026-01', periodMonths: 12, guideId: g.id, contributionSetId: c.id };
  return { store, project };
}

describe('projects.importTables as a job', () => {
  it('reports its stages with a rising percentage, ending at 100 with the project created', async () => {
    const { store, project } = await setup();
    const input = { project, staff: bigStaffCsv(5_000), costs: { text: '类别\t名称\t单价\t数量\n活动费\t社区活动\t800\t24\n' }, commit: true };
    const { jobId } = await call<{ jobId: string }>(store, 'jobs.start', { op: 'projects.importTables', input });
    const { seen, last } = await follow(store, jobId);
    const percents = seen.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(last).toMatchObject({ status: 'done', percent: 100 });
    expect(seen.slice(0, -1).every((p) => p.label !== '')).toBe(true);
    const outcome = last.value as TableImportOutcome;
    expect(outcome.project).toMatchObject({ name: '大表导入' });
    expect(outcome.project!.staff).toHaveLength(5_000);
    expect(store.projects.list().map((p) => p.name)).toEqual(['大表导入']);
    store.close();
  });

  it('cancelled while the staff table is read, it ends as cancelled and imports nothing', async () => {
    const { store, project } = await setup();
    const input = { project, staff: bigStaffCsv(20_000), commit: true };
    const { jobId } = await call<{ jobId: string }>(store, 'jobs.start', { op: 'projects.importTables', input });
    let cancelledAt: string | null = null;
    const { last } = await follow(store, jobId, async (p) => {
      if (cancelledAt === null) {
        cancelledAt = p.label;
        await call(store, 'jobs.cancel', { jobId });
      }
    });
    expect(cancelledAt).not.toBeNull();
    expect(last.status).toBe('cancelled');
    expect(last.value).toBeUndefined();
    expect(store.projects.list()).toEqual([]);
    store.close();
  });
});
