import type { PaybenchStore } from '../../../db/store';
import type { BidOrigin } from '../../core/excel/budget/bidPackageSheet';
import { monthStartDate, versionInForce } from '../../core/guides/versions';
import { checkedProject } from '../../core/projects/schema';
import { serializeBudgetSpec, type BudgetSpec } from '../../core/spec/budgetSpec';
import { findGuide } from './guides';
import { writeFileAtomic } from './writeFileAtomic';

/**
 * What the store knows of a budget's guide and contribution set, for its bid package (docs/design.md §Excel
 * workbooks, "Bid package"): the guide's own name and the label of the version in force at the first month, and
 * the contribution set's name. A budget from a file with an inline guide has none: its package names the guide as
 * the file does.
 */
export function bidOriginOfProject(store: PaybenchStore, projectId: number): BidOrigin {
  const project = checkedProject(store.projects.get(projectId));
  const guide = store.guides.get(project.guideId);
  const version = versionInForce(guide.versions, monthStartDate(project.periodStart));
  return { guideName: guide.name, versionLabel: version?.label, contributionsName: store.contributionSets.get(project.contributionSetId).name };
}

/** A spec file's budget: the guide it named by `payGuide.ref`, when it did. */
export function bidOriginOfSpec(store: PaybenchStore, spec: BudgetSpec): BidOrigin | undefined {
  if (!('ref' in spec.payGuide)) return undefined;
  const guide = findGuide(store, spec.payGuide.ref);
  if (!guide) return undefined;
  return { guideName: guide.name, versionLabel: versionInForce(guide.versions, monthStartDate(spec.period.start))?.label };
}

/** The spec a workbook's bid package carries, as a JSON file (`paybench budget … --spec-out F.json`). */
export function saveSpecJson(spec: BudgetSpec, file: string): Promise<void> {
  return writeFileAtomic(file, Buffer.from(serializeBudgetSpec(spec), 'utf8'));
}
