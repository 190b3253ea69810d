// Bundles the Electron main process and preload to dist-electron/*.cjs (better-sqlite3 stays
// external: electron-builder rebuilds it for Electron's ABI), and the file-parsing worker beside
// main.cjs, where src/app/services/parseInWorker.ts looks for it. `node electron/build.mjs`
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distElectron = path.join(root, 'dist-electron');

/** `out`: another folder than dist-electron/, for a test that must not race the others' build */
export async function buildElectron(out = distElectron) {
  fs.mkdirSync(out, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    logLevel: 'warning',
    sourcemap: false,
  };
  await build({
    ...common,
    entryPoints: [path.join(root, 'electron', 'main.ts')],
    outfile: path.join(out, 'main.cjs'),
    // db/migrate.ts finds its .sql files next to itself via import.meta.url; in the bundle that is dist-electron/
    define: { 'import.meta.url': '__paybenchModuleUrl' },
    banner: { js: "const __paybenchModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({ ...common, entryPoints: [path.join(root, 'electron', 'preload.ts')], outfile: path.join(out, 'preload.cjs') });
  await build({ ...common, entryPoints: [path.join(root, 'src', 'app', 'services', 'parseWorker.ts')], outfile: path.join(out, 'parseWorker.cjs') });
  const migrations = path.join(out, 'migrations');
  fs.mkdirSync(migrations, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'db', 'migrations'))) {
    if (f.endsWith('.sql')) fs.copyFileSync(path.join(root, 'db', 'migrations', f), path.join(migrations, f));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildElectron();
  console.log('已构建 Electron 主进程与 preload / built dist-electron/main.cjs, preload.cjs');
}
