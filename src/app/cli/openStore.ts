import { resolveDbPath } from '../../../db/paths';
import { PaybenchStore } from '../../../db/store';

/**
 * The store a command works on: `--db FILE`, else PAYBENCH_DB, else the user's data folder. A
 * database that does not exist yet is created with the embedded sample data, as the app does on
 * first start.
 */
export function openCliStore(dbFlag: string | undefined): PaybenchStore {
  return PaybenchStore.open(resolveDbPath(dbFlag));
}

/**
 * The same store, opened on first use only: a command whose inputs need no database (a spec with
 * an inline guide, a preset rule) leaves none behind. `close` is safe whether or not it was opened.
 */
export interface LazyStore {
  get: () => PaybenchStore;
  close: () => void;
}

export function lazyCliStore(dbFlag: string | undefined): LazyStore {
  let store: PaybenchStore | null = null;
  return {
    get: () => (store ??= openCliStore(dbFlag)),
    close: () => {
      store?.close();
      store = null;
    },
  };
}
