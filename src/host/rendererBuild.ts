import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether dist/renderer must be (re)built: missing, or older than any source the renderer bundles
 * (renderer/ and the pure core in src/ it imports).
 */
const SOURCE_DIRS = ['renderer', 'src'];
const SOURCE_FILES = ['vite.config.mts', 'package.json'];

function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

export function rendererIsStale(root: string): boolean {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > builtAt;
}

/** Builds the renderer with Vite's API (quietly); resolves when dist/renderer is written. */
export async function buildRenderer(root: string, quiet = true): Promise<void> {
  const { build } = await import('vite');
  // Vite follows NODE_ENV when set; under vitest it is "test", which would ship React's and antd's
  // development builds (slow, and full of console warnings). The renderer is always a production build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'vite.config.mts'), logLevel: quiet ? 'warn' : 'info', root: path.join(root, 'renderer'), mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

export async function ensureRendererBuilt(root: string): Promise<boolean> {
  if (!rendererIsStale(root)) return false;
  await buildRenderer(root);
  return true;
}
