import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Real second processes on the same database file, as a second window or the CLI would be. Each
 * child script (test/db/children/*.ts) is bundled once with esbuild, the way electron/build.mjs
 * bundles the main process, so a child starts in a tenth of a second rather than tsx's two —
 * the kill loop starts dozens of them.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type ChildName = 'creator' | 'saver' | 'opener';

const bundles = new Map<ChildName, Promise<string>>();
let bundleDir: string | null = null;

export function childBundle(name: ChildName): Promise<string> {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundleDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-children-'));
    // readable by everyone: the read-only test runs its child as an unprivileged user
    fs.chmodSync(bundleDir, 0o755);
    const outfile = path.join(bundleDir, `${name}.cjs`);
    bundle = build({
      entryPoints: [path.join(ROOT, 'test', 'db', 'children', `${name}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      logLevel: 'warning',
      // db/migrate.ts finds its .sql files beside itself
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(ROOT, 'db', 'migrate.ts')).href) },
    }).then(() => outfile);
    bundles.set(name, bundle);
  }
  return bundle;
}

export function removeChildBundles(): void {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = null;
  bundles.clear();
}

export interface Child {
  process: ChildProcess;
  /** what it has printed so far */
  stdout(): string;
  /** resolves once its output contains `text` (rejects if it exits first) */
  printed(text: string): Promise<void>;
  /** its exit, with everything it printed */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts a bundled child; better-sqlite3 is found in the project's node_modules. */
export async function startChild(name: ChildName, args: string[], opts: { uid?: number; gid?: number } = {}): Promise<Child> {
  const bundle = await childBundle(name);
  const proc = spawn(process.execPath, [bundle, ...args], {
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...opts,
  });
  let stdout = '';
  let stderr = '';
  const waiting: { text: string; resolve(): void }[] = [];
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of waiting.filter((w) => stdout.includes(w.text))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    process: proc,
    stdout: () => stdout,
    printed: (text) =>
      stdout.includes(text)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiting.push({ text, resolve })),
            done.then((r) => {
              throw new Error(`子进程 ${name} 已退出（${r.code ?? r.signal}），没有输出“${text}”：${r.stderr}`);
            }),
          ]),
    done,
  };
}
