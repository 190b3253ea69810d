import { StoreError } from '../../../db/errors';
import type { PaybenchStore } from '../../../db/store';

/**
 * The store, as a job asks for it: opened only when the job needs it. A budget spec with an inline
 * guide, or a plan with a preset rule and no pricing, needs no database at all; the CLI then
 * creates none. The API, which always has one open, passes `() => ctx.store`.
 */
export type StoreSource = () => PaybenchStore;

/**
 * A record the user named: by its exact name first (a name may be all digits), else by its number.
 * `byId` answers null for a number that names nothing.
 */
export function findByNameOrId<T>(ref: string, byName: (name: string) => T | null, byId: (id: number) => T | null): T | null {
  const text = ref.trim();
  const named = byName(text);
  if (named) return named;
  return /^\d+$/.test(text) ? byId(Number(text)) : null;
}

/** A repository read whose NOT_FOUND answer means "no such record" rather than a failure. */
export function unlessNotFound<T>(read: () => T): T | null {
  try {
    return read();
  } catch (e) {
    if (e instanceof StoreError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}
