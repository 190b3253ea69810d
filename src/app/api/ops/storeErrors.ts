import type { z } from 'zod';
import { StoreError } from '../../../../db/errors';
import { ApiFailure } from '../dispatch';
import { type Operation, defineOperation } from '../operation';

/**
 * An operation over the store: the store's own refusals (not found, name taken, still in use)
 * become API failures with the same code, so the user sees the store's Chinese message as is.
 * (The store does not import the API, so the CLI can open it without loading every operation.)
 */
export function storeOperation<S extends z.ZodType, O>(op: Operation<S, O>): Operation<S, O> {
  return defineOperation({
    ...op,
    async run(ctx, input) {
      try {
        return await op.run(ctx, input);
      } catch (e) {
        if (e instanceof StoreError) throw new ApiFailure(e.code, e.message);
        throw e;
      }
    },
  });
}
