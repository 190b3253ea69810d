import { z } from 'zod';
import type { ProjectPin } from '../../../db/repos/projects';
import type { PaybenchStore } from '../../../db/store';
import type { ProjectBudgetRefs } from '../../core/budget/pipeline';
import { contributionSetSchema } from '../../core/contributions/schema';
import { type StoredGuideVersion, payGuideSchema, referenceWageSchema } from '../../core/guides/schema';
import { versionsInForceDuring } from '../../core/history/locks';
import type { Project } from '../../core/projects/schema';
import { ValidationError, zodProblems } from '../../core/spec/fields';

/**
 * What a submitted project (已提交) is priced with (docs/design.md §History and locks): not the
 * guide version in force today but the records it was submitted with — the guide versions its
 * period used, the reference wages they multiply, its contribution set — kept with the project as
 * JSON when it was submitted. A project that is not submitted is priced with what is in force.
 */
const pinnedRefsSchema = z
  .strictObject({
    guide: payGuideSchema,
    wages: z.array(referenceWageSchema),
    contributionSetId: z.number().int().positive(),
    contributionSet: contributionSetSchema,
    /** 期间内调整: the later sets and their ids, in the project's order (absent in pins made before they existed) */
    laterContributionSetIds: z.array(z.number().int().positive()).default([]),
    laterContributionSets: z.array(contributionSetSchema).default([]),
  })
  .refine((r) => r.laterContributionSetIds.length === r.laterContributionSets.length, {
    path: ['laterContributionSets'],
    message: '期间内调整的缴费参数与其编号数目不符 / later sets and their ids differ in number',
  });

/** The records a submitted project is pinned to; null when it is not submitted. */
export function pinnedRefs(store: PaybenchStore, project: { id: number }): ProjectBudgetRefs | null {
  const pin = store.projects.pin(project.id);
  if (!pin) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(pin.refsJson);
  } catch {
    parsed = null;
  }
  const result = pinnedRefsSchema.safeParse(parsed);
  if (!result.success) {
    throw new ValidationError(
      zodProblems(result.error).map((p) => ({
        path: `submitted.${p.path}`,
        message: `已提交项目所固定的计价记录已损坏，请撤回提交后重新提交：${p.message} / the pinned records are damaged`,
      })),
    );
  }
  const { guide, wages, contributionSet, contributionSetId, laterContributionSetIds, laterContributionSets } = result.data;
  return {
    guide,
    wages,
    contributionSet: { ...contributionSet, id: contributionSetId },
    laterContributionSets: laterContributionSets.map((set, i) => ({ ...set, id: laterContributionSetIds[i]! })),
  };
}

/** What a stored project would be priced with now, pin or not: the guide (version in force), every wage, its sets. */
export function inForceRefs(store: PaybenchStore, project: Pick<Project, 'guideId' | 'contributionSetId' | 'laterContributionSetIds'>): ProjectBudgetRefs {
  return {
    guide: store.guides.get(project.guideId),
    wages: store.referenceWages.list(),
    contributionSet: store.contributionSets.get(project.contributionSetId),
    laterContributionSets: project.laterContributionSetIds.map((id) => store.contributionSets.get(id)),
  };
}

/** The guide versions a project's period uses among those stored now (its first month's, and any later one it crosses). */
export function versionsUsedNow(store: PaybenchStore, project: Pick<Project, 'guideId' | 'periodStart' | 'periodMonths'>): StoredGuideVersion[] {
  const versions = versionsInForceDuring(store.guides.get(project.guideId).versions, project.periodStart, project.periodMonths);
  if (!versions.length) {
    const guide = store.guides.get(project.guideId);
    throw new ValidationError([
      { path: 'guideId', message: `指导价“${guide.name}”在 ${project.periodStart} 起的服务期内没有生效的版本 / no version in force` },
    ]);
  }
  return versions;
}

/**
 * The pin of a project as it would be made now: the versions its period uses, the wages of the
 * names they multiply, its contribution set — the records themselves, without the store's ids and
 * revisions, so that later edits of the store cannot move them.
 */
export function pinNow(
  store: PaybenchStore,
  project: Pick<Project, 'guideId' | 'contributionSetId' | 'laterContributionSetIds' | 'periodStart' | 'periodMonths'>,
): {
  pin: ProjectPin;
  refs: ProjectBudgetRefs;
  versions: StoredGuideVersion[];
} {
  const stored = store.guides.get(project.guideId);
  const versions = versionsUsedNow(store, project);
  const names = new Set(versions.map((v) => v.referenceWage).filter((n): n is string => n !== null));
  const wages = store.referenceWages
    .list()
    .filter((w) => names.has(w.name))
    .map(({ id: _id, revision: _r, ...w }) => w);
  const { id: setId, revision: _sr, ...set } = store.contributionSets.get(project.contributionSetId);
  const later = project.laterContributionSetIds.map((id) => {
    const { id: _id, revision: _r, ...rest } = store.contributionSets.get(id);
    return rest;
  });
  const guide = {
    name: stored.name,
    issuer: stored.issuer,
    region: stored.region,
    sample: stored.sample,
    versions: versions.map(({ id: _id, guideId: _g, ...v }) => withoutRevision(v)),
  };
  const laterIds = [...project.laterContributionSetIds];
  const snapshot = { guide, wages, contributionSetId: setId, contributionSet: set, laterContributionSetIds: laterIds, laterContributionSets: later };
  return {
    pin: { versionIds: versions.map((v) => v.id), contributionSetId: setId, refsJson: JSON.stringify(snapshot) },
    refs: { guide, wages, contributionSet: { ...set, id: setId }, laterContributionSets: later.map((s, i) => ({ ...s, id: laterIds[i]! })) },
    versions,
  };
}

function withoutRevision<T extends object>(v: T): Omit<T, 'revision'> {
  const { revision: _r, ...rest } = v as T & { revision?: number };
  return rest;
}
