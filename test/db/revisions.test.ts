import { describe, expect, it } from 'vitest';
import { StaleRevisionError, StoreError } from '../../db/errors';
import { PaybenchStore } from '../../db/store';
import { tempDbFile } from './tempDb';
import { workedContributions, workedGuide, workedProject } from './workedExample';

/**
 * Two windows on one database (two stores on one file, as two instances would have): both read a
 * record at revision 1; window A saves (revision 2); window B's save, still based on revision 1, is
 * refused — it would silently undo A's edit — and the file keeps exactly what A saved.
 */
function twoWindows() {
  const file = tempDbFile();
  const a = PaybenchStore.open(file, { seed: false });
  const g = a.guides.create(workedGuide);
  const c = a.contributionSets.create(workedContributions);
  const p = a.projects.create(workedProject(g.id, c.id));
  const b = PaybenchStore.open(file, { seed: false });
  return { a, b, g, c, p, close: () => (a.close(), b.close()) };
}

function refusal(save: () => unknown): StaleRevisionError {
  try {
    save();
  } catch (e) {
    if (e instanceof StaleRevisionError) return e;
    throw e;
  }
  throw new Error('the stale save was accepted');
}

describe('a save based on an older revision is refused (optimistic concurrency)', () => {
  it('projects: A saves 7 people (revision 2); B, still at revision 1, saving 3 people is refused and A’s 7 stay', () => {
    const { a, b, g, c, p, close } = twoWindows();
    const inB = b.projects.get(p.id); // B opened the editor: revision 1, 6 people
    expect([p.revision, inB.revision, inB.staff[0]!.count]).toEqual([1, 1, 6]);

    const base = workedProject(g.id, c.id);
    const savedByA = a.projects.update(p.id, { ...base, staff: [{ ...base.staff[0]!, count: 7 }] }, p.revision);
    expect(savedByA.revision).toBe(2);

    const e = refusal(() => b.projects.update(p.id, { ...base, staff: [{ ...base.staff[0]!, count: 3 }], notes: 'B 的修改' }, inB.revision));
    expect(e).toBeInstanceOf(StoreError);
    expect(e.code).toBe('CONFLICT');
    expect([e.basedOn, e.current]).toEqual([1, 2]);
    expect(e.message).toContain(`项目“${base.name}”已在另一个窗口或另一个 Paybench 实例中被修改`);
    expect(e.message).toContain('你打开的是第 1 版，现在已是第 2 版');
    expect(e.message).toMatch(/重新载入.*另存为副本/);

    // nothing of B's save reached the file: header, lines and revision are A's
    const stored = b.projects.get(p.id);
    expect(stored).toEqual(savedByA);
    expect(stored.notes).toBe('');

    // B reloads (revision 2) and saves on top of A's edit: accepted, revision 3
    expect(b.projects.update(p.id, { ...base, staff: [{ ...base.staff[0]!, count: 3 }] }, stored.revision).revision).toBe(3);
    close();
  });

  it('a refused save leaves the other tables untouched too (no half-replaced lines)', () => {
    const { a, b, g, c, p, close } = twoWindows();
    a.projects.update(p.id, { ...workedProject(g.id, c.id), costs: [] }, 1);
    const lines = () => b.db.prepare('SELECT COUNT(*) AS n FROM project_cost_lines').get() as { n: number };
    expect(lines().n).toBe(0);
    refusal(() => b.projects.update(p.id, workedProject(g.id, c.id), 1)); // B would bring the activity line back
    expect(lines().n).toBe(0);
    close();
  });

  it('guide versions: A raises the cell to 6,700.00; B’s stale 6,600.00 is refused; the cell stays 6,700.00', () => {
    const { a, b, g, p, close } = twoWindows();
    a.projects.delete(p.id); // a version a project uses is locked (locks.test.ts); here no project uses it
    const v = g.versions[0]!;
    const cell = (amount: string) => ({ ...workedGuide.versions[0]!, cells: [{ post: '一线社工', grade: '社工师', step: 1, amount }] });
    expect(a.guides.updateVersion(v.id, cell('6700.00'), v.revision).revision).toBe(2);
    const e = refusal(() => b.guides.updateVersion(v.id, cell('6600.00'), v.revision));
    expect(e.message).toContain(`指导价“${workedGuide.name}”的版本“2026 版”已在另一个窗口`);
    expect(b.guides.getVersion(v.id).cells[0]!.amount).toBe('6700.00');
    close();
  });

  it('the guide header, contribution sets and reference wages are held to their revisions the same way', () => {
    const { a, b, g, c, p, close } = twoWindows();
    a.projects.delete(p.id); // a contribution set a project uses is locked (locks.test.ts); here no project uses it
    a.guides.update(g.id, { name: '改名后的指导价' }, g.revision);
    expect(refusal(() => b.guides.update(g.id, { name: 'B 的名字' }, g.revision)).current).toBe(2);
    expect(b.guides.get(g.id).name).toBe('改名后的指导价');
    // a header save does not move the versions' revisions, nor a version save the header's
    expect(b.guides.get(g.id).versions[0]!.revision).toBe(1);

    a.contributionSets.update(c.id, { ...workedContributions, floor: '5000.00' }, c.revision);
    expect(refusal(() => b.contributionSets.update(c.id, { ...workedContributions, floor: '4800.00' }, c.revision)).message).toContain(
      `社保公积金参数“${workedContributions.name}”已在另一个窗口`,
    );
    expect(b.contributionSets.get(c.id)).toMatchObject({ floor: '5000.00', revision: 2 });

    const w = a.referenceWages.create({ name: '上年度平均工资', amount: '120000.00', effectiveFrom: '2026-01-01' });
    a.referenceWages.update(w.id, { name: '上年度平均工资', amount: '121000.00', effectiveFrom: '2026-01-01' }, w.revision);
    refusal(() => b.referenceWages.update(w.id, { name: '上年度平均工资', amount: '119000.00', effectiveFrom: '2026-01-01' }, w.revision));
    expect(b.referenceWages.get(w.id)).toMatchObject({ amount: '121000.00', revision: 2 });
    close();
  });

  it('a record read and fed back (a copy, an adjusted version) starts its own history at revision 1', () => {
    const { a, g, p, close } = twoWindows();
    const { id: _id, updatedAt: _u, ...read } = a.projects.get(p.id); // `read` still carries revision 1
    expect(a.projects.update(p.id, read, read.revision).revision).toBe(2);
    expect(a.projects.create({ ...read, name: '方案二' }).revision).toBe(1);
    expect(a.projects.duplicate(p.id, '方案三').revision).toBe(1);
    const { id: _v, guideId: _g, ...version } = a.guides.getVersion(g.versions[0]!.id);
    expect(a.guides.addVersion(g.id, { ...version, label: '2027 版', effectiveFrom: '2027-01-01' }).revision).toBe(1);
    close();
  });

  it('a save of a record deleted meanwhile is NOT_FOUND, not a conflict', () => {
    const { a, b, g, c, p, close } = twoWindows();
    a.projects.delete(p.id);
    expect(() => b.projects.update(p.id, workedProject(g.id, c.id), 1)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    close();
  });
});
