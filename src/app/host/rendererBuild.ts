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

/**
 * Builds the renderer with Vite in a child process with NODE_ENV=production: a parent such as
 * vitest sets NODE_ENV=test, which Vite would follow and ship React's and antd's development
 * builds (slow, and noisy with console warnings).
 */
export async function buildRenderer(root: string, quiet = true): Promise<void> {
  const { spawn } = await import('node:child_process');
  const { createRequire } = await import('node:module');
  const viteBin = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  const args = [viteBin, 'build', '--config', path.join(root, 'vite.config.mts'), '--mode', 'production', ...(quiet ? ['--logLevel', 'error'] : [])];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`前端构建失败（vite build 退出码 ${code}）/ renderer build failed`))));
  });
}

export async function ensureRendererBuilt(root: string): Promise<boolean> {
  if (!rendererIsStale(root)) return false;
  await buildRenderer(root);
  return true;
}
