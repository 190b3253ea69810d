import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../../src/core/guides/diff';
import { guideVersionSchema } from '../../../src/core/guides/schema';

const v = (label: string, cells: object[], allowances: object[] = []) =>
  guideVersionSchema.parse({ label, effectiveFrom: '2025-01-01', referenceWage: '上年度平均工资', cells, allowances });

describe('diffing two versions cell by cell', () => {
  const a = v(
    '2025 版',
    [
      { post: '一线社工', grade: '初级', step: 2, amount: '5250.00' },
      { post: '一线社工', grade: '中级', step: 1, amount: '6250.00' },
      { post: '督导', grade: '督导助理', amount: '7200.00' },
      { post: '一般工作人员', grade: '1级', coefficient: '0.50' },
      { post: '正职', grade: '7级', coefficient: '0.68' },
    ],
    [{ qualification: '社工师', amount: '300.00' }],
  );
  const b = v(
    '2026 版',
    [
      { post: '一线社工', grade: '初级', step: 2, amount: '5408.00' },
      { post: '一线社工', grade: '中级', step: 1, amount: '6250.00' },
      { post: '一般工作人员', grade: '1级', coefficient: '0.52' },
      { post: '正职', grade: '7级', amount: '6500.00' },
      { post: '督导', grade: '初级督导', amount: '9270.00' },
    ],
    [
      { qualification: '社工师', amount: '300.00' },
      { qualification: '社工师', amount: '3000.00', kind: 'oneOff' },
    ],
  );
  const d = diffVersions(a, b);

  it('a changed amount: 5,250.00 → 5,408.00 is +158.00, 158 / 5,250 = 3.0095… % → 3.01 %', () => {
    expect(d.cells[0]).toEqual({
      post: '一线社工',
      grade: '初级',
      step: 2,
      status: 'changed',
      kind: 'amount',
      before: '5250.00',
      after: '5408.00',
      change: '158.00',
      percent: '3.01',
    });
  });

  it('an unchanged cell is "same" with a zero change', () => {
    expect(d.cells[1]).toMatchObject({ status: 'same', change: '0.00', percent: '0.00' });
  });

  it('removed and added cells, old order first then the new ones', () => {
    expect(d.cells[2]).toMatchObject({ post: '督导', grade: '督导助理', status: 'removed', before: '7200.00', after: null, change: null, percent: null });
    expect(d.cells[5]).toMatchObject({ post: '督导', grade: '初级督导', status: 'added', before: null, after: '9270.00', change: null });
  });

  it('a coefficient change: 0.50 → 0.52 is +0.02, 4.00 %', () => {
    expect(d.cells[3]).toMatchObject({ kind: 'coefficient', status: 'changed', change: '0.02', percent: '4.00' });
  });

  it('a cell that went from coefficient to yuan is changed but not comparable without a reference wage', () => {
    expect(d.cells[4]).toMatchObject({ kind: 'mixed', status: 'changed', before: '0.68', after: '6500.00', change: null, percent: null });
  });

  it('allowances compared by qualification and kind; counts add up', () => {
    expect(d.allowances).toEqual([
      { qualification: '社工师', kind: 'monthly', status: 'same', before: '300.00', after: '300.00', change: '0.00', percent: '0.00' },
      { qualification: '社工师', kind: 'oneOff', status: 'added', before: null, after: '3000.00', change: null, percent: null },
    ]);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 3, same: 1 });
    expect([d.from, d.to]).toEqual(['2025 版', '2026 版']);
  });

  it('a decrease is negative, rounded half away from zero: 6,250.00 → 6,200.00 is −50.00, −0.80 %', () => {
    const down = diffVersions(v('a', [{ post: 'p', grade: 'g', amount: '6250.00' }]), v('b', [{ post: 'p', grade: 'g', amount: '6200.00' }]));
    expect(down.cells[0]).toMatchObject({ change: '-50.00', percent: '-0.80' });
  });
});
