import { z } from 'zod';
import { costLineSchema, purchaseByPostSchema, rulesSchema, staffLineSchema, taxSchema } from '../spec/budgetSpec';
import { nonEmptyText, optionalText, positiveInteger, rateText, yearMonth } from '../spec/fields';

/**
 * A project budget as the store keeps it: spec v1's fields, with the pay guide and the contribution
 * set referenced by id. The guide version used is the one in force at the period's start.
 */
export const projectSchema = z.strictObject({
  name: nonEmptyText,
  purchaser: optionalText.default(''), // 购买主体
  provider: optionalText.default(''), // 承接主体
  periodStart: yearMonth,
  periodMonths: positiveInteger,
  guideId: z.number().int().positive(),
  contributionSetId: z.number().int().positive(),
  staff: z.array(staffLineSchema).default([]),
  costs: z.array(costLineSchema).default([]),
  managementRate: rateText.default('0'),
  tax: taxSchema.default({ method: 'simple', rate: '0' }),
  rules: rulesSchema.default({}),
  purchaseByPost: purchaseByPostSchema.nullable().default(null),
  notes: optionalText.default(''),
  sample: z.boolean().default(false),
});

export type Project = z.output<typeof projectSchema>;
export type ProjectInput = z.input<typeof projectSchema>;
export type StoredProject = Project & { id: number; updatedAt: string };
