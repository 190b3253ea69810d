import type { z } from 'zod';
import type { ApiResponse } from './errors';
import type { Operation } from './operation';
import type { Operations } from './operations';

/**
 * The renderer's view of the API: one async function per operation, typed from the list.
 * `transport` is IPC in Electron (window.paybench.call) or fetch in browser mode.
 */
type InputOf<O> = O extends Operation<infer S, unknown> ? z.input<S> : never;
type OutputOf<O> = O extends Operation<z.ZodType, infer R> ? Awaited<R> : never;

export type PaybenchApi = { [K in keyof Operations]: (input: InputOf<Operations[K]>) => Promise<OutputOf<Operations[K]>> };

export type Transport = (name: string, input: unknown) => Promise<ApiResponse>;

export class ApiCallError extends Error {
  constructor(readonly error: Extract<ApiResponse, { ok: false }>['error']) {
    super(error.message);
  }
}

export function createClient(transport: Transport): PaybenchApi {
  return new Proxy({} as PaybenchApi, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return async (input: unknown) => {
        const response = await transport(name, input);
        if (!response.ok) throw new ApiCallError(response.error);
        return response.value;
      };
    },
  });
}
