import { z } from 'zod';
import { planCertificationSchema } from '../../../core/roster/certificateRules';
import { cohortSchema } from '../../../core/roster/cohort';
import { gradingSchemeSchema } from '../../../core/roster/gradingScheme';
import { demandSchema } from '../../../core/roster/demand';
import { checkPublishedParts } from '../../../core/roster/publishedParts';
import { workerSchema } from '../../../core/roster/schema';
import { LIMITS, isoDate, nonEmptyText, optionalText, periodMonths, rateText, wholeNumber, yearMonth } from '../../../core/spec/fields';
import {
  cohortWorkbook,
  createRosterProject,
  exportRoster,
  previewRosterProject,
  gradingSchemeOf,
  planCertification,
  rosterCertificateChecks,
  workerGrading,
  importRosterFile,
  listRoster,
  previewRosterFile,
  rosterCohort,
  rosterTemplate,
  scopeText,
  statsWorkbook,
  storedRosterStats,
  updateWorker,
} from '../../services/roster';
import { filePayload } from '../files';
import { baseRevision, noInput, recordId } from '../schemas';
import { storeOperation } from './storeErrors';

/**
 * 人员名册 and 结构统计 (docs/design.md §People: roster and statistics). A file is checked whole by
 * `roster.preview` (nothing stored) and stored by `roster.import` only when every row is good;
 * 身份证号 leaves the API masked, in the grid as in every file.
 */
const file = z.strictObject({ fileName: nonEmptyText, base64: z.string() });

const filterText = nonEmptyText.nullable().default(null);
const rosterFilter = z
  .strictObject({
    district: filterText,
    street: filterText,
    community: filterText,
    certificate: filterText,
    postType: filterText,
    name: filterText,
  })
  .default({ district: null, street: null, community: null, certificate: null, postType: null, name: null });

const schemeKey = nonEmptyText.nullable().default(null);

const cohortInput = z.strictObject({
  on: isoDate,
  filter: rosterFilter,
  projection: cohortSchema,
  /** price labour from the roster under the grading scheme (when projection.labour is not given) */
  labourFromRoster: z.boolean().default(false),
  yearlyRaise: rateText.default('0'),
  scheme: schemeKey,
});

const cohortOptions = (input: z.output<typeof cohortInput>) => ({
  labourFromRoster: input.labourFromRoster,
  yearlyRaise: input.yearlyRaise,
  scheme: input.scheme,
});

/** a project built from the roster (or the filtered part): the workers priced by their own post, level, step and certificate */
const rosterProjectFields = {
  filter: rosterFilter,
  guideId: recordId,
  contributionSetId: recordId,
  periodStart: yearMonth,
  periodMonths,
};
const rosterProjectInput = z.strictObject({
  ...rosterProjectFields,
  name: nonEmptyText,
  purchaser: optionalText.default(''),
  provider: optionalText.default(''),
});

const statsInput = z.strictObject({ on: isoDate, filter: rosterFilter, demand: demandSchema.nullable().default(null) });

export const rosterOps = {
  'roster.preview': storeOperation({
    title: '检查花名册',
    input: z.strictObject({ file }),
    run: (_ctx, input) => previewRosterFile(input.file.fileName, Buffer.from(input.file.base64, 'base64')),
  }),

  'roster.import': storeOperation({
    title: '导入花名册',
    /** append: add after the stored roster (rows pasted into the grid) instead of replacing it */
    input: z.strictObject({ file, append: z.boolean().default(false) }),
    run: (ctx, input) => importRosterFile(ctx.store, input.file.fileName, Buffer.from(input.file.base64, 'base64'), input.append),
  }),

  'roster.list': storeOperation({
    title: '读取花名册',
    input: z.strictObject({
      filter: rosterFilter,
      offset: wholeNumber({ min: 0, max: 10_000_000 }).default(0),
      limit: wholeNumber({ min: 1, max: 1000 }).default(100),
    }),
    run: (ctx, input) => listRoster(ctx.store, input.filter, { offset: input.offset, limit: input.limit }),
  }),

  /** one worker saved whole at the revision the form loaded (CONFLICT otherwise) */
  'roster.update': storeOperation({
    title: '保存人员信息',
    input: z.strictObject({ id: recordId, revision: baseRevision, worker: workerSchema }),
    run: (ctx, input) => updateWorker(ctx.store, input.id, input.worker, input.revision),
  }),

  'roster.stats': storeOperation({
    title: '人员结构统计',
    input: statsInput,
    run: (ctx, input) => storedRosterStats(ctx.store, input.on, input.filter, input.demand),
  }),

  /** a published breakdown (a survey's “805 人，占 30.1%”) checked against its own total: parts that do not add up, shares misprinted */
  'roster.checkPublished': storeOperation({
    title: '核对公布的结构数字',
    input: z.strictObject({
      total: wholeNumber({ min: 1, max: 100_000_000 }),
      parts: z
        .array(
          z.strictObject({
            label: nonEmptyText,
            count: wholeNumber({ min: 0, max: 100_000_000 }),
            printedPercent: z
              .string()
              .regex(/^\d{1,3}(\.\d{1,4})?$/, '须为百分数的数字部分，如 "30.1" / a percentage without the sign')
              .nullable()
              .default(null),
          }),
        )
        .max(200),
    }),
    run: (_ctx, input) => checkPublishedParts(input.total, input.parts),
  }),

  /** head count, certificates and labour cost by year from the roster: leavers, hires, passes, against a target */
  'roster.cohort': storeOperation({
    title: '人员队伍预测',
    input: cohortInput,
    run: (ctx, input) => rosterCohort(ctx.store, input.filter, input.on, input.projection, cohortOptions(input)),
  }),

  'roster.exportCohort': storeOperation({
    title: '导出人员队伍预测表',
    input: cohortInput,
    run: async (ctx, input) =>
      filePayload(
        await cohortWorkbook(
          input.projection,
          rosterCohort(ctx.store, input.filter, input.on, input.projection, cohortOptions(input)),
          scopeText(input.filter),
        ),
      ),
  }),

  /** the grading schemes stored (the embedded sample when none is) */
  'roster.gradingSchemes': storeOperation({
    title: '读取定级晋升参数',
    input: noInput,
    run: (ctx) => {
      const stored = ctx.store.grading.list();
      return { schemes: stored.length ? stored.map((s) => ({ ...s, stored: true })) : [{ ...gradingSchemeOf(ctx.store, null), revision: 0 }] };
    },
  }),

  /** a scheme saved whole: a new key creates it; an existing one needs the revision it was read at */
  'roster.saveGradingScheme': storeOperation({
    title: '保存定级晋升参数',
    input: z.strictObject({ scheme: gradingSchemeSchema, revision: baseRevision.nullable().default(null) }),
    run: (ctx, input) =>
      input.revision === null ? ctx.store.grading.create(input.scheme) : ctx.store.grading.update(input.scheme.key, input.scheme, input.revision),
  }),

  /** one worker's level and pay year by year, with the reason for every change (定级晋升) */
  'roster.grading': storeOperation({
    title: '定级晋升',
    input: z.strictObject({
      id: recordId,
      fromYear: wholeNumber(LIMITS.year),
      years: wholeNumber({ min: 1, max: 50 }).default(10),
      changes: z
        .array(
          z.strictObject({
            year: wholeNumber(LIMITS.year),
            postType: nonEmptyText,
            level: wholeNumber({ min: 1, max: 18 }).optional(),
            secretary: z.boolean().optional(),
          }),
        )
        .max(50)
        .default([]),
      scheme: schemeKey,
    }),
    run: (ctx, input) => workerGrading(ctx.store, input),
  }),

  /** certificate rules as coded warnings: grades held without their certificate, allowances under the minimum or not rising, unknown qualifications */
  'roster.certificateChecks': storeOperation({
    title: '持证规则检查',
    input: z.strictObject({ on: isoDate, scheme: schemeKey }),
    run: (ctx, input) => rosterCertificateChecks(ctx.store, input.on, input.scheme),
  }),

  /** a plan's certification rate at its full quota against the dated targets (城市 100 %, 农村 80 %) */
  'roster.planCertification': storeOperation({
    title: '规划持证率',
    input: planCertificationSchema.extend({ scheme: schemeKey }),
    run: (ctx, input) => planCertification(ctx.store, { on: input.on, lines: input.lines }, input.scheme),
  }),

  /** the staff lines the roster gives under a guide and who cannot be priced, with the reason; stores nothing */
  'roster.projectPreview': storeOperation({
    title: '按名册测算人员经费行',
    input: z.strictObject(rosterProjectFields),
    run: (ctx, input) => previewRosterProject(ctx.store, input),
  }),

  /** 按名册生成项目: a project whose staff lines are the roster's, and its 名册附表, in one transaction */
  'roster.toProject': storeOperation({
    title: '按名册生成项目',
    input: rosterProjectInput,
    run: (ctx, input) => createRosterProject(ctx.store, input),
  }),

  'roster.template': storeOperation({
    title: '导出花名册模板',
    input: noInput,
    run: async () => filePayload(await rosterTemplate()),
  }),

  'roster.export': storeOperation({
    title: '导出花名册',
    input: z.strictObject({ filter: rosterFilter }),
    run: async (ctx, input) => filePayload(await exportRoster(ctx.store, input.filter)),
  }),

  'roster.exportStats': storeOperation({
    title: '导出人员结构统计表',
    input: statsInput,
    run: async (ctx, input) => filePayload(await statsWorkbook(storedRosterStats(ctx.store, input.on, input.filter, input.demand), scopeText(input.filter))),
  }),
};
