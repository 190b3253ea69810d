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
