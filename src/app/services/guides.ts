import { StoreError } from '../../../db/errors';
import type { GuideSummary } from '../../../db/repos/guides';
import type { PaybenchStore } from '../../../db/store';
import { guideTemplateBuffer, guideWorkbookBuffer } from '../../core/excel/guideWorkbook';
import type { ImportProblem } from '../../core/excel/readers/guideImport';
import { type AdjustOptions, type AdjustResult, adjustVersion } from '../../core/guides/adjust';
import { type VersionDiff, diffVersions } from '../../core/guides/diff';
import type { GuideVersion, StoredGuideVersion, StoredPayGuide, StoredReferenceWage } from '../../core/guides/schema';
import { referenceWageInForce, versionInForce } from '../../core/guides/versions';
import type { WorkbookFile } from './files';
import { findByNameOrId, unlessNotFound } from './lookup';
import { ParseAbortedError, parseInWorker } from './parseInWorker';

/**
 * Pay guides (薪酬指导价) as jobs: find one the user named, show or compare its versions, raise a
 * version by a percentage, and carry a version to and from the Excel template. The one place a
 * guide is looked up by name or number — a budget spec's `payGuide.ref`, `paybench guides` and the
 * plan's pricing all come here.
 */

export function listGuides(store: PaybenchStore): GuideSummary[] {
  return store.guides.list();
}

/** The names of every stored guide, for a "not found; there are: …" message. */
export function guideNames(store: PaybenchStore): string[] {
  return store.guides.list().map((g) => g.name);
}

/**
 * A guide by its exact name, else its number; with `partial`, else the one guide whose name
 * contains the text (handy at a terminal, where names are long). Null when none, or several, match.
 */
export function findGuide(store: PaybenchStore, ref: string, opts: { partial?: boolean } = {}): StoredPayGuide | null {
  const exact = findByNameOrId(
    ref,
    (name) => store.guides.findByName(name),
    (id) => unlessNotFound(() => store.guides.get(id)),
  );
  if (exact || !opts.partial) return exact;
  const hits = store.guides.list().filter((g) => g.name.includes(ref.trim()));
  return hits.length === 1 ? store.guides.get(hits[0]!.id) : null;
}

/** As findGuide with partial names, refusing (NOT_FOUND) with the guides there are. */
export function guideNamed(store: PaybenchStore, ref: string): StoredPayGuide {
  const guide = findGuide(store, ref, { partial: true });
  if (!guide) throw new StoreError('NOT_FOUND', `没有名为“${ref}”的指导价；现有：${guideNames(store).join('、') || '（无）'}`);
  return guide;
}

/** A version by its label, or the one in force on a date (YYYY-MM-DD, or YYYY-MM for its first day). */
export function versionNamed(guide: StoredPayGuide, which: string): StoredGuideVersion {
  const byLabel = guide.versions.find((v) => v.label === which);
  if (byLabel) return byLabel;
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(which)) {
    const date = which.length === 7 ? `${which}-01` : which;
    const v = versionInForce(guide.versions, date);
    if (v) return v;
    throw new StoreError(
      'NOT_FOUND',
      `“${guide.name}”在 ${date} 没有生效的版本；版本：${guide.versions.map((x) => `${x.label}（${x.effectiveFrom} 起）`).join('、')}`,
    );
  }
  throw new StoreError('NOT_FOUND', `“${guide.name}”没有名为“${which}”的版本；版本：${guide.versions.map((x) => x.label).join('、')}`);
}

export interface GuideVersionView {
  guide: StoredPayGuide;
  version: StoredGuideVersion;
  /** the reference wage its coefficient cells multiply, in force when the version takes effect; null when none applies or none is stored */
  wage: StoredReferenceWage | null;
}

/** One version of a guide named by the user (label or date), with what a reader needs to price its cells. */
export function showGuideVersion(store: PaybenchStore, ref: string, which: string): GuideVersionView {
  const guide = guideNamed(store, ref);
  const version = versionNamed(guide, which);
  const wage = version.referenceWage ? referenceWageInForce(store.referenceWages.list(), version.referenceWage, version.effectiveFrom) : null;
  return { guide, version, wage };
}

export interface GuideVersionComparison {
  from: StoredGuideVersion;
  to: StoredGuideVersion;
  diff: VersionDiff;
}

/** Two versions of one guide named by the user, cell by cell. */
export function compareGuideVersions(store: PaybenchStore, ref: string, a: string, b: string): GuideVersionComparison {
  const guide = guideNamed(store, ref);
  const from = versionNamed(guide, a);
  const to = versionNamed(guide, b);
  return { from, to, diff: diffVersions(from, to) };
}

/** Two stored versions by number, cell by cell. */
export function diffStoredVersions(store: PaybenchStore, fromVersionId: number, toVersionId: number): VersionDiff {
  return diffVersions(store.guides.getVersion(fromVersionId), store.guides.getVersion(toVersionId));
}

export type AdjustedVersion = Omit<AdjustResult, 'version'> & { version: GuideVersion | StoredGuideVersion; saved: boolean };

/** A new version: a stored one raised by a percentage; saved beside the old one unless only previewed. */
export function adjustGuideVersion(store: PaybenchStore, versionId: number, opts: AdjustOptions, save: boolean): AdjustedVersion {
  const { id: _id, guideId, ...version } = store.guides.getVersion(versionId);
  const result = adjustVersion(version, opts);
  const stored = save ? store.guides.addVersion(guideId, result.version) : null;
  return { ...result, version: stored ?? result.version, saved: stored !== null };
}

/** One stored version as the import template's workbook, to edit and import again. */
export async function guideVersionWorkbook(store: PaybenchStore, guideId: number, versionId: number): Promise<WorkbookFile> {
  const guide = store.guides.get(guideId);
  const version = guide.versions.find((v) => v.id === versionId);
  if (!version) throw new StoreError('NOT_FOUND', `指导价“${guide.name}”没有编号为 ${versionId} 的版本`);
  const { id: _id, guideId: _g, ...plain } = version;
  return { fileName: `${guide.name}-${version.label}.xlsx`, bytes: await guideWorkbookBuffer(guide, plain) };
}

export async function guideImportTemplate(): Promise<WorkbookFile> {
  return { fileName: '薪酬指导价导入模板.xlsx', bytes: await guideTemplateBuffer() };
}

export type GuideImportTarget = { mode: 'new' } | { mode: 'version'; guideId: number };

export type GuideImportOutcome =
  | { ok: true; guide: StoredPayGuide; notices: string[] }
  /** nothing was written */
  | { ok: false; problems: ImportProblem[] };

/** A filled-in template as a new guide, or as a new version of a stored one. */
export async function importGuideWorkbook(store: PaybenchStore, bytes: Uint8Array, fileName: string, target: GuideImportTarget): Promise<GuideImportOutcome> {
  // parsed off the host's thread, within a heap and a time limit (parseInWorker.ts)
  let parsed;
  try {
    parsed = await parseInWorker({ kind: 'guideWorkbook', fileName, bytes });
  } catch (e) {
    if (e instanceof ParseAbortedError) return { ok: false, problems: [{ cell: fileName, message: e.message }] };
    throw e;
  }
  if (!parsed.ok) return parsed;
  // each repository call is one transaction: the guide and its version are written together or not at all
  const guide =
    target.mode === 'new'
      ? store.guides.create({ ...parsed.guide, versions: [parsed.version] })
      : (store.guides.addVersion(target.guideId, parsed.version), store.guides.get(target.guideId));
  return { ok: true, guide, notices: parsed.notices };
}
