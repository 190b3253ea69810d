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
