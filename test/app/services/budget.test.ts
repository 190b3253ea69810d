import { describe, expect, it } from 'vitest';
import { JILIN_PROJECT, sampleBudgetSpecs } from '../../../db/sampleData';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import { budgetOfProject, budgetOfSpec, projectNamed, projectSpec, resolveGuideRef } from '../../../src/app/services/budget';
import { priceProject } from '../../../src/core/budget/pipeline';
import type { BudgetSpec } from '../../../src/core/spec/budgetSpec';
import { runCli } from '../cli/runCli';
import { tempDbFile } from '../../db/tempDb';
import { WORKED, workedContributions, workedGuide, workedProject } from '../../db/workedExample';

/** The one budget service: a spec or a stored project → records from the store → the core chain. */
const emptyStore = () => PaybenchStore.open(tempDbFile(), { seed: false });

const noStore = () => {
  throw new Error('the store was opened for a spec that needs none');
};

describe('a stored project', () => {
  it('resolves to spec v1 and computes the docs/design.md example exactly (arithmetic in test/db/workedExample.ts)', () => {
    const store = emptyStore();
    const g = store.guides.create(workedGuide);
    const c = store.contributionSets.create(workedContributions);
    const p = store.projects.create(workedProject(g.id, c.id));
    const { json } = budgetOfProject(store, p.id);
    expect(json).toMatchObject(WORKED);
    expect(json.checks).toEqual([]);
    // the spec the workbook and `projects.spec` show is the one that was computed
    expect(budgetOfProject(store, p.id).spec).toEqual(projectSpec(store, p.id));
    store.close();
  });

  it('each seeded sample project resolves to the same spec as sampleBudgetSpecs()', () => {
    const store = PaybenchStore.open(tempDbFile());
    const specs = sampleBudgetSpecs();
    const projects = store.projects.list();
    expect(projects.map((p) => p.name).sort()).toEqual(specs.map((s) => s.name).sort());
    for (const p of projects) expect(projectSpec(store, p.id)).toEqual(specs.find((s) => s.name === p.name));
    store.close();
  });

  it('is found by name or by number; an unknown name is refused with the projects there are', () => {
    const store = PaybenchStore.open(tempDbFile());
    const jilin = store.projects.findByName(JILIN_PROJECT)!;
    expect(projectNamed(store, JILIN_PROJECT).id).toBe(jilin.id);
    expect(projectNamed(store, ` ${jilin.id} `).id).toBe(jilin.id);
    expect(() => projectNamed(store, '不存在')).toThrow(/中没有名为“不存在”的项目；现有：.*示例社区“社工岗”队伍/);
    expect(() => projectNamed(store, '999')).toThrow(/找不到编号为 999 的项目/);
    store.close();
  });

  it('gives the same numbers to the CLI, the API and the budget editor', async () => {
    const file = tempDbFile();
    const store = PaybenchStore.open(file);
    const project = store.projects.findByName(JILIN_PROJECT)!;

    const cli = runCli(['budget', '--project', JILIN_PROJECT, '--db', file, '--json']);
    expect(cli.stderr).toBe('');
    const api = await dispatch({ store }, 'projects.compute', { id: project.id });
    // the editor prices the draft in the page with the records the API hands it
    const editor = priceProject(project, {
      guide: store.guides.get(project.guideId),
      wages: store.referenceWages.list(),
      contributionSet: store.contributionSets.get(project.contributionSetId),
    }).json;

    expect(api).toEqual({ ok: true, value: editor });
    expect(JSON.parse(cli.stdout)).toEqual(editor);
    store.close();
  });
});

describe('a spec with payGuide: { ref }', () => {
  const spec = (start: string, ref: string) =>
    ({ version: 1, name: 'x', period: { start, months: 12 }, payGuide: { ref }, contributions: workedContributions }) as unknown as BudgetSpec;

  it('takes the version in force at the period start, by name or by number', () => {
    const store = emptyStore();
    const g = store.guides.create({
      ...workedGuide,
      versions: [
        { label: '2025 版', effectiveFrom: '2025-01-01', cells: [{ post: '一线社工', grade: '社工师', amount: '6300.00' }] },
        { label: '2026 版', effectiveFrom: '2026-01-01', cells: [{ post: '一线社工', grade: '社工师', amount: '6500.00' }] },
      ],
    });
    const in2025 = resolveGuideRef(store, spec('2025-12', g.name));
    const in2026 = resolveGuideRef(store, spec('2026-01', String(g.id)));
    expect('rows' in in2025.payGuide && in2025.payGuide.rows[0]!.monthly).toBe('6300.00');
    expect('rows' in in2026.payGuide && in2026.payGuide.rows[0]!.monthly).toBe('6500.00');
    expect(() => resolveGuideRef(store, spec('2024-06', g.name))).toThrow(/2024-06-01 没有生效的版本/);
    expect(() => resolveGuideRef(store, spec('2026-01', '不存在'))).toThrow(/没有名为“不存在”的指导价/);
    store.close();
  });

  it('needs the store; an inline guide does not open it', () => {
    const inline = sampleBudgetSpecs()[0]!;
    expect(budgetOfSpec(inline, noStore).json.total).toMatch(/^\d+\.\d{2}$/);
    expect(() => budgetOfSpec(spec('2026-01', '1'), noStore)).toThrow(/needs none/);
  });
});
