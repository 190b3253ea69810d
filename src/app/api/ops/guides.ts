import { z } from 'zod';
import { guideHeaderSchema, guideVersionSchema, payGuideSchema } from '../../../core/guides/schema';
import { isoDate, nonEmptyText } from '../../../core/spec/fields';
import { adjustGuideVersion, diffStoredVersions } from '../../services/guides';
import { baseRevision, noInput, recordId as id } from '../schemas';
import { storeOperation } from './storeErrors';

/** Pay guides (薪酬指导价): the list, one guide, its versions, and the two guide operations. */
export const percentText = z
  .string({ error: '调整比例必须是文本，如 "3" / must be a percentage string like "3"' })
  .regex(/^-?\d{1,3}(\.\d{1,4})?$/, '调整比例必须是百分数，如 "3"、"-1.5" / must be a percentage like "3" or "-1.5"')
  .refine((p) => Number(p) > -100, '调整比例必须大于 -100 / must be above -100');

export const adjustInputSchema = z.strictObject({
  versionId: id,
  percent: percentText,
  rounding: z.enum(['yuan', 'tenYuan'], { error: 'rounding 必须是 "yuan"（到元）或 "tenYuan"（到十元）' }),
  label: nonEmptyText,
  effectiveFrom: isoDate,
  documentNo: z.string().max(200).optional(),
  allowances: z.boolean().default(false),
  /** false: only preview the new version, write nothing */
  save: z.boolean().default(true),
});

export const guideOps = {
  'guides.list': storeOperation({
    title: '列出指导价',
    input: noInput,
    run: (ctx) => ctx.store.guides.list(),
  }),
  'guides.get': storeOperation({
    title: '读取指导价',
    input: z.strictObject({ id }),
    run: (ctx, input) => ctx.store.guides.get(input.id),
  }),
  'guides.create': storeOperation({
    title: '新建指导价',
    input: payGuideSchema,
    run: (ctx, input) => ctx.store.guides.create(input),
  }),
  /** name, issuer, region; `revision` is the guide's as read (its versions keep their own) */
  'guides.update': storeOperation({
    title: '修改指导价',
    input: guideHeaderSchema.extend({ id, revision: baseRevision }),
    run: (ctx, { id: guideId, revision, ...header }) => ctx.store.guides.update(guideId, header, revision),
  }),
  'guides.delete': storeOperation({
    title: '删除指导价',
    input: z.strictObject({ id }),
    run: (ctx, input) => {
      ctx.store.guides.delete(input.id);
      return { deleted: input.id };
    },
  }),
  'guides.addVersion': storeOperation({
    title: '新增指导价版本',
    input: z.strictObject({ guideId: id, version: guideVersionSchema }),
    run: (ctx, input) => ctx.store.guides.addVersion(input.guideId, input.version),
  }),
  /** `revision`: the version's as the grid editor loaded it; a version saved elsewhere since is refused with CONFLICT */
  'guides.updateVersion': storeOperation({
    title: '修改指导价版本',
    input: z.strictObject({ versionId: id, revision: baseRevision, version: guideVersionSchema }),
    run: (ctx, input) => ctx.store.guides.updateVersion(input.versionId, input.version, input.revision),
  }),
  'guides.deleteVersion': storeOperation({
    title: '删除指导价版本',
    input: z.strictObject({ versionId: id }),
    run: (ctx, input) => {
      ctx.store.guides.deleteVersion(input.versionId);
      return { deleted: input.versionId };
    },
  }),
  'guides.adjust': storeOperation({
    title: '按比例调整指导价',
    input: adjustInputSchema,
    run: (ctx, { versionId, save, ...opts }) => adjustGuideVersion(ctx.store, versionId, opts, save),
  }),
  'guides.diff': storeOperation({
    title: '比较指导价版本',
    input: z.strictObject({ fromVersionId: id, toVersionId: id }),
    run: (ctx, input) => diffStoredVersions(ctx.store, input.fromVersionId, input.toVersionId),
  }),
};
