import type { z } from 'zod';
import { StaleRevisionError, StoreError } from '../../../../db/errors';
import { InvalidRequestError } from '../../services/errors';
import { ApiFailure } from '../errors';
import { type Operation, defineOperation } from '../operation';

/**
 * An operation over the store and the services: the store's own refusals (not found, name taken,
 * still in use) and a service's refusal of a request as asked become API failures with the same
 * code, so the user sees their Chinese message as is. A save refused because the record changed
 * since it was read is a CONFLICT whose problem path is `revision`: the renderer offers to reload
 * or to keep the edits as a copy. (Neither the store nor the services import
 * the API, so the CLI can use them without loading every operation.)
 */
export function storeOperation<S extends z.ZodType, O>(op: Operation<S, O>): Operation<S, O> {
  return defineOperation({
    ...op,
    async run(ctx, input) {
      try {
        return await op.run(ctx, input);
      } catch (e) {
        if (e instanceof StaleRevisionError) throw new ApiFailure('CONFLICT', e.message, [{ path: 'revision', message: e.message }]);
        if (e instanceof StoreError) throw new ApiFailure(e.code, e.message);
        if (e instanceof InvalidRequestError) throw new ApiFailure('INVALID_INPUT', e.message);
        throw e;
      }
    },
  });
}
