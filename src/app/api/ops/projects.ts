import { z } from 'zod';
import { projectSchema } from '../../../core/projects/schema';
import { moneyText, nonEmptyText } from '../../../core/spec/fields';
import { budgetOfProject, projectSpec } from '../../services/budget';
import { projectSummaries } from '../../services/projectSummaries';
import { pinnedRefs } from '../../services/pinnedRefs';
import { repriceDiff, repriceProject, submissionState, submitProject, withdrawProject } from '../../services/submission';
import { baseRevision, noInput, recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/** Stored project budgets: CRUD, the resolved spec v1, and the computed budget. */
export const projectOps = {
  'projects.list': storeOperation({
    title: '列出项目',
    input: noInput,
    run: (ctx) => ctx.store.projects.list(),
  }),
  /** every project priced, for the list: total, check counts, version in force — or why it cannot be priced */
  'projects.summaries': storeOperation({
    title: '列出项目及其预算',
    input: noInput,
    run: (ctx) => projectSummaries(ctx.store),
  }),
  'projects.get': storeOperation({
    title: '读取项目',
    input: z.strictObject({ id }),
    run: (ctx, input) => ctx.store.projects.get(input.id),
  }),
  'projects.create': storeOperation({
    title: '新建项目',
    input: projectSchema,
    run: (ctx, input) => ctx.store.projects.create(input),
  }),
  /** `revision`: the one the editor loaded; a project saved elsewhere since is refused with CONFLICT */
  'projects.update': storeOperation({
    title: '保存项目',
    input: z.strictObject({ id, revision: baseRevision, project: projectSchema }),
    run: (ctx, input) => ctx.store.projects.update(input.id, input.project, input.revision),
  }),
  /** create when `id` is absent, else replace (then `revision` is required, as for projects.update): what a form's 保存 button calls */
  'projects.save': storeOperation({
    title: '保存项目',
    input: z
      .strictObject({ id: id.optional(), revision: baseRevision.optional(), project: projectSchema })
      .refine((i) => i.id === undefined || i.revision !== undefined, {
        path: ['revision'],
        message: '保存已有项目须给出读取时的修订号 revision / revision is required with id',
      }),
    run: (ctx, input) =>
      input.id === undefined ? ctx.store.projects.create(input.project) : ctx.store.projects.update(input.id, input.project, input.revision!),
  }),
  'projects.duplicate': storeOperation({
    title: '复制项目',
    input: z.strictObject({ id, name: nonEmptyText }),
    run: (ctx, input) => ctx.store.projects.duplicate(input.id, input.name),
  }),
  'projects.delete': storeOperation({
    title: '删除项目',
    input: z.strictObject({ id }),
    run: (ctx, input) => {
      ctx.store.projects.delete(input.id);
      return { deleted: input.id };
    },
  }),
  'projects.spec': storeOperation({
    title: '导出项目预算规格',
    input: z.strictObject({ id }),
    run: (ctx, input) => projectSpec(ctx.store, input.id),
  }),
  /** 已提交 or not; when submitted, the versions it is pinned to and whether a newer one is in force (docs/design.md §History and locks) */
  'projects.submission': storeOperation({
    title: '查看项目提交状态',
    input: z.strictObject({ id }),
    run: (ctx, input) => submissionState(ctx.store, input.id),
  }),
  /** marks the project 已提交: priced from now on with the guide versions and contribution set in force now */
  'projects.submit': storeOperation({
    title: '提交项目',
    input: z.strictObject({ id }),
    run: (ctx, input) => submitProject(ctx.store, input.id),
  }),
  /** 撤回提交: priced with what is in force again, and editable */
  'projects.withdraw': storeOperation({
    title: '撤回项目提交',
    input: z.strictObject({ id }),
    run: (ctx, input) => withdrawProject(ctx.store, input.id),
  }),
  /** a submitted project as pinned and as it would be priced now: each staff line's monthly pay and labour, and the totals */
  /** what a submitted project is priced with (its pinned guide, wages and contribution set); null when not submitted */
  'projects.pinnedRefs': storeOperation({
    title: '读取已提交项目的计价记录',
    input: z.strictObject({ id }),
    run: (ctx, input) => pinnedRefs(ctx.store, { id: input.id }),
  }),
  'projects.repriceDiff': storeOperation({
    title: '比较重新计价的差异',
    input: z.strictObject({ id }),
    run: (ctx, input) => repriceDiff(ctx.store, input.id),
  }),
  /** applies the re-pricing shown: `expectedTotal` is repriceDiff's new total; refused (CONFLICT) if the figures have moved since */
  'projects.reprice': storeOperation({
    title: '按新版本重新计价',
    input: z.strictObject({ id, expectedTotal: moneyText }),
    run: (ctx, input) => repriceProject(ctx.store, input.id, input.expectedTotal),
  }),
  'projects.compute': storeOperation({
    title: '计算项目预算',
    input: z.strictObject({ id }),
    run: (ctx, input) => budgetOfProject(ctx.store, input.id).json,
  }),
};
