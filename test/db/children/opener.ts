import { StoreOpenError } from '../../../db/errors';
import { PaybenchStore } from '../../../db/store';

/**
 * Opens a database as a user who may not be able to write there (test/db/openStore.test.ts runs it
 * as an unprivileged user when the tests run as root, whom no permission stops), and saves one
 * record (a reference wage in force from DATE). Prints one JSON line: `{ ok: true }`, or how the
 * store refused.
 *   opener FILE [DATE]
 */
const [file, date = '2030-01-01'] = process.argv.slice(2) as [string, string?];
try {
  const store = PaybenchStore.open(file);
  store.referenceWages.create({ name: '上年度平均工资', amount: '120000.00', effectiveFrom: date });
  store.close();
  process.stdout.write(JSON.stringify({ ok: true }) + '\n');
} catch (e) {
  const problem = e instanceof StoreOpenError ? e.problem : null;
  process.stdout.write(JSON.stringify({ ok: false, problem, message: e instanceof Error ? e.message : String(e) }) + '\n');
}
