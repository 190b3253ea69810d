import { z } from 'zod';
import { referenceWageSchema } from '../../../core/guides/schema';
import { baseRevision, noInput, recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/** Reference wages (上年度平均工资 …) that coefficient cells multiply. */
export const referenceWageOps = {
  'referenceWages.list': storeOperation({
    title: '列出参考工资',
    input: noInput,
    run: (ctx) => ctx.store.referenceWages.list(),
  }),
  'referenceWages.create': storeOperation({
    title: '新增参考工资',
    input: referenceWageSchema,
    run: (ctx, input) => ctx.store.referenceWages.create(input),
  }),
  /** `revision`: the record's as read; one saved elsewhere since is refused with CONFLICT */
  'referenceWages.update': storeOperation({
    title: '修改参考工资',
    input: referenceWageSchema.extend({ id, revision: baseRevision }),
    run: (ctx, { id: wageId, revision, ...wage }) => ctx.store.referenceWages.update(wageId, wage, revision),
  }),
  'referenceWages.delete': storeOperation({
    title: '删除参考工资',
    input: z.strictObject({ id }),
    run: (ctx, input) => {
      ctx.store.referenceWages.delete(input.id);
      return { deleted: input.id };
    },
  }),
};
