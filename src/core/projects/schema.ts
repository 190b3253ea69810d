import { z } from 'zod';
import { costLineSchema, purchaseByPostSchema, rulesSchema, staffLineSchema, taxSchema } from '../spec/budgetSpec';
import { LIMITS, ValidationError, boundedList, nonEmptyText, optionalText, periodMonths, rateText, yearMonth, zodProblems } from '../spec/fields';

/**
 * A project budget as the store keeps it: spec v1's fields, with the pay guide and the contribution
 * set referenced by id, and any later sets that take over within the period (docs/design.md §Budget spec,
 * "Stored projects"). The guide versions used are those in force during the period.
 */
export const projectSchema = z.strictObject({
  name: nonEmptyText,
  purchaser: optionalText.default(''), // 购买主体
  provider: optionalText.default(''), // 承接主体
  periodStart: yearMonth,
  periodMonths,
  guideId: z.number().int().positive(),
  contributionSetId: z.number().int().positive(),
  /** 期间内调整: further contribution sets of the same city that take over within the period (a July base reset), by id, earliest first */
  laterContributionSetIds: boundedList(z.number().int().positive(), LIMITS.contributionSets - 1).default([]),
  staff: boundedList(staffLineSchema, LIMITS.staffLines).default([]),
  costs: boundedList(costLineSchema, LIMITS.costLines).default([]),
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

/**
 * A project read back from the store, checked against today's ranges (src/core/spec/fields.ts LIMITS) before it is
 * priced: a record saved before a range existed — a head count of 1e21 — is refused with its field paths, never
 * priced into a meaningless total. Store-only fields (id, timestamps) are not the schema's and are left aside.
 */
export function checkedProject<P extends Project>(project: P): P {
  const record = project as unknown as Record<string, unknown>;
  const fields = Object.fromEntries(Object.keys(projectSchema.shape).map((k) => [k, record[k]]));
  const result = projectSchema.safeParse(fields);
  if (!result.success) throw new ValidationError(zodProblems(result.error));
  return project;
}
