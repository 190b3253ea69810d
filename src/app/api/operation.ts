import type { z } from 'zod';
import type { PaybenchStore } from '../../../db/store';

/**
 * One operation of the typed API: a name, the zod schema of its input, and a handler over the core
 * and the store. The same list is bound to Electron IPC and to browser mode's loopback HTTP; the
 * renderer sees only the types.
 */
export interface ApiContext {
  store: PaybenchStore;
  /** reports progress (0..1) of long work; a no-op where nobody listens */
  progress?: (fraction: number, label?: string) => void;
}

export interface Operation<S extends z.ZodType, O> {
  input: S;
  /** a short Chinese description shown in errors and docs */
  title: string;
  run(ctx: ApiContext, input: z.output<S>): O | Promise<O>;
}

export function defineOperation<S extends z.ZodType, O>(op: Operation<S, O>): Operation<S, O> {
  return op;
}

/** A file crossing the API (xlsx export/import): bytes as base64 so both IPC and JSON carry it. */
export interface FilePayload {
  fileName: string;
  base64: string;
}
