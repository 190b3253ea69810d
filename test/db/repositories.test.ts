import { describe, expect, it } from 'vitest';
import type { StoreError } from '../../db/errors';
import { PaybenchStore } from '../../db/store';
import { ValidationError } from '../../src/core/spec/fields';
import { tempDbFile } from './tempDb';
import { workedContributions, workedGuide, workedProject } from './workedExample';

function emptyStore() {
  return PaybenchStore.open(tempDbFile(), { seed: false });
}

function count(store: PaybenchStore, table: string): number {
  return (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('pay guides in the store', () => {
  it('keep money text exactly as given, and versions in date order', () => {
    const store = emptyStore();
    const g = store.guides.create({
      ...workedGuide,
      versions: [
        { ...workedGuide.versions[0]!, cells: [{ post: '一线社工', grade: '社工师', step: 1, amount: '6500.1' }] },
        { label: '2025 版', effectiveFrom: '2025-01-01', cells: [{ post: '一线社工', grade: '社工师', amount: '6300.00' }] },
      ],
    });
    expect(g.versions.map((v) => v.label)).toEqual(['2025 版', '2026 版']);
    expect(g.versions[1]!.cells[0]!.amount).toBe('6500.1'); // TEXT in, the same TEXT out
    expect(g.versions[0]!.cells[0]!.step).toBe(1); // the schema's default
    expect(store.guides.findByName('示例市社工薪酬指导价')!.id).toBe(g.id);
    store.close();
  });

  it('a new version keeps the old one; updateVersion replaces cells; the last version cannot be deleted', () => {
    const store = emptyStore();
    const g = store.guides.create(workedGuide);
    const v2027 = store.guides.addVersion(g.id, {
      label: '2027 版',
      effectiveFrom: '2027-01-01',
      cells: [{ post: '一线社工', grade: '社工师', step: 1, amount: '6700.00' }],
    });
    expect(store.guides.get(g.id).versions.map((v) => v.label)).toEqual(['2026 版', '2027 版']);
    store.guides.updateVersion(
      v2027.id,
      { label: '2027 版', effectiveFrom: '2027-01-01', cells: [{ post: '督导', grade: '初级督导', amount: '9000.00' }] },
      v2027.revision,
    );
    expect(store.guides.getVersion(v2027.id).cells).toEqual([{ post: '督导', grade: '初级督导', step: 1, amount: '9000.00' }]);
    store.guides.deleteVersion(v2027.id);
    const only = store.guides.get(g.id).versions[0]!;
    expect(() => store.guides.deleteVersion(only.id)).toThrow(/只剩这一个版本/);
    store.close();
  });

  it('refuse duplicate cells, naming the row, and write nothing', () => {
    const store = emptyStore();
    const bad = {
      ...workedGuide,
      versions: [{ ...workedGuide.versions[0]!, cells: [...workedGuide.versions[0]!.cells, { post: '一线社工', grade: '社工师', step: 1, amount: '1.00' }] }],
    };
    try {
      store.guides.create(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).problems).toEqual([{ path: 'versions[0].cells[1]', message: expect.stringContaining('与第 1 行重复') }]);
    }
    expect(count(store, 'pay_guides')).toBe(0);
    store.close();
  });

  it('refuse a second guide of the same name', () => {
    const store = emptyStore();
    store.guides.create(workedGuide);
    expect(() => store.guides.create(workedGuide)).toThrow(/已有同名指导价/);
    expect(count(store, 'pay_guides')).toBe(1);
    store.close();
  });
});

describe('projects in the store', () => {
  it('round-trip every field, including half-time head counts', () => {
    const store = emptyStore();
    const g = store.guides.create(workedGuide);
    const c = store.contributionSets.create(workedContributions);
    const input = {
      ...workedProject(g.id, c.id),
      staff: [
        {
          post: '一线社工',
          grade: '社工师',
          step: 1,
          qualification: '社工师',
          count: 0.5,
          months: 10.5,
          bonusMonths: 0.25,
          monthly: '7000.00',
          extras: [{ name: '绩效', monthly: '123.45' }],
          note: '半职',
        },
        // 非社工岗: a half-time finance post at its agreed pay, not a social-work post
        { post: '财务', grade: '会计', step: 1, count: 0.5, months: 12, bonusMonths: 0, monthly: '5200.00', extras: [], nonSocialWork: true },
      ],
      rules: { minSocialWorkPostShare: '0.70' },
      purchaseByPost: { pricePerPostYear: '100000.00', posts: 2 },
    };
    const saved = store.projects.create(input);
    const { id, updatedAt, revision, ...back } = store.projects.get(saved.id);
    expect(back).toEqual({ ...input, laterContributionSetIds: [], purchaser: '', provider: '', notes: '', sample: false });
    expect(id).toBe(saved.id);
    expect(revision).toBe(1); // a new record's first revision
    expect(updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    store.close();
  });

  it('update replaces all lines; duplicate copies under a new name; bad input writes nothing', () => {
    const store = emptyStore();
    const g = store.guides.create(workedGuide);
    const c = store.contributionSets.create(workedContributions);
    const p = store.projects.create(workedProject(g.id, c.id));
    store.projects.update(p.id, { ...workedProject(g.id, c.id), costs: [] }, p.revision);
    expect(store.projects.get(p.id).costs).toEqual([]);
    expect(count(store, 'project_cost_lines')).toBe(0);

    const copy = store.projects.duplicate(p.id, '方案二');
    expect(copy.name).toBe('方案二');
    expect(copy.staff).toEqual(store.projects.get(p.id).staff);

    const before = store.projects.get(p.id);
    const bad = { ...workedProject(g.id, c.id), staff: [{ post: '一线社工', grade: '社工师', count: -1, months: 12 }] };
    expect(() => store.projects.update(p.id, bad, before.revision)).toThrow(ValidationError);
    expect(() => store.projects.update(p.id, { ...workedProject(g.id, 999), name: '改名' }, before.revision)).toThrow(/contributionSetId|找不到编号为 999/);
    expect(store.projects.get(p.id)).toEqual(before);
    store.close();
  });

  it('keep a guide or contribution set a project uses from being deleted, with the project named', () => {
    const store = emptyStore();
    const g = store.guides.create(workedGuide);
    const c = store.contributionSets.create(workedContributions);
    store.projects.create(workedProject(g.id, c.id));
    const attempt = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return e as StoreError;
      }
      throw new Error('not refused');
    };
    const e1 = attempt(() => store.guides.delete(g.id));
    expect(e1.code).toBe('CONFLICT');
    expect(e1.message).toContain('正被项目使用（某街道家庭综合服务中心 2026 年度服务项目）');
    const e2 = attempt(() => store.contributionSets.delete(c.id));
    expect(e2.code).toBe('CONFLICT');
    expect(count(store, 'pay_guides')).toBe(1);
    expect(count(store, 'guide_cells')).toBe(1);
    expect(count(store, 'contribution_sets')).toBe(1);
    store.close();
  });
});

describe('reference wages in the store', () => {
  it('keep the last record of a name a guide multiplies from being deleted; an older one may go', () => {
    const store = emptyStore();
    const wage = (amount: string, effectiveFrom: string) => store.referenceWages.create({ name: '上年度平均工资', amount, effectiveFrom });
    const w2025 = wage('108000.00', '2025-01-01');
    const w2026 = wage('112800.00', '2026-01-01');
    store.guides.create({
      name: '三岗十八级',
      versions: [
        { label: '2026 版', effectiveFrom: '2026-01-01', referenceWage: '上年度平均工资', cells: [{ post: '正职', grade: '7级', coefficient: '0.68' }] },
      ],
    });
    store.referenceWages.delete(w2025.id);
    expect(() => store.referenceWages.delete(w2026.id)).toThrow(/正被指导价使用（三岗十八级）/);
    expect(store.referenceWages.list().map((w) => w.amount)).toEqual(['112800.00']);
    store.close();
  });

  it('refuse a coefficient version without a reference wage name', () => {
    const store = emptyStore();
    expect(() =>
      store.guides.create({ name: 'x', versions: [{ label: 'v', effectiveFrom: '2026-01-01', cells: [{ post: '正职', grade: '7级', coefficient: '0.68' }] }] }),
    ).toThrow(/referenceWage: 有系数单元格时须指定参考工资名称/);
    store.close();
  });
});
