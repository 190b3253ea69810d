import { z } from 'zod';
import { LIMITS, boundedList, coefficientText, isoDate, moneyText, nonEmptyText, optionalText, stepNumber } from '../spec/fields';

/**
 * A pay guide (薪酬指导价) as the store keeps it: a guide has dated versions; a version holds the
 * post × grade × step cells and the certificate allowances. History is data: a new version never
 * replaces the old one, and the version in force on a date is the one whose effective dates hold it.
 */

export const guideCellSchema = z
  .strictObject({
    post: nonEmptyText, // 岗位
    grade: nonEmptyText, // 等级
    step: stepNumber.default(1), // 档次
    /** fixed yuan, in the version's unit (per month or per year) */
    amount: moneyText.optional(),
    /** or a coefficient × the version's reference wage */
    coefficient: coefficientText.optional(),
  })
  .refine((c) => (c.amount === undefined) !== (c.coefficient === undefined), {
    message: '每个单元格须给出金额 amount 或系数 coefficient 之一 / give exactly one of amount or coefficient',
  });

export const guideAllowanceSchema = z.strictObject({
  qualification: nonEmptyText, // 助理社工师 / 社工师 / 高级社工师
  amount: moneyText,
  kind: z.enum(['monthly', 'oneOff']).default('monthly'), // 按月 / 一次性
});

export const guideVersionSchema = z.strictObject({
  label: nonEmptyText, // e.g. "2026 版"
  effectiveFrom: isoDate, // 生效日期
  effectiveTo: isoDate.nullable().default(null), // 失效日期 (inclusive); null = until replaced
  documentNo: optionalText.default(''), // 文号
  /** what the amounts include: 应发工资 gross pay, or 单位全部用人成本 full employer cost */
  includes: z.enum(['gross', 'employerCost']).default('gross'),
  /** the unit of fixed amounts: 元/月 or 元/年 */
  unit: z.enum(['month', 'year']).default('month'),
  /** name of the reference wage coefficient cells multiply (see referenceWageSchema) */
  referenceWage: optionalText.nullable().default(null),
  source: optionalText.default(''), // 来源
  notes: optionalText.default(''),
  cells: boundedList(guideCellSchema, LIMITS.guideRows).default([]),
  allowances: boundedList(guideAllowanceSchema, LIMITS.allowances).default([]),
});

export const payGuideSchema = z.strictObject({
  name: nonEmptyText, // 指导价名称
  issuer: optionalText.default(''), // 发布单位
  region: optionalText.default(''), // 地区
  /** true where the table is not an official one (示例数据) */
  sample: z.boolean().default(false),
  versions: boundedList(guideVersionSchema, LIMITS.guideVersions, 1, '至少要有一个版本 / at least one version'),
});

/**
 * The header of a stored guide (name, issuer, region) edited on its own: the versions are saved
 * one by one, so a rename never rewrites a table of cells.
 */
export const guideHeaderSchema = z.strictObject({
  name: nonEmptyText,
  issuer: optionalText.default(''),
  region: optionalText.default(''),
  /** omitted = keep the stored flag */
  sample: z.boolean().optional(),
});
export type GuideHeaderInput = z.input<typeof guideHeaderSchema>;

/** A reference wage such as 上年度城镇非私营单位在岗职工平均工资, dated like every parameter. */
export const referenceWageSchema = z.strictObject({
  name: nonEmptyText,
  region: optionalText.default(''),
  amount: moneyText,
  per: z.enum(['month', 'year']).default('year'),
  effectiveFrom: isoDate,
  source: optionalText.default(''),
  sample: z.boolean().default(false),
});

export type GuideCell = z.output<typeof guideCellSchema>;
export type GuideAllowance = z.output<typeof guideAllowanceSchema>;
export type GuideVersion = z.output<typeof guideVersionSchema>;
export type PayGuide = z.output<typeof payGuideSchema>;
export type ReferenceWageRecord = z.output<typeof referenceWageSchema>;

/** Stored forms carry ids. */
export type StoredGuideVersion = GuideVersion & { id: number; guideId: number };
export type StoredPayGuide = Omit<PayGuide, 'versions'> & { id: number; versions: StoredGuideVersion[] };
export type StoredReferenceWage = ReferenceWageRecord & { id: number };
