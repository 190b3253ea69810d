import { z } from 'zod';

/** Input pieces every family of operations shares. */

/** A stored record's number (编号). */
export const recordId = z.number({ error: '必须是编号 / must be an id' }).int().positive();

/**
 * The revision a save is based on: the one the form read. The store refuses a save whose record has
 * moved on since (saved in another window or instance), so nothing is overwritten unseen.
 */
export const baseRevision = z.number({ error: '必须是修订号：读取记录时得到的 revision / must be the revision the record was read at' }).int().positive();

/** No input: `{}`, or nothing at all. */
export const noInput = z.strictObject({}).default({});
