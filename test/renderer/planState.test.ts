import { describe, expect, it } from 'vitest';
import type { Community } from '../../src/core/plan/community';
import { MIX_PRESETS, THREE_POSTS_MIX } from '../../src/core/plan/mixPresets';
import {
  COMMUNITY_RULE_PRESETS,
  certificateRule,
  ngoShareRule,
  population18Rule,
  unionBranchesRule,
  unionEmployeesRule,
} from '../../src/core/staffing/presets';
import { removeLine, restoreLine, updateLine } from '../../renderer/pages/plan/mixDraft';
import {
  initialPlanState,
  planInput,
  planReducer,
  type PlanAction,
  type PlanResult,
  type PlanState,
  type Presets,
  type StoredPlan,
} from '../../renderer/pages/plan/planState';

/**
 * The 区域规划 page as a sequence of actions: import a list, pick a rule and pricing, edit the post
 * mix; `planInput` is what plan.run and the workbook export receive.
 */

const community = (row: number, name: string, households: number, currentStaff: number): Community => ({
  row,
  name,
  district: '朝阳区',
  street: '南湖街道',
  households,
  residents: null,
  elderlyShare: null,
  urbanRural: 'urban',
  currentStaff,
  certifiedStaff: 0,
});

const LIST = [community(2, '长春路社区', 2400, 9), community(3, '新民社区', 4100, 13)];
// what staffing.presets answers on a new database
const PRESETS: Presets = {
  communityRules: [...COMMUNITY_RULE_PRESETS],
  savedRuleKeys: [],
  unitRules: {
    unionEmployees: unionEmployeesRule,
    unionBranches: unionBranchesRule,
    population: population18Rule,
    ngoShare: ngoShareRule,
    certificate: certificateRule,
  },
  mixes: MIX_PRESETS,
};

/** a saved plan as plan.get hands it out */
const STORED: StoredPlan = {
  id: 7,
  revision: 3,
  name: '南湖片区规划',
  fileName: '社区名单.csv',
  communities: LIST,
  choices: initialPlanState(new Date(2026, 4, 1)).choices,
  mix: null,
  sample: false,
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};

const run = (...actions: PlanAction[]): PlanState => actions.reduce(planReducer, initialPlanState(new Date(2026, 4, 1)));

describe('the area plan page state', () => {
  it('starts on the Jilin rule at the midpoint, on 1 January of this year, five projected years', () => {
    const s = initialPlanState(new Date(2026, 4, 1));
    // the yearly rise is typed in percent, 3 (%), and sent as the fraction 0.03
    expect(s.choices).toMatchObject({ ruleKey: 'jilin', point: 'mid', date: '2026-01-01', years: 5, adjustmentPercent: '3', addPerYear: 50, capToQuota: true });
    expect([s.communities, s.result, s.mixDraft]).toEqual([[], null, null]);
  });

  it('a new list replaces the old result', () => {
    const withResult = run({ type: 'computed', result: { totals: {} } as PlanResult });
    const s = planReducer(withResult, { type: 'imported', fileName: '社区名单.csv', communities: LIST });
    expect(s.result).toBeNull();
    expect(s.communities).toHaveLength(2);
  });

  it('without a guide and a contribution set: quotas only, no pricing and no projection', () => {
    const input = planInput(run({ type: 'imported', fileName: '社区名单.xlsx', communities: LIST }, { type: 'choose', choices: { guideId: 1 } }));
    // the workbook's title is the plan's own, never the list's file name: none typed, the Chinese default
    expect(input).toMatchObject({ title: '区域社工岗位规划', rule: { key: 'jilin' }, point: 'mid', date: '2026-01-01', pricing: null, projection: null });
    expect(input.communities).toBe(LIST);
  });

  it('priced: the projection starts from the 9 + 13 = 22 staff there now unless a start is typed', () => {
    const priced = run(
      { type: 'imported', fileName: '', communities: LIST },
      { type: 'choose', choices: { guideId: 1, contributionSetId: 2, stepsPerYear: null } },
    );
    const input = planInput(priced);
    expect(input.title).toBe('区域社工岗位规划');
    expect(planInput(planReducer(priced, { type: 'choose', choices: { title: ' 朝阳区 2026 年社工岗位规划 ' } })).title).toBe('朝阳区 2026 年社工岗位规划');
    expect(input.pricing).toEqual({ guideId: 1, contributionSetId: 2, mix: null });
    expect(input.projection).toEqual({ years: 5, adjustment: '0.03', stepsPerYear: 0, start: 22, addPerYear: 50, capToQuota: true });
    expect(planInput(planReducer(priced, { type: 'choose', choices: { start: 30 } })).projection?.start).toBe(30);
    // 2.5 % is 0.025, a blank rise is none, and text that is no percentage goes as typed for the API to refuse
    const rise = (adjustmentPercent: string) => planInput(planReducer(priced, { type: 'choose', choices: { adjustmentPercent } })).projection?.adjustment;
    expect([rise('2.5'), rise(' '), rise('3%'), rise('三')]).toEqual(['0.025', '0', '0.03', '三']);
    expect(planInput(planReducer(priced, { type: 'choose', choices: { years: null } })).projection).toBeNull();
  });

  it('a preset mix is sent under its own name until a line is edited; reset brings the preset back', () => {
    const chosen = run(
      { type: 'presetsLoaded', presets: PRESETS },
      { type: 'choose', choices: { guideId: 1, contributionSetId: 2 } },
      { type: 'chooseMix', index: 0 },
    );
    // 正职 fixed, 两委 30 %, 普通 70 %, and the fixed 专职党建 line (two party-building posts per community)
    expect(chosen.mixDraft?.lines.map((l) => l.sharePercent)).toEqual(['', '30', '70', '']);
    expect(planInput(chosen).pricing?.mix?.name).toBe(THREE_POSTS_MIX.name);

    const edited = planReducer(chosen, {
      type: 'editMix',
      draft: updateLine(updateLine(chosen.mixDraft!, 1, { sharePercent: '40' }), 2, { sharePercent: '60' }),
    });
    const mix = planInput(edited).pricing?.mix;
    expect(mix?.name).toBe(`${THREE_POSTS_MIX.name}（已调整）`);
    expect(mix?.lines.map((l) => l.share)).toEqual([undefined, '0.4', '0.6', undefined]);
    // the preset's 绩效 share stays with the edited mix, so it is priced with the performance part
    expect(mix?.performanceShare).toBe(THREE_POSTS_MIX.performanceShare);

    const reset = planReducer(edited, { type: 'resetMix' });
    expect(planInput(reset).pricing?.mix?.name).toBe(THREE_POSTS_MIX.name);
    expect(planReducer(reset, { type: 'chooseMix', index: null }).mixDraft).toBeNull();
  });

  it('undo: a run of typing in one box is one step, a choice another; redo puts them back; an opened plan starts afresh', () => {
    const at = (ms: number) => ({ at: ms });
    // 朝 … 朝阳 … 朝阳区 typed within a second of each other: one step; 下限 chosen later: another
    const typed = run(
      { type: 'choose', choices: { title: '朝' }, ...at(10_000) },
      { type: 'choose', choices: { title: '朝阳' }, ...at(10_400) },
      { type: 'choose', choices: { title: '朝阳区' }, ...at(10_900) },
      { type: 'choose', choices: { point: 'min' }, ...at(15_000) },
    );
    expect(typed.history.past).toHaveLength(2);
    const once = planReducer(typed, { type: 'undo' });
    expect([once.choices.title, once.choices.point]).toEqual(['朝阳区', 'mid']);
    const twice = planReducer(once, { type: 'undo' });
    expect([twice.choices.title, twice.choices.point]).toEqual(['', 'mid']);
    // nothing more to undo: the same state
    expect(planReducer(twice, { type: 'undo' })).toBe(twice);
    const redone = planReducer(planReducer(twice, { type: 'redo' }), { type: 'redo' });
    expect([redone.choices.title, redone.choices.point]).toEqual(['朝阳区', 'min']);
    // a pause of more than a second starts a new step in the same box
    const paused = planReducer(redone, { type: 'choose', choices: { title: '朝阳区规划' }, at: 20_000 });
    expect(planReducer(paused, { type: 'undo' }).choices.title).toBe('朝阳区');

    const opened = planReducer(paused, { type: 'opened', plan: { ...STORED, choices: { ...paused.choices, title: '另一规划' } } });
    expect([opened.history.past, opened.history.future]).toEqual([[], []]);
    expect(planReducer(opened, { type: 'undo' })).toBe(opened);
  });

  it('undo brings a deleted mix line back at its place, and undoes choosing another mix', () => {
    const chosen = run({ type: 'presetsLoaded', presets: PRESETS }, { type: 'chooseMix', index: 0, at: 1_000 });
    const lines = chosen.mixDraft!.lines;
    // 两委 30 % typed to 35, then 两委 deleted: two steps
    const typed = planReducer(chosen, {
      type: 'editMix',
      draft: updateLine(chosen.mixDraft!, 1, { sharePercent: '35' }),
      group: `mix.${lines[1]!.key}.share`,
      at: 5_000,
    });
    const removed = planReducer(typed, { type: 'editMix', draft: removeLine(typed.mixDraft!, 1), at: 6_000 });
    expect(removed.mixDraft!.lines.map((l) => l.label)).toEqual([lines[0]!.label, lines[2]!.label, lines[3]!.label]);
    const back = planReducer(removed, { type: 'undo' });
    expect(back.mixDraft!.lines.map((l) => l.key)).toEqual(lines.map((l) => l.key));
    expect(back.mixDraft!.lines[1]!.sharePercent).toBe('35');
    // and once more: the share as the preset had it
    expect(planReducer(back, { type: 'undo' }).mixDraft!.lines[1]!.sharePercent).toBe('30');

    // the notice's 撤销 puts that line back at its place even after another edit, and only once
    const edited = planReducer(removed, { type: 'choose', choices: { years: 3 }, at: 7_000 });
    const restore = (d: NonNullable<PlanState['mixDraft']>) => restoreLine(d, typed.mixDraft!.lines[1]!, 1);
    const restored = planReducer(edited, { type: 'editMix', draft: restore, at: 8_000 });
    expect(restored.mixDraft!.lines.map((l) => l.key)).toEqual(lines.map((l) => l.key));
    expect(restored.choices.years).toBe(3);
    expect(planReducer(restored, { type: 'editMix', draft: restore, at: 9_000 })).toBe(restored);

    // no mix chosen, then undone: the edited lines are back, not the preset's
    const cleared = planReducer(typed, { type: 'chooseMix', index: null, at: 10_000 });
    expect(cleared.mixDraft).toBeNull();
    expect(planReducer(cleared, { type: 'undo' }).mixDraft!.lines[1]!.sharePercent).toBe('35');
  });
});
