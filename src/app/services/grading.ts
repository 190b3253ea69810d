import { localToday } from '../../../db/repos/grading';
import type { StoredGradingScheme } from '../../../db/repos/grading';
import { StoreError } from '../../../db/errors';
import type { PaybenchStore } from '../../../db/store';
import { type GradingVersionInput, gradingInForce, gradingVersionEditable, gradingVersionSchema, newGradingVersion } from '../../core/roster/gradingScheme';
import type { ProfessionalGrade } from '../../core/roster/levelMap';
import { ValidationError } from '../../core/spec/fields';
import { gradingSchemeOf } from './roster';

/**
 * Editing the grading scheme (定级晋升参数) as dated versions (docs/design.md §Grading as data,
 * editing): the scheme with the version in force on a date and which versions may still be edited
 * (those not yet in force); 新建生效版本 copies the version in force and stores it under a new date;
 * a draft version is saved or removed whole. A store still on the embedded sample (a file from
 * before grading was stored) gets the sample stored first, so an edit is never lost.
 */
export interface GradingVersionState {
  effectiveFrom: string;
  source: string;
  /** in force on the date asked about */
  inForce: boolean;
  /** not yet in force today: a draft that may be edited or removed */
  editable: boolean;
}

export interface GradingSchemeView {
  scheme: StoredGradingScheme & { stored: boolean };
  /** the scheme's number in the change history (history.list kind gradingScheme); null while not stored */
  historyId: number | null;
  today: string;
  on: string;
  versions: GradingVersionState[];
}

export function gradingSchemeView(store: PaybenchStore, key: string | null, on: string, today = localToday()): GradingSchemeView {
  const s = gradingSchemeOf(store, key);
  const scheme = { ...s, revision: s.stored ? store.grading.get(s.key).revision : 0 };
  const inForce = gradingInForce(s, on);
  return {
    scheme,
    historyId: s.stored ? store.grading.rowId(s.key) : null,
    today,
    on,
    versions: [...s.versions]
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .map((v) => ({ effectiveFrom: v.effectiveFrom, source: v.source, inForce: v === inForce, editable: gradingVersionEditable(v, today) })),
  };
}

/** the stored scheme, storing the embedded sample first when the store holds none */
function storedScheme(store: PaybenchStore, key: string): StoredGradingScheme {
  const found = store.grading.find(key);
  if (found) return found;
  const s = gradingSchemeOf(store, null);
  if (s.stored || s.key !== key) throw new StoreError('NOT_FOUND', `没有代号为“${key}”的定级晋升参数 / grading scheme not found`);
  const { sample: _sample, stored: _stored, ...scheme } = s;
  return store.grading.create(scheme, { sample: true });
}

/**
 * 新建生效版本: `version` as edited, or (none given) a copy of the version in force on its date. The
 * revision is the one the page read (0 for the embedded sample, not yet stored).
 */
export function addGradingVersion(
  store: PaybenchStore,
  input: { key: string; effectiveFrom: string; version: GradingVersionInput | null; revision: number },
): StoredGradingScheme {
  const current = storedScheme(store, input.key);
  const revision = input.revision === 0 ? current.revision : input.revision;
  const version = input.version ?? newGradingVersion(current, input.effectiveFrom);
  if (version.effectiveFrom !== input.effectiveFrom) {
    throw new ValidationError([{ path: 'version.effectiveFrom', message: `生效日期须为 ${input.effectiveFrom} / must be ${input.effectiveFrom}` }]);
  }
  return store.grading.addVersion(input.key, version, revision);
}

/** A draft version (not yet in force) saved whole; its date may move to another free date. */
export function saveGradingVersion(
  store: PaybenchStore,
  input: { key: string; effectiveFrom: string; version: GradingVersionInput; revision: number },
): StoredGradingScheme {
  const { sample: _sample, revision: _revision, ...scheme } = store.grading.get(input.key);
  if (!scheme.versions.some((v) => v.effectiveFrom === input.effectiveFrom)) {
    throw new StoreError('NOT_FOUND', `定级晋升参数“${scheme.name}”没有自 ${input.effectiveFrom} 起的版本 / no version from ${input.effectiveFrom}`);
  }
  const versions = scheme.versions.map((v) => (v.effectiveFrom === input.effectiveFrom ? gradingVersionSchema.parse(input.version) : v));
  return store.grading.update(input.key, { ...scheme, versions }, input.revision);
}

/** A draft version removed (a version in force is refused by the store: LOCKED). */
export function deleteGradingVersion(store: PaybenchStore, input: { key: string; effectiveFrom: string; revision: number }): StoredGradingScheme {
  const { sample: _sample, revision: _revision, ...scheme } = store.grading.get(input.key);
  const versions = scheme.versions.filter((v) => v.effectiveFrom !== input.effectiveFrom);
  if (versions.length === 0) throw new ValidationError([{ path: 'effectiveFrom', message: '不能删除唯一的版本 / the only version cannot be removed' }]);
  return store.grading.update(input.key, { ...scheme, versions }, input.revision);
}

/** The 专技 level maps in force on a date, one per scheme, for ordering a ladder's grades. */
export function gradingLevelMaps(store: PaybenchStore, on: string): { maps: { scheme: string; effectiveFrom: string; grades: ProfessionalGrade[] }[] } {
  const stored = store.grading.list();
  const schemes = stored.length ? stored : [gradingSchemeOf(store, null)];
  const maps = schemes.flatMap((s) => {
    const v = gradingInForce(s, on) ?? [...s.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
    return v && v.levelMap.length ? [{ scheme: s.name, effectiveFrom: v.effectiveFrom, grades: v.levelMap }] : [];
  });
  return { maps };
}
