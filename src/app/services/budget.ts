import { StoreError } from '../../../db/errors';
import type { PaybenchStore } from '../../../db/store';
import { type PricedBudget, type ProjectBudgetRefs, priceBudget, priceProject } from '../../core/budget/pipeline';
import { type WorkbookMeta, writeBudgetWorkbookFile } from '../../core/excel/budgetWorkbook';
import { monthStartDate, versionInForce } from '../../core/guides/versions';
import { type StoredProject, checkedProject } from '../../core/projects/schema';
import { guideForPeriod, inlineGuideFromVersion, projectToSpec } from '../../core/projects/toSpec';
import { type BudgetSpec, MAX_SPEC_FILE_BYTES, parseBudgetSpecBytes } from '../../core/spec/budgetSpec';
import { ValidationError } from '../../core/spec/fields';
import { type WorkbookFile, readInputFile } from './files';
import { findGuide, guideNames } from './guides';
import { type StoreSource, findByNameOrId } from './lookup';
import { parseInWorker } from './parseInWorker';
import { inForceRefs, pinnedRefs } from './pinnedRefs';

/**
 * A budget, whatever it starts from — a spec file, a spec sent to the API, a stored project — goes
 * the same way: records resolved from the store (the guide version in force at the period start,
 * the reference wages, the contribution set), then the one core chain (src/core/budget/pipeline.ts),
 * then JSON or the workbook. The CLI, the API and the app's editor therefore agree to the fen.
 */

/**
 * Replaces `payGuide: { ref }` (a guide's name, or its number) by the guide from the store: for spec v1 the version in
 * force at the period start, as v1 always meant; for spec v2 every version in force during the period (guideForPeriod).
 */
export function resolveGuideRef(store: PaybenchStore, spec: BudgetSpec): BudgetSpec {
  if (!('ref' in spec.payGuide)) return spec;
  const ref = spec.payGuide.ref;
  const guide = findGuide(store, ref);
  if (!guide) {
    throw new ValidationError([
      { path: 'payGuide.ref', message: `数据库中没有名为“${ref}”的指导价；现有：${guideNames(store).join('、') || '（无）'} / pay guide not found` },
    ]);
  }
  if (spec.version === 2) {
    const horizon = spec.staff.reduce((most, s) => Math.max(most, Math.ceil(s.months)), spec.period.months);
    return { ...spec, payGuide: guideForPeriod(guide, store.referenceWages.list(), { start: spec.period.start, months: horizon }, 'payGuide.ref').guide };
  }
  const date = monthStartDate(spec.period.start);
  const version = versionInForce(guide.versions, date);
  if (!version) {
    throw new ValidationError([{ path: 'payGuide.ref', message: `指导价“${guide.name}”在 ${date} 没有生效的版本 / no version in force on ${date}` }]);
  }
  return { ...spec, payGuide: inlineGuideFromVersion(guide, version, store.referenceWages.list(), date) };
}

/** The records a stored project is priced with besides its own lines. */
function projectRefs(store: PaybenchStore, project: StoredProject): ProjectBudgetRefs {
  // a submitted project (已提交) keeps what it was submitted with (docs/design.md §History and locks)
  const pinned = pinnedRefs(store, project);
  if (pinned) return pinned;
  return inForceRefs(store, project);
}

/** A stored project as a full spec: v1 when one guide version holds its whole period, else v2 with every version in force. */
export function projectSpec(store: PaybenchStore, projectId: number): BudgetSpec {
  const project = checkedProject(store.projects.get(projectId));
  const refs = projectRefs(store, project);
  return projectToSpec(project, refs.guide, refs.wages, refs.contributionSet, refs.laterContributionSets);
}

/** A project the user named, by name or number; refuses (NOT_FOUND) with the projects there are. */
export function projectNamed(store: PaybenchStore, ref: string): StoredProject {
  // a number that names no project is refused by the repository with that number
  const project = findByNameOrId(
    ref,
    (name) => store.projects.findByName(name),
    (id) => store.projects.get(id),
  );
  if (!project) {
    const names = store.projects.list().map((p) => p.name);
    throw new StoreError('NOT_FOUND', `数据库 ${store.file} 中没有名为“${ref}”的项目；现有：${names.join('、') || '（无）'}`);
  }
  return project;
}

/** A spec's budget; the store is opened only for a `payGuide: { ref }`. */
export function budgetOfSpec(spec: BudgetSpec, store: StoreSource): PricedBudget {
  return priceBudget('ref' in spec.payGuide ? resolveGuideRef(store(), spec) : spec);
}

/** A spec file's budget: UTF-8, UTF-16 or GBK (src/core/text/decodeText.ts), strict JSON, at most MAX_SPEC_FILE_BYTES. */
export function budgetOfSpecFile(file: string, store: StoreSource): PricedBudget {
  return budgetOfSpec(parseBudgetSpecBytes(readInputFile(file, MAX_SPEC_FILE_BYTES)), store);
}

/** A stored project's budget, read through the same records the editor prices it with. */
export function budgetOfProject(store: PaybenchStore, projectId: number): PricedBudget {
  const project = checkedProject(store.projects.get(projectId));
  return priceProject(project, projectRefs(store, project));
}

/** The auditable workbook (six sheets) of a computed budget, named after it. */
export async function budgetWorkbook(budget: PricedBudget, meta: WorkbookMeta = {}): Promise<WorkbookFile> {
  const fileName = `${budget.spec.name}-预算.xlsx`;
  // written off the host's thread (parseInWorker.ts): a 100,000-line budget takes seconds to write,
  // and browser mode's server and Electron's main process must go on answering meanwhile
  return { fileName, bytes: await parseInWorker({ kind: 'budgetWorkbook', fileName, spec: budget.spec, meta }) };
}

/** The same workbook streamed straight to a file, for budgets too large to hold twice in memory. */
export function saveBudgetWorkbook(budget: PricedBudget, file: string, meta: WorkbookMeta = {}): Promise<void> {
  return writeBudgetWorkbookFile(budget.result, budget.spec, file, meta);
}
