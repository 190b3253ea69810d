import fs from 'node:fs';
import { StoreError } from '../../../db/errors';
import type { AreaPlanInput, AreaPlanSummary, StoredAreaPlan } from '../../../db/repos/areaPlans';
import type { PaybenchStore } from '../../../db/store';
import { writeCommunityTemplate } from '../../core/excel/communityTemplate';
import { DEFAULT_PLAN_TITLE } from '../../core/excel/planWorkbook';
import { CommunityImportError, type CommunityImportResult, communitiesFromRows } from '../../core/excel/readers/communityImport';
import type { Community } from '../../core/plan/community';
import { planJson, projectionJson } from '../../core/plan/planJson';
import type { PostMix } from '../../core/plan/postMix';
import type { UnionCounts } from '../../core/plan/unionPosts';
import { type PlanPricing, planPricing } from '../../core/plan/pricingInputs';
import { communityQuota, prepareRule } from '../../core/plan/quota';
import { ruleParameterLines, ruleParameters } from '../../core/plan/ruleText';
import { type ComputedPlan, type PricingRecords, type ProjectionRequest, computePlanWith, planWorkbookBytesOf } from './planWorkbookJob';
import type { PolicyPoint } from '../../core/staffing/policyPoint';
import { COMMUNITY_RULE_PRESETS, communityRulePreset } from '../../core/staffing/presets';
import { type CommunityRuleSet, type CommunityRuleVersion, ruleVersionInForce } from '../../core/staffing/ruleSets';
import { ValidationError } from '../../core/spec/fields';
import { InvalidRequestError } from './errors';
import type { WorkbookFile } from './files';
import { findGuide, guideNames } from './guides';
import { type StoreSource, findByNameOrId, unlessNotFound } from './lookup';
import { ParseAbortedError, parseInWorker } from './parseInWorker';

/**
 * 岗位测算 and 区域规划 as jobs: a staffing rule (a preset or a set the user saved) and its version in
 * force on the plan's date, a community list, optionally the stored guide and contribution set to
 * price the posts with → the plan as JSON, as the plan workbook, and a multi-year projection.
 * The API and `paybench plan` both run it; they differ only in how the inputs arrive.
 */

/** A rule as a request names it: a key (preset or saved), or a whole edited set. */
export type RuleChoice = { key: string } | { ruleSet: CommunityRuleSet };

/** The community rules to choose from: the presets, then the sets the user saved. */
export function communityRuleCatalog(store: PaybenchStore): { rules: CommunityRuleSet[]; savedKeys: string[] } {
  const saved = store.ruleSets.list();
  return { rules: [...COMMUNITY_RULE_PRESETS, ...saved], savedKeys: saved.map((r) => r.key) };
}

/** A rule by key: a preset's key always means the preset; only another key needs the store. */
export function findRuleSet(key: string, store: StoreSource): CommunityRuleSet | null {
  return communityRulePreset(key) ?? store().ruleSets.findByKey(key);
}

export function resolveRule(choice: RuleChoice, store: StoreSource): CommunityRuleSet {
  if ('ruleSet' in choice) return choice.ruleSet;
  const found = findRuleSet(choice.key, store);
  if (!found) {
    const keys = communityRuleCatalog(store()).rules.map((r) => r.key);
    throw new StoreError('NOT_FOUND', `没有代号为“${choice.key}”的配备规则；可选：${keys.join('、')}`);
  }
  return found;
}

/** The version of a rule in force on a date; a date before its first version is refused as asked. */
export function ruleVersion(set: CommunityRuleSet, date: string): CommunityRuleVersion {
  try {
    return ruleVersionInForce(set, date);
  } catch (e) {
    throw new InvalidRequestError((e as Error).message);
  }
}

export type CommunityQuotaOutcome = ReturnType<typeof communityQuotaOf>;

/** One community through one rule, with the arithmetic shown step by step (岗位测算). */
export function communityQuotaOf(store: StoreSource, rule: RuleChoice, date: string, point: PolicyPoint, community: Community) {
  const set = resolveRule(rule, store);
  const version = ruleVersion(set, date);
  if (version.quota.family === 'density' && community.residents === null) throw new InvalidRequestError('该规则按常住人口测算，请填写常住人口');
  const q = communityQuota(prepareRule(version), community, point, true);
  return {
    ...q,
    rule: { key: set.key, name: set.name, version: version.label },
    parameters: ruleParameterLines(version),
    parameterItems: ruleParameters(version),
  };
}

/**
 * The stored records to price posts with: by number (the app's pickers), or by name or number as
 * typed (`fields` says where each was typed, to name it in the refusal).
 */
export type PricingChoice =
  | { guideId: number; contributionSetId: number; mix: PostMix | null }
  | { guideRef: string; contributionSetRef: string; mix: PostMix | null; fields?: { guide: string; contributionSet: string } };

export function resolvePricing(store: PaybenchStore, choice: PricingChoice, date: string): PlanPricing {
  const r = resolvePricingRecords(store, choice);
  return planPricing(r.guide, r.wages, r.contributionSet, r.mix, date);
}

/** The stored records a pricing choice names, as plain data (for the file worker). */
export function resolvePricingRecords(store: PaybenchStore, choice: PricingChoice): PricingRecords {
  if ('guideId' in choice) {
    return {
      guide: store.guides.get(choice.guideId),
      wages: store.referenceWages.list(),
      contributionSet: store.contributionSets.get(choice.contributionSetId),
      mix: choice.mix,
    };
  }
  const fields = choice.fields ?? { guide: 'guide', contributionSet: 'contributionSet' };
  const missing = (path: string, ref: string, names: string[]) =>
    new ValidationError([{ path, message: `数据库中没有“${ref}”；现有：${names.join('、') || '（无）'}` }]);
  const guide = findGuide(store, choice.guideRef);
  if (!guide) throw missing(fields.guide, choice.guideRef, guideNames(store));
  const set = findByNameOrId(
    choice.contributionSetRef,
    (name) => store.contributionSets.findByName(name),
    (id) => unlessNotFound(() => store.contributionSets.get(id)),
  );
  if (!set)
    throw missing(
      fields.contributionSet,
      choice.contributionSetRef,
      store.contributionSets.list().map((s) => s.name),
    );
  return { guide, wages: store.referenceWages.list(), contributionSet: set, mix: choice.mix };
}

export type { ComputedPlan, ProjectionRequest };

export interface PlanRequest {
  ruleSet: CommunityRuleSet;
  date: string;
  point: PolicyPoint;
  communities: readonly Community[];
  pricing: PricingChoice | null;
  /** needs pricing; ignored without */
  projection?: ProjectionRequest | null;
  /** the area's trade-union counts: 工会社工岗 on both bases (职工, 基层工会) */
  union?: UnionCounts | null;
  /** keep each community's arithmetic */
  steps: boolean;
  progress?: (fraction: number, label?: string) => void;
}

/** The plan; the store is opened only to price it. */
export function computePlan(req: PlanRequest, store: StoreSource): ComputedPlan {
  const { ruleSet } = req;
  const version = ruleVersion(ruleSet, req.date);
  const pricing = req.pricing ? resolvePricing(store(), req.pricing, req.date) : null;
  req.progress?.(0.1, '测算员额');
  return computePlanWith({ ...req, version }, pricing);
}

/**
 * The 区域规划 workbook of a plan request, computed and written in the file worker
 * (planWorkbookJob.ts): what the request names is resolved and checked here first — a rule
 * without a version in force, a guide or contribution set not stored — so those refusals name
 * their field as plan.run's do; a cancelled job writes nothing (parseInWorker.ts).
 */
export async function exportPlanWorkbook(store: PaybenchStore, req: Omit<PlanRequest, 'steps'>, planTitle?: string): Promise<WorkbookFile> {
  ruleVersion(req.ruleSet, req.date);
  const pricing = req.pricing ? resolvePricingRecords(store, req.pricing) : null;
  // priced here as well, so a guide without a version in force or a mix it cannot price is refused with its field
  if (pricing) planPricing(pricing.guide, pricing.wages, pricing.contributionSet, pricing.mix, req.date);
  const title = planTitle?.trim() || DEFAULT_PLAN_TITLE;
  const bytes = await parseInWorker({
    kind: 'planWorkbook',
    fileName: `${title}.xlsx`,
    plan: {
      title,
      ruleSet: req.ruleSet,
      date: req.date,
      point: req.point,
      communities: [...req.communities],
      pricing,
      projection: req.projection ?? null,
      union: req.union ?? null,
    },
  });
  return { fileName: `${title}.xlsx`, bytes };
}

/** Communities, streets, districts and totals as JSON (money as text with 2 decimals). */
export function planJsonOf(c: ComputedPlan) {
  return planJson(c.plan, c.pricing ? c.pricing.mix.lines.map((l) => l.label) : [], { steps: c.steps });
}

/** The above, with what the plan was priced with and the projection: what the app's 区域规划 page shows. */
export function planReportJson(c: ComputedPlan) {
  return {
    ...planJsonOf(c),
    mix: c.pricing?.mix ?? null,
    guideName: c.pricing?.guideName ?? null,
    contributionsName: c.pricing?.contributionsName ?? null,
    projection: c.projection ? projectionJson(c.projection) : null,
  };
}

/**
 * The 区域规划 workbook, named after the plan's title — the one its planner gave, else
 * DEFAULT_PLAN_TITLE; never the community list's file name.
 */
export async function planWorkbook(c: ComputedPlan, planTitle?: string): Promise<WorkbookFile> {
  const { title, bytes } = await planWorkbookBytesOf(c, planTitle);
  return { fileName: `${title}.xlsx`, bytes };
}

export { DEFAULT_PLAN_TITLE };

export async function savePlanWorkbook(c: ComputedPlan, title: string | undefined, file: string): Promise<void> {
  fs.writeFileSync(file, (await planWorkbook(c, title)).bytes);
}

/**
 * A community list (csv or xlsx, Chinese or English headers); a bad row is refused with its row and
 * column. Parsed off the host's thread, within a heap and a time limit (parseInWorker.ts).
 */
export async function importCommunityList(fileName: string, bytes: Uint8Array): Promise<CommunityImportResult> {
  try {
    return await parseInWorker({ kind: 'communityList', fileName, bytes });
  } catch (e) {
    if (e instanceof ParseAbortedError) throw new CommunityImportError([{ path: '文件', message: e.message }], false);
    throw e;
  }
}

export async function communityListTemplate(): Promise<WorkbookFile> {
  return { fileName: '社区名单模板.xlsx', bytes: await writeCommunityTemplate() };
}

// ---------------------------------------------------------------------------------------------
// Area plans as saved objects (区域规划的保存): the planner's choices and community list, kept as
// the page holds them; results are recomputed on open (docs/design.md §Data flow).

export function listAreaPlans(store: PaybenchStore): AreaPlanSummary[] {
  return store.areaPlans.list();
}

export function getAreaPlan(store: PaybenchStore, id: number): StoredAreaPlan {
  return store.areaPlans.get(id);
}

/**
 * Creates the plan (no `id`) or replaces it at the revision the page loaded (CONFLICT otherwise).
 * An update without `communities` keeps the stored list.
 */
export function saveAreaPlan(
  store: PaybenchStore,
  plan: Omit<AreaPlanInput, 'communities'> & { communities?: AreaPlanInput['communities'] },
  target: { id: number; revision: number } | null,
): StoredAreaPlan {
  if (target) return store.areaPlans.update(target.id, plan, target.revision);
  return store.areaPlans.create({ ...plan, communities: plan.communities ?? [] });
}

export function renameAreaPlan(store: PaybenchStore, id: number, name: string, revision: number): StoredAreaPlan {
  return store.areaPlans.rename(id, name, revision);
}

export function deleteAreaPlan(store: PaybenchStore, id: number): void {
  store.areaPlans.delete(id);
}

/** A copy named “<name>（副本）”, “<name>（副本 2）” … — the first that is free. */
export function duplicateAreaPlan(store: PaybenchStore, id: number): StoredAreaPlan {
  const { name } = store.areaPlans.get(id);
  const taken = new Set(store.areaPlans.list().map((p) => p.name));
  let copy = `${name}（副本）`;
  for (let n = 2; taken.has(copy); n++) copy = `${name}（副本 ${n}）`;
  return store.areaPlans.duplicate(id, copy);
}

/** A name for a new plan that no stored plan has: 新区域规划, 新区域规划 2 … */
export function freeAreaPlanName(store: PaybenchStore, base: string): string {
  const taken = new Set(store.areaPlans.list().map((p) => p.name));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
  return name;
}

/**
 * Rows pasted into the community list, under the header the planner mapped them to, checked by
 * the import's own rules (communityImport.ts): the communities, or every problem by row and column.
 */
export function checkCommunityRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  firstRow: number,
): { ok: true; communities: Community[] } | { ok: false; problems: { path: string; message: string }[]; truncated: boolean } {
  try {
    return { ok: true, communities: communitiesFromRows(header, rows, firstRow).communities };
  } catch (e) {
    if (e instanceof CommunityImportError) return { ok: false, problems: e.problems, truncated: e.truncated };
    throw e;
  }
}
