import { z } from 'zod';
import { gradingVersionSchema } from '../../../core/roster/gradingScheme';
import { isoDate, nonEmptyText } from '../../../core/spec/fields';
import { addGradingVersion, deleteGradingVersion, gradingLevelMaps, gradingSchemeView, saveGradingVersion } from '../../services/grading';
import { baseRevision } from '../schemas';
import { storeOperation } from './storeErrors';

/**
 * 定级晋升参数 edited as dated versions (docs/design.md §Grading as data, editing): read the scheme
 * with the version in force on a date, add a version (新建生效版本, a copy of the one in force),
 * save or remove a version not yet in force. A version in force is refused (LOCKED).
 */
const schemeKey = nonEmptyText;
/** 0: the embedded sample, not yet stored */
const readRevision = z.union([z.literal(0), baseRevision]);

export const gradingOps = {
  'grading.scheme': storeOperation({
    title: '读取定级晋升参数',
    input: z.strictObject({ key: schemeKey.nullable().default(null), on: isoDate }),
    run: (ctx, input) => gradingSchemeView(ctx.store, input.key, input.on),
  }),

  'grading.addVersion': storeOperation({
    title: '新建定级晋升参数生效版本',
    input: z.strictObject({ key: schemeKey, effectiveFrom: isoDate, version: gradingVersionSchema.nullable().default(null), revision: readRevision }),
    run: (ctx, input) => addGradingVersion(ctx.store, input),
  }),

  'grading.saveVersion': storeOperation({
    title: '保存定级晋升参数版本',
    input: z.strictObject({ key: schemeKey, effectiveFrom: isoDate, version: gradingVersionSchema, revision: baseRevision }),
    run: (ctx, input) => saveGradingVersion(ctx.store, input),
  }),

  'grading.deleteVersion': storeOperation({
    title: '删除定级晋升参数版本',
    input: z.strictObject({ key: schemeKey, effectiveFrom: isoDate, revision: baseRevision }),
    run: (ctx, input) => deleteGradingVersion(ctx.store, input),
  }),

  /** the 专技 level maps in force on a date, for ordering a pay ladder's grades */
  'grading.levelMaps': storeOperation({
    title: '读取专技等级对应表',
    input: z.strictObject({ on: isoDate }),
    run: (ctx, input) => gradingLevelMaps(ctx.store, input.on),
  }),
};
