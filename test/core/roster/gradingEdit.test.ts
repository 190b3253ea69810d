import { describe, expect, it } from 'vitest';
import {
  type GradingScheme,
  gradingSchemeSchema,
  gradingVersionEditable,
  gradingVersionSchema,
  lockedGradingVersions,
  newGradingVersion,
  workerHistory,
} from '../../../src/core/roster/gradingScheme';
import { gradingSchemeChanges } from '../../../src/core/roster/gradingChanges';
import { GRADING_REASON_TEXT_ZH, gradingReasonSentence } from '../../../src/core/roster/gradingReasons';
import { zodProblems } from '../../../src/core/spec/fields';

// Two dated versions: 2024 (一般工作人员 1–12, anyone starts at 1) and 2027 (a 助理 holder starts at 3).
const v2024 = {
  effectiveFrom: '2024-01-01',
  source: '2024 年方案',
  bands: [
    { postType: '正职', from: 7, to: 18 },
    { postType: '一般工作人员', from: 1, to: 12 },
  ],
  yearsPerLevel: 3,
  secretaryPostType: '正职',
  startingLevels: [{ level: 1 }],
  levelPay: [{ level: 1, monthly: '5000.00' }],
};
const scheme: GradingScheme = gradingSchemeSchema.parse({ key: 'test', name: '测试参数', versions: [v2024] });

describe('新建生效版本: a copy of the version in force, under the new date', () => {
  it('copies every table of the 2024 version, dated 2027-01-01, its source left for the new document', () => {
    const next = newGradingVersion(scheme, '2027-01-01');
    expect(next).toEqual({ ...gradingVersionSchema.parse(v2024), effectiveFrom: '2027-01-01', source: '' });
    // a copy: editing it leaves the stored version as it was
    next.startingLevels[0]!.level = 3;
    expect(scheme.versions[0]!.startingLevels[0]!.level).toBe(1);
  });
});

describe('a version in force is never edited in place', () => {
  const withDraft = gradingSchemeSchema.parse({ ...scheme, versions: [v2024, { ...v2024, effectiveFrom: '2027-01-01', startingLevels: [{ level: 3 }] }] });

  it('on 2026-06-01 the 2024 version is in force (locked), the 2027 one a draft that may change', () => {
    expect(gradingVersionEditable({ effectiveFrom: '2024-01-01' }, '2026-06-01')).toBe(false);
    expect(gradingVersionEditable({ effectiveFrom: '2027-01-01' }, '2026-06-01')).toBe(true);
    const draftEdited = gradingSchemeSchema.parse({
      ...withDraft,
      versions: [v2024, { ...v2024, effectiveFrom: '2027-01-01', startingLevels: [{ level: 4 }] }],
    });
    expect(lockedGradingVersions(withDraft, draftEdited, '2026-06-01')).toEqual([]);
  });

  it('changing the 2024 starting level, or leaving the 2024 version out, names 2024-01-01', () => {
    const edited = gradingSchemeSchema.parse({ ...withDraft, versions: [{ ...v2024, startingLevels: [{ level: 2 }] }, withDraft.versions[1]] });
    expect(lockedGradingVersions(withDraft, edited, '2026-06-01')).toEqual(['2024-01-01']);
    const removed = gradingSchemeSchema.parse({ ...withDraft, versions: [withDraft.versions[1]] });
    expect(lockedGradingVersions(withDraft, removed, '2026-06-01')).toEqual(['2024-01-01']);
  });

  it('on 2027-01-01 the 2027 version is in force too and locked in its turn', () => {
    const edited = gradingSchemeSchema.parse({ ...withDraft, versions: [v2024, { ...v2024, effectiveFrom: '2027-01-01', startingLevels: [{ level: 4 }] }] });
    expect(lockedGradingVersions(withDraft, edited, '2027-01-01')).toEqual(['2027-01-01']);
  });

  it('the new version grades from its date: a worker with no level written starts at 1 in 2026 and at 3 from 2027', () => {
    const w = { postType: '一般工作人员', postLevel: null, ratings: [], certificate: null, education: null, communityYears: null };
    expect(workerHistory(withDraft, w, 2026, 1)[0]!.level).toBe(1);
    const from2027 = workerHistory(withDraft, w, 2027, 1)[0]!;
    expect(from2027.level).toBe(3);
    expect(from2027.why[0]).toEqual({
      code: 'STARTING_RULE',
      params: { rule: 1, certificate: null, educations: [], minYears: 0, postType: null, level: 3 },
    });
    expect(from2027.reasons[0]).toBe('起点定级第 1 条（其他人员）：3 级');
  });
});

describe('the edited tables are checked, each problem at its field', () => {
  const problems = (v: unknown) => zodProblems(gradingVersionSchema.safeParse(v).error!).map((p) => p.path);
  it('a level 19, a band running backwards, a negative amount, a 书记 post type with no band', () => {
    expect(problems({ ...v2024, startingLevels: [{ level: 19 }] })).toEqual(['startingLevels[0].level']);
    expect(problems({ ...v2024, levelPay: [{ level: 1, monthly: '-1' }] })).toEqual(['levelPay[0].monthly']);
    expect(problems({ ...v2024, bands: [{ postType: '正职', from: 9, to: 7 }] })).toContain('(root)');
    expect(problems({ ...v2024, yearsPerLevel: 21 })).toEqual(['yearsPerLevel']);
  });
});

describe('reasons are codes with figures; the Chinese is one table of sentences', () => {
  it('就高 on becoming 书记: 7 级 in the new post, paid at the old 11', () => {
    expect(
      gradingReasonSentence(GRADING_REASON_TEXT_ZH, {
        code: 'POST_CHANGE',
        params: { secretary: true, fromPostType: '一般工作人员', toPostType: '正职', level: 7, oldLevel: 11, keptLevel: 11 },
      }),
    ).toBe('担任书记，新岗位 7 级；就高，按原 11 级发放');
  });
});

describe('a save in the history: one row per value changed, a table row named by what identifies it', () => {
  it('the 2027 draft: rule 1 level 1 → 3 and 正职 top 18 → 16; a version added or removed is one row', () => {
    const draft = { ...v2024, effectiveFrom: '2027-01-01', source: '' };
    const before = gradingSchemeSchema.parse({ ...scheme, versions: [v2024, draft] });
    const after = gradingSchemeSchema.parse({
      ...scheme,
      versions: [v2024, { ...draft, startingLevels: [{ level: 3 }], bands: [{ postType: '正职', from: 7, to: 16 }, v2024.bands[1]] }],
    });
    expect(gradingSchemeChanges(before, after)).toEqual([
      { field: 'versions[2027-01-01].bands[正职].to', old: '18', new: '16' },
      { field: 'versions[2027-01-01].startingLevels[#1].level', old: '1', new: '3' },
    ]);
    expect(gradingSchemeChanges(scheme, before)).toEqual([{ field: 'versions[2027-01-01]', old: null, new: '自 2027-01-01 起' }]);
    expect(gradingSchemeChanges(before, scheme)).toEqual([{ field: 'versions[2027-01-01]', old: '自 2027-01-01 起', new: null }]);
  });
});
