import type { Community } from '../../../src/core/plan/community';
import type { PostMix } from '../../../src/core/plan/postMix';
import type { PolicyPoint } from '../../../src/core/staffing/policyPoint';
import type { ApiInput, ApiOutput } from '../../api';
import { DEFAULT_PLAN_TITLE } from '../../../src/core/excel/plan/input';
import { percentToRatio } from '../../../src/core/money/percent';
import { type History, type HistoryAction, historyReducer } from '../../components/undoHistory';
import { draftFromMix, mixFromDraft, withLineKeys, type MixDraft } from './mixDraft';

/**
 * The 区域规划 page's state and its one reducer: the community list, the rule and pricing the
 * planner picks, the projection's parameters, and the last result. `planInput` turns it into the
 * input of plan.run and plan.exportWorkbook, so the table and the workbook are always the same plan.
 */
export type Presets = ApiOutput<'staffing.presets'>;
export type PlanResult = ApiOutput<'plan.run'>;
export type PlanInput = ApiInput<'plan.run'>;
/** A saved area plan as the store hands it out (plan.get, plan.save). */
export type StoredPlan = ApiOutput<'plan.get'>;
/** What plan.save takes for the open plan. */
export type PlanSave = Extract<ApiInput<'plan.save'>, { id: number }>;

/** What the planner sets: each box of the form, as typed (a cleared number box is null). */
export interface PlanChoices {
  /** the plan's title, as typed: the workbook's title and file name ('' for DEFAULT_PLAN_TITLE) */
  title: string;
  ruleKey: string;
  point: PolicyPoint;
  date: string;
  guideId: number | null;
  contributionSetId: number | null;
  /** years of the projection (预测年数); none: no projection */
  years: number | null;
  /** the guide's yearly rise in percent as typed ("3" for 3 %), like every rate the user types */
  adjustmentPercent: string;
  stepsPerYear: number | null;
  /** headcount in the first year; none: the communities' current staff */
  start: number | null;
  addPerYear: number | null;
  capToQuota: boolean;
  /** 工会社工岗: the area's trade unions' 职工 and its 基层工会 (either may be left empty) */
  unionEmployees: number | null;
  unionBranches: number | null;
}

export interface PlanState {
  /** the saved plan open on the page (null: none yet — the first import or 新建 creates one) */
  planId: number | null;
  /** the revision the open plan was loaded or last saved at; the next save names it */
  revision: number;
  name: string;
  /** one more at each import or paste: the list is sent with the next save only when it changed */
  communitiesVersion: number;
  presets: Presets | null;
  guides: { id: number; name: string }[];
  contributionSets: { id: number; name: string }[];
  communities: Community[];
  /** the imported list's file name, '' before an import */
  fileName: string;
  choices: PlanChoices;
  /** the preset post mix chosen (its index in presets.mixes) and its lines as edited */
  mixIndex: number | null;
  mixDraft: MixDraft | null;
  result: PlanResult | null;
  /**
   * Undo and redo of what the planner edits (`PlanEdits`: the boxes and the post mix), kept by the
   * shared editor history (docs/design.md §Data flow, "Undo"); its present is the three fields above.
   * The community list, the loaded lists and the result are not steps of it.
   */
  history: Omit<History<PlanEdits>, 'present'>;
}

/** What undo and redo take back and put again: every box of the form, the mix chosen and its lines as edited. */
export type PlanEdits = Pick<PlanState, 'choices' | 'mixIndex' | 'mixDraft'>;

/** Nothing to undo or redo: a new page, or a plan just opened (as undoHistory.ts startHistory, less the present). */
function freshHistory(): PlanState['history'] {
  return { past: [], future: [], group: null, at: 0 };
}

export function initialPlanState(today: Date = new Date()): PlanState {
  return {
    planId: null,
    revision: 0,
    name: '',
    communitiesVersion: 0,
    presets: null,
    guides: [],
    contributionSets: [],
    communities: [],
    fileName: '',
    choices: {
      title: '',
      ruleKey: 'jilin',
      point: 'mid',
      date: `${today.getFullYear()}-01-01`,
      guideId: null,
      contributionSetId: null,
      years: 5,
      adjustmentPercent: '3',
      stepsPerYear: 0,
      start: null,
      addPerYear: 50,
      capToQuota: true,
      unionEmployees: null,
      unionBranches: null,
    },
    mixIndex: null,
    mixDraft: null,
    result: null,
    history: freshHistory(),
  };
}

export type PlanAction =
  | { type: 'presetsLoaded'; presets: Presets }
  | { type: 'guidesLoaded'; guides: { id: number; name: string }[] }
  | { type: 'contributionSetsLoaded'; sets: { id: number; name: string }[] }
  /** a new list replaces the old one, and the old result with it */
  | { type: 'imported'; fileName: string; communities: Community[] }
  /**
   * Boxes changed. Like every edit below it is a step of the history; typing in one box is one step
   * while no more than a second passes between keystrokes (`at`, the time of the edit in ms).
   */
  | { type: 'choose'; choices: Partial<PlanChoices>; at?: number }
  /** a preset mix (its lines become the draft), or none */
  | { type: 'chooseMix'; index: number | null; at?: number }
  /**
   * The mix's lines edited: the new draft, or a change of the draft as it is then (putting a deleted
   * line back). `group` names the box typed in ("mix.<line key>.share"); none for copying or deleting
   * a line, which are steps of their own.
   */
  | { type: 'editMix'; draft: MixDraft | ((draft: MixDraft) => MixDraft); group?: string | null; at?: number }
  /** the chosen preset's lines as they were */
  | { type: 'resetMix'; at?: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'computed'; result: PlanResult }
  /** a stored plan opened: its list and choices replace the page's; its results are computed anew */
  | { type: 'opened'; plan: StoredPlan }
  /** the open plan was saved (or renamed) and is now at `revision` */
  | { type: 'saved'; revision: number; name: string }
  /** no plan open (the open one was deleted) */
  | { type: 'closed' }
  /** rows pasted from a spreadsheet, checked, added after the list */
  | { type: 'pasted'; communities: Community[] };

/** The preset mix chosen, if the presets hold it. */
export function chosenMix(state: Pick<PlanState, 'presets' | 'mixIndex'>): PostMix | null {
  return state.mixIndex === null ? null : (state.presets?.mixes[state.mixIndex] ?? null);
}

function editsOf(state: PlanState): PlanEdits {
  return { choices: state.choices, mixIndex: state.mixIndex, mixDraft: state.mixDraft };
}

/** One step of the edits' history (undoHistory.ts), applied to the state's fields. */
function step(state: PlanState, action: HistoryAction<PlanEdits>): PlanState {
  const before = { ...state.history, present: editsOf(state) };
  const after = historyReducer(before, action);
  if (after === before) return state;
  const { present, ...history } = after;
  return { ...state, ...present, history };
}

/** An edit as a step; `group` coalesces a run of typing in one box. */
function edit(state: PlanState, update: (e: PlanEdits) => PlanEdits, group: string | null, at: number | undefined): PlanState {
  return step(state, { type: 'edit', update, group, at: at ?? 0 });
}

export function planReducer(state: PlanState, action: PlanAction): PlanState {
  switch (action.type) {
    case 'presetsLoaded':
      return { ...state, presets: action.presets };
    case 'guidesLoaded':
      return { ...state, guides: action.guides };
    case 'contributionSetsLoaded':
      return { ...state, contributionSets: action.sets };
    case 'imported':
      return { ...state, fileName: action.fileName, communities: action.communities, result: null, communitiesVersion: state.communitiesVersion + 1 };
    case 'pasted':
      return { ...state, communities: [...state.communities, ...action.communities], result: null, communitiesVersion: state.communitiesVersion + 1 };
    case 'opened': {
      const { plan } = action;
      return {
        ...state,
        planId: plan.id,
        revision: plan.revision,
        name: plan.name,
        fileName: plan.fileName,
        communities: plan.communities,
        communitiesVersion: 0,
        choices: { ...plan.choices },
        mixIndex: plan.mix ? plan.mix.presetIndex : null,
        mixDraft: plan.mix ? withLineKeys(plan.mix) : null,
        result: null,
        // another plan: nothing of the last one's edits to undo
        history: freshHistory(),
      };
    }
    case 'saved':
      return { ...state, revision: action.revision, name: action.name };
    case 'closed': {
      const fresh = initialPlanState();
      return { ...fresh, presets: state.presets, guides: state.guides, contributionSets: state.contributionSets };
    }
    case 'choose':
      return edit(state, (e) => ({ ...e, choices: { ...e.choices, ...action.choices } }), `choose.${Object.keys(action.choices).sort().join(',')}`, action.at);
    case 'chooseMix': {
      const preset = chosenMix({ presets: state.presets, mixIndex: action.index });
      return edit(state, (e) => ({ ...e, mixIndex: action.index, mixDraft: preset ? draftFromMix(preset) : null }), null, action.at);
    }
    case 'editMix': {
      const { draft } = action;
      return edit(
        state,
        (e) => {
          if (typeof draft !== 'function') return { ...e, mixDraft: draft };
          if (!e.mixDraft) return e;
          const next = draft(e.mixDraft);
          return next === e.mixDraft ? e : { ...e, mixDraft: next };
        },
        action.group ?? null,
        action.at,
      );
    }
    case 'resetMix': {
      const preset = chosenMix(state);
      return preset ? edit(state, (e) => ({ ...e, mixDraft: draftFromMix(preset) }), null, action.at) : state;
    }
    case 'undo':
    case 'redo':
      return step(state, { type: action.type });
    case 'computed':
      return { ...state, result: action.result };
  }
}

/** The communities' staff today (现有人数): the projection's first year unless the planner says otherwise. */
export function currentStaff(communities: readonly Community[]): number {
  return communities.reduce((sum, c) => sum + c.currentStaff, 0);
}

/**
 * The workbook's title: the plan's own, as the planner typed it, else a Chinese default (its sheets
 * are written in Chinese) — never the community list's file name.
 */
export function planTitle(title: string): string {
  return title.trim() || DEFAULT_PLAN_TITLE;
}

/**
 * The yearly rise as plan.run takes it, a fraction: "3" (%) → "0.03"; blank is no rise. Text that is
 * not a percentage goes as typed, for the API to refuse with the field's path.
 */
export function adjustmentRatio(percent: string): string {
  return percent.trim() === '' ? '0' : (percentToRatio(percent) ?? percent);
}

/**
 * The plan as plan.run takes it. Without both a guide and a contribution set there is no pricing
 * (quotas only) and so no projection. The edited mix lines are sent as typed: the mix's schema
 * names a bad line.
 */
export function planInput(state: PlanState): PlanInput {
  const c = state.choices;
  const preset = chosenMix(state);
  const mix = preset && state.mixDraft ? mixFromDraft(state.mixDraft, preset) : null;
  const pricing = c.guideId !== null && c.contributionSetId !== null ? { guideId: c.guideId, contributionSetId: c.contributionSetId, mix } : null;
  return {
    title: planTitle(c.title),
    rule: { key: c.ruleKey },
    point: c.point,
    date: c.date,
    communities: state.communities,
    pricing,
    union: c.unionEmployees === null && c.unionBranches === null ? null : { employees: c.unionEmployees, branches: c.unionBranches },
    projection:
      pricing && c.years
        ? {
            years: c.years,
            adjustment: adjustmentRatio(c.adjustmentPercent),
            stepsPerYear: c.stepsPerYear ?? 0,
            start: c.start ?? currentStaff(state.communities),
            addPerYear: c.addPerYear ?? 0,
            capToQuota: c.capToQuota,
          }
        : null,
  };
}

/**
 * The open plan as plan.save takes it: the boxes as typed and the mix as edited, so that nothing
 * typed is lost; the community list only when `withCommunities` (it changed since the last save).
 */
export function planSave(state: PlanState, withCommunities: boolean): PlanSave | null {
  if (state.planId === null) return null;
  const preset = chosenMix(state);
  const mix =
    state.mixIndex !== null && state.mixDraft
      ? {
          presetIndex: state.mixIndex,
          name: preset?.name ?? state.mixDraft.name,
          months: state.mixDraft.months,
          bonusMonths: state.mixDraft.bonusMonths,
          lines: state.mixDraft.lines.map(({ key: _key, ...line }) => line),
        }
      : null;
  return {
    id: state.planId,
    revision: state.revision,
    name: state.name,
    fileName: state.fileName,
    choices: state.choices,
    mix,
    ...(withCommunities ? { communities: state.communities } : {}),
  };
}

/**
 * A new plan's first save (the store names it 新区域规划, 新区域规划 2 …): the choices given — the
 * defaults for 新建, the page's boxes when an import or paste creates the plan — and its list.
 */
export function newPlan(choices: PlanChoices, communities: Community[], fileName: string): ApiInput<'plan.save'> {
  return { fileName, communities, choices, mix: null };
}

/** The sheet row the next pasted community gets: after the list's last row (row 1 is a header). */
export function nextCommunityRow(communities: readonly Community[]): number {
  return communities.reduce((max, c) => Math.max(max, c.row), 1) + 1;
}
