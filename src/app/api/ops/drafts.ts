import { z } from 'zod';
import { projectDraftRecordSchema } from '../../../core/projects/draftRecord';
import { baseRevision, noInput, recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/**
 * Project drafts (草稿): the budget editor's text as typed while it has errors, kept so no edit is
 * lost; the project itself keeps its last valid content (docs/design.md §Data flow, "Drafts").
 */
const problemCount = z.number().int().nonnegative();

export const draftOps = {
  /** every current draft without its text: which projects the list marks 草稿·有错误 */
  'drafts.list': storeOperation({
    title: '列出项目草稿',
    input: noInput,
    run: (ctx) => ctx.store.drafts.list(),
  }),
  /** the project's draft, or null when it has none or the project was saved since */
  'drafts.get': storeOperation({
    title: '读取项目草稿',
    input: z.strictObject({ projectId: id }),
    run: (ctx, input) => ctx.store.drafts.get(input.projectId),
  }),
  /** `revision`: the project's revision the editor loaded; a project saved elsewhere since is refused with CONFLICT */
  'drafts.keep': storeOperation({
    title: '保存项目草稿',
    input: z.strictObject({ projectId: id, revision: baseRevision, draft: projectDraftRecordSchema, problems: problemCount }),
    run: (ctx, input) => ctx.store.drafts.keep(input.projectId, input.revision, input.draft, input.problems),
  }),
  'drafts.discard': storeOperation({
    title: '丢弃项目草稿',
    input: z.strictObject({ projectId: id }),
    run: (ctx, input) => {
      ctx.store.drafts.discard(input.projectId);
      return { discarded: input.projectId };
    },
  }),
};
