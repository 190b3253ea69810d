import { z } from 'zod';

/** Input pieces every family of operations shares. */

/** A stored record's number (编号). */
export const recordId = z.number({ error: '必须是编号 / must be an id' }).int().positive();

/** No input: `{}`, or nothing at all. */
export const noInput = z.strictObject({}).default({});
