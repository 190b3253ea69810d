#!/usr/bin/env node
// npm start: the desktop app if Electron's binary is installed, else browser mode (src/app/host/start.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { start } = await import('../src/app/host/start.ts');
try {
  await start(root, process.argv.slice(2));
} catch (e) {
  console.error(`启动失败 / start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
