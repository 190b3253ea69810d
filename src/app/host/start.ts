import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveDbPath } from '../../../db/paths';
import { parseStartArgs } from './args';
import { startBrowserMode } from './browserMode';
import { electronBinary } from './electronBinary';
import { openBrowser } from './openBrowser';
import { ensureRendererBuilt } from './rendererBuild';

/**
 * `npm start`: build the renderer when missing or stale, then the desktop app when Electron's binary
 * is installed, else browser mode with one line saying so and the URL.
 */
export async function start(root: string, argv: string[]): Promise<void> {
  const args = parseStartArgs(argv);
  const dbFile = resolveDbPath(args.db);
  if (await ensureRendererBuilt(root)) console.log('已构建前端 / renderer built: dist/renderer');

  const electron = args.browserMode ? null : electronBinary(root);
  if (electron) {
    // esbuild bundles main and preload in about a second: always, so they are never stale
    const { buildElectron } = (await import(pathToFileURL(path.join(root, 'electron', 'build.mjs')).href)) as { buildElectron(): Promise<void> };
    await buildElectron();
    const child = spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, PAYBENCH_DB: dbFile } });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  const app = await startBrowserMode({ root, dbFile, port: args.port });
  console.log(`未检测到 Electron，已启用浏览器模式 / Electron not found, browser mode on: ${app.server.url}  (数据库 / DB: ${dbFile})`);
  if (args.open) openBrowser(app.server.url);
  const stop = () => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
