import type { z } from 'zod';
import { ValidationError, zodProblems } from '../../src/core/spec/fields';

/** Validates untrusted input with a schema of src/*\/schema.ts; a failure names every field path. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, pathPrefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ValidationError(
      zodProblems(result.error).map((p) => ({
        path: pathPrefix ? (p.path === '(root)' ? pathPrefix : `${pathPrefix}.${p.path}`) : p.path,
        message: p.message,
      })),
    );
  }
  return result.data;
}

export const bool = (v: unknown) => v === 1 || v === 1n || v === true;
export const now = () => new Date().toISOString();

/**
 * A stored record fed back in — a copy, an adjusted version, a project read and saved again —
 * carries the revision it was read at. The revision is the store's to give (a new record starts
 * at 1; an update names its base separately), so the field is dropped here rather than refused
 * as unknown by the record's strict schema.
 */
export function withoutRevision<T>(input: T): T {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !('revision' in input)) return input;
  const { revision: _revision, ...rest } = input as T & { revision: unknown };
  return rest as T;
}
