import { z } from 'zod';
import { ONE, compare, isDecimalText, parseDecimal } from '../money/decimal';

/**
 * Field types of the budget spec and of every API input. Money and rates travel as strings so
 * that no binary floating point sits between what the user typed and the exact arithmetic.
 * Messages are Chinese first with the English contract wording after the slash.
 */
const MONEY_TEXT = /^\d+(\.\d{1,2})?$/;
const RATE_TEXT = /^\d+(\.\d{1,8})?$/;

/** Non-negative yuan with at most 2 decimals: "6500.00". */
export const moneyText = z
  .string({ error: '必须是金额文本，如 "6500.00" / must be an amount string like "6500.00"' })
  .regex(MONEY_TEXT, '必须是不小于 0、最多两位小数的金额，如 "6500.00" / must be a non-negative amount with at most 2 decimals');

/** A rate as a decimal fraction between 0 and 1: "0.16". */
export const rateText = z
  .string({ error: '必须是比例文本，如 "0.16" / must be a rate string like "0.16"' })
  .regex(RATE_TEXT, '必须是 0 到 1 之间的小数，如 "0.16" / must be a decimal rate between 0 and 1')
  .refine((s) => !isDecimalText(s) || compare(parseDecimal(s), ONE) <= 0, '必须是 0 到 1 之间的小数 / must be a decimal rate between 0 and 1');

/** A coefficient (may exceed 1): "1.35". */
export const coefficientText = z
  .string({ error: '必须是系数文本，如 "1.35" / must be a coefficient string like "1.35"' })
  .regex(RATE_TEXT, '必须是非负小数，如 "1.35" / must be a non-negative decimal');

const positiveDecimalNumber = (what: string) =>
  z
    .number({ error: `${what}必须是正数 / must be a positive number` })
    .refine((n) => Number.isFinite(n) && n > 0, `${what}必须是正数 / must be a positive number`)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, `${what}最多两位小数 / at most 2 decimals`);

export const positiveCount = positiveDecimalNumber('');
export const nonNegativeCount = z
  .number({ error: '必须是不小于 0 的数 / must be a non-negative number' })
  .refine((n) => Number.isFinite(n) && n >= 0, '必须是不小于 0 的数 / must be a non-negative number')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, '最多两位小数 / at most 2 decimals');

export const positiveInteger = z
  .number({ error: '必须是正整数 / must be a positive integer' })
  .int('必须是正整数 / must be a positive integer')
  .positive('必须是正整数 / must be a positive integer');

export const nonEmptyText = z
  .string({ error: '必须是文本 / must be text' })
  .trim()
  .min(1, '不能为空 / must not be empty')
  .max(200, '不能超过 200 个字符 / at most 200 characters');

export const optionalText = z.string({ error: '必须是文本 / must be text' }).max(2000, '不能超过 2000 个字符 / at most 2000 characters');

export const yearMonth = z
  .string({ error: '必须是年月，如 "2026-01" / must be a year-month like "2026-01"' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '必须是年月，如 "2026-01" / must be a year-month like "2026-01"');

export const isoDate = z
  .string({ error: '必须是日期，如 "2026-01-01" / must be a date like "2026-01-01"' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '必须是日期，如 "2026-01-01" / must be a date like "2026-01-01"');

/** `staff[2].count` from a zod issue path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key);
  }
  return out || '(root)';
}

export interface FieldProblem {
  path: string;
  message: string;
}

export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `未知字段 / unknown field: ${issue.keys.join(', ')}`;
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      message = '缺少必填字段 / required field is missing';
    }
    return { path: formatPath(issue.path), message };
  });
}

export class ValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'ValidationError';
  }
}

/** Contribution base floor ≤ ceiling, compared exactly (texts that are not amounts are reported by their own fields). */
export function floorNotAboveCeiling(c: { floor: string; ceiling: string }): boolean {
  if (!isDecimalText(c.floor) || !isDecimalText(c.ceiling)) return true;
  return compare(parseDecimal(c.floor), parseDecimal(c.ceiling)) <= 0;
}
