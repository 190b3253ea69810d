import { describe, expect, it } from 'vitest';
import { type SavedEdit, type ShownWorker, movedEdit, restoring, workerOf } from '../../renderer/pages/roster/savedEdits';

/** Undo of the roster grid's saved edits (renderer/pages/roster/savedEdits.ts): what an undo saves, and which move the history made. */
const shown = (name: string, idNumber: string | null, revision: number): ShownWorker => ({
  id: 5,
  seq: 2,
  revision,
  hasIdNumber: idNumber !== null,
  name,
  gender: null,
  birthDate: null,
  idNumber,
  education: null,
  field: null,
  title: null,
  certificate: null,
  certificateDate: null,
  postType: '副职',
  postLevel: '11级',
  step: null,
  hireDate: null,
  communityYears: null,
  community: null,
  street: null,
  district: null,
  ratings: [],
  partyPost: null,
});

describe('roster undo', () => {
  it('an edit that left the masked ID alone is undone whole: the masked number sent back keeps the stored one', () => {
    const before = shown('乙', '110***********1237', 1);
    const after = shown('乙（已核对）', '110***********1237', 2);
    expect(restoring(before, after)).toEqual({ worker: workerOf(before), idKept: false });
    expect(workerOf(before)).not.toHaveProperty('revision');
  });

  it('an ID added by the edit is taken away; an ID replaced cannot come back and the current one is kept', () => {
    expect(restoring(shown('乙', null, 1), shown('乙', '110***********1237', 2))).toMatchObject({ worker: { idNumber: null }, idKept: false });
    expect(restoring(shown('乙', '110***********1237', 1), shown('乙', '220***********5678', 2))).toMatchObject({
      worker: { name: '乙', idNumber: '220***********5678' },
      idKept: true,
    });
  });

  it('tells an undo (the log one shorter) from a redo (one longer) from anything else', () => {
    const a: SavedEdit = { id: 5, before: shown('a', null, 1), after: shown('b', null, 2) };
    const b: SavedEdit = { id: 5, before: shown('b', null, 2), after: shown('c', null, 3) };
    expect(movedEdit([a, b], [a])).toEqual({ edit: b, direction: 'undo' });
    expect(movedEdit([a], [a, b])).toEqual({ edit: b, direction: 'redo' });
    expect(movedEdit([a, b], [])).toBeNull();
  });
});
