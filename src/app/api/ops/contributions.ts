import { z } from 'zod';
import { contributionSetSchema } from '../../../core/contributions/schema';
import { baseRevision, noInput, recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/** Contribution parameter sets (五险一金, base floor/ceiling, levies) per city and date. */
export const contributionOps = {
  'contributions.list': storeOperation({
    title: '列出社保公积金参数',
    input: noInput,
    run: (ctx) => ctx.store.contributionSets.list(),
  }),
  'contributions.get': storeOperation({
    title: '读取社保公积金参数',
    input: z.strictObject({ id }),
    run: (ctx, input) => ctx.store.contributionSets.get(input.id),
  }),
  'contributions.create': storeOperation({
    title: '新增社保公积金参数',
    input: contributionSetSchema,
    run: (ctx, input) => ctx.store.contributionSets.create(input),
  }),
  /** `revision`: the one the form loaded; a set saved elsewhere since is refused with CONFLICT */
  'contributions.update': storeOperation({
    title: '修改社保公积金参数',
    input: z.strictObject({ id, revision: baseRevision, set: contributionSetSchema }),
    run: (ctx, input) => ctx.store.contributionSets.update(input.id, input.set, input.revision),
  }),
  /** the sets a project uses, which are locked against edits in place (docs/design.md §History and locks) */
  'contributions.locks': storeOperation({
    title: '查看社保公积金参数的锁定',
    input: noInput,
    run: (ctx) => [...ctx.store.contributionSets.locks()].map(([setId, lock]) => ({ id: setId, lock })),
  }),
  'contributions.delete': storeOperation({
    title: '删除社保公积金参数',
    input: z.strictObject({ id }),
    run: (ctx, input) => {
      ctx.store.contributionSets.delete(input.id);
      return { deleted: input.id };
    },
  }),
};
