import { StoreError } from '../../../db/errors';
import type { PaybenchStore } from '../../../db/store';
import { type PricedBudget, priceProject } from '../../core/budget/pipeline';
import type { StaffLineJson } from '../../core/budget/resultJson';
import type { FieldChange } from '../../core/history/changes';
import { parseDecimal, sub, toFixed } from '../../core/money/decimal';
import { type StoredProject, checkedProject } from '../../core/projects/schema';
import { inForceRefs, pinNow, pinnedRefs, versionsUsedNow } from './pinnedRefs';

/**
 * 已提交 (submitted) projects (docs/design.md §History and locks): submitting pins the guide
 * versions and contribution set the project is priced with; while pinned it keeps its total
 * whatever versions are added later. When a newer version is in force, the difference is shown
 * line by line (repriceDiff) and applied only when the user confirms it (reprice) — never silently.
 */
export interface VersionRef {
  id: number;
  label: string;
  effectiveFrom: string;
}

export type SubmissionState =
  | { submitted: false }
  | {
      submitted: true;
      submittedAt: string;
      submittedBy: string;
      /** the versions and set the project is priced with */
      pinnedVersions: VersionRef[];
      contributionSet: { id: number; name: string };
      /** 期间内调整: the later sets it is priced with, earliest first (a submitted project cannot change them) */
      laterContributionSets: { id: number; name: string }[];
      /** the versions its period would use now; differs from pinnedVersions when a newer one is in force */
      versionsNow: VersionRef[];
      newerInForce: boolean;
    };

const versionRef = (v: { id: number; label: string; effectiveFrom: string }): VersionRef => ({ id: v.id, label: v.label, effectiveFrom: v.effectiveFrom });
const labels = (vs: readonly { label: string }[]) => vs.map((v) => v.label).join('、');
const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function submissionState(store: PaybenchStore, projectId: number): SubmissionState {
  const pin = store.projects.pin(projectId);
  if (!pin) return { submitted: false };
  const project = store.projects.get(projectId);
  const pinnedVersions = pin.versionIds.map((id) => versionRef(store.guides.getVersion(id)));
  let versionsNow: VersionRef[] = [];
  try {
    versionsNow = versionsUsedNow(store, project).map(versionRef);
  } catch {
    // no version in force today: nothing newer to offer
  }
  return {
    submitted: true,
    submittedAt: pin.submittedAt,
    submittedBy: pin.submittedBy,
    pinnedVersions,
    contributionSet: { id: pin.contributionSetId, name: store.contributionSets.get(pin.contributionSetId).name },
    laterContributionSets: project.laterContributionSetIds.map((id) => ({ id, name: store.contributionSets.get(id).name })),
    versionsNow,
    newerInForce:
      versionsNow.length > 0 &&
      !sameIds(
        pin.versionIds,
        versionsNow.map((v) => v.id),
      ),
  };
}

function priced(project: StoredProject, refs: Parameters<typeof priceProject>[1]): PricedBudget {
  return priceProject(checkedProject(project), refs);
}

/** Marks the project 已提交, pinned to what it is priced with now; refused when it cannot be priced. */
export function submitProject(store: PaybenchStore, projectId: number): SubmissionState {
  store.projects.setPin(projectId, 'submit', (project) => {
    const now = pinNow(store, project);
    const budget = priced(project, now.refs);
    const changes: FieldChange[] = [
      { field: 'guideVersion', old: null, new: labels(now.versions) },
      { field: 'contributionSet', old: null, new: [now.refs.contributionSet, ...(now.refs.laterContributionSets ?? [])].map((s) => s.name).join('、') },
      { field: 'total', old: null, new: budget.json.total },
    ];
    return { pin: now.pin, changes };
  });
  return submissionState(store, projectId);
}

/** 撤回提交: priced with what is in force again, and editable. */
export function withdrawProject(store: PaybenchStore, projectId: number): SubmissionState {
  store.projects.withdraw(projectId);
  return submissionState(store, projectId);
}

export interface RepriceLine {
  /** the staff line's position, from 0 */
  index: number;
  post: string;
  grade: string;
  step: number;
  count: string;
  oldMonthly: string;
  newMonthly: string;
  oldLabour: string;
  newLabour: string;
  /** newLabour − oldLabour */
  difference: string;
}

export interface RepriceAmount {
  old: string;
  new: string;
  difference: string;
}

export interface RepriceDiff {
  pinnedVersions: VersionRef[];
  versionsNow: VersionRef[];
  newerInForce: boolean;
  /** staff lines whose monthly pay or labour would change */
  lines: RepriceLine[];
  labour: RepriceAmount;
  managementFee: RepriceAmount;
  tax: RepriceAmount;
  total: RepriceAmount;
}

const money = (a: string, b: string): RepriceAmount => ({ old: a, new: b, difference: toFixed(sub(parseDecimal(b), parseDecimal(a)), 2) });

/** The submitted project priced as pinned and as it would be with what is in force now, line by line. */
export function repriceDiff(store: PaybenchStore, projectId: number): RepriceDiff {
  const project = store.projects.get(projectId);
  const pinned = pinnedRefs(store, project);
  if (!pinned) throw new StoreError('CONFLICT', `项目“${project.name}”尚未提交，它总是按当前生效的版本计价 / not submitted`);
  const state = submissionState(store, projectId);
  const before = priced(project, pinned).json;
  const after = priced(project, inForceRefs(store, project)).json;
  const staff = (json: typeof before) => json.lines.filter((l): l is StaffLineJson => l.kind === 'staff');
  const afterLines = staff(after);
  const lines: RepriceLine[] = [];
  staff(before).forEach((a, i) => {
    const b = afterLines[i]!;
    if (a.monthly === b.monthly && a.labour === b.labour) return;
    lines.push({
      index: a.index,
      post: a.post,
      grade: a.grade,
      step: a.step,
      count: a.count,
      oldMonthly: a.monthly,
      newMonthly: b.monthly,
      oldLabour: a.labour,
      newLabour: b.labour,
      difference: toFixed(sub(parseDecimal(b.labour), parseDecimal(a.labour)), 2),
    });
  });
  return {
    pinnedVersions: state.submitted ? state.pinnedVersions : [],
    versionsNow: state.submitted ? state.versionsNow : [],
    newerInForce: state.submitted && state.newerInForce,
    lines,
    labour: money(before.labour, after.labour),
    managementFee: money(before.managementFee, after.managementFee),
    tax: money(before.tax, after.tax),
    total: money(before.total, after.total),
  };
}

/**
 * Applies the re-pricing the user saw: the project is pinned to what is in force now. `expectedTotal`
 * is the new total repriceDiff showed; if the store has changed since (another version, another
 * wage), the total differs and nothing is written (CONFLICT), so what is applied is what was shown.
 */
export function repriceProject(store: PaybenchStore, projectId: number, expectedTotal: string): SubmissionState {
  store.projects.setPin(projectId, 'reprice', (project, current) => {
    const oldVersions = (current?.versionIds ?? []).map((id) => store.guides.getVersion(id));
    const oldTotal = priced(project, pinnedRefs(store, project)!).json.total;
    const now = pinNow(store, project);
    const total = priced(project, now.refs).json.total;
    if (total !== expectedTotal) {
      throw new StoreError(
        'CONFLICT',
        `项目“${project.name}”按当前生效版本计价为 ${total}，与确认时看到的 ${expectedTotal} 不同（其间数据已变化），没有重新计价；请重新查看差异后再确认 / the figures changed since you looked; nothing was changed`,
      );
    }
    const changes: FieldChange[] = [
      { field: 'guideVersion', old: labels(oldVersions), new: labels(now.versions) },
      { field: 'total', old: oldTotal, new: total },
    ].filter((c) => c.old !== c.new);
    return { pin: now.pin, changes };
  });
  return submissionState(store, projectId);
}
