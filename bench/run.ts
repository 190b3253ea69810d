/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so RSS figures are per bench)
 * and prints their figures. A bench prints lines "name: value unit (target …) ok|FAIL" and exits 1
 * when a target is missed; this runner reports all and exits 1 if any failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`!! ${file} exited ${r.status}`);
  }
}
console.log(`\n${files.length - failed} benches met their targets, ${failed} did not`);
process.exit(failed ? 1 : 0);
