import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startBrowserMode } from '../../src/app/host/browserMode';
import { buildRenderer, rendererIsStale } from '../../src/app/host/rendererBuild';

/**
 * The shared end-to-end harness: the real renderer build, browser mode in this process on a fresh
 * temporary database (seeded with the sample data, as a new user's would be), and Debian's Chromium
 * driven by playwright-core.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=zh-CN',
];

/** Builds dist/renderer when missing or stale; a lock directory keeps two test files from building at once. */
export async function ensureRenderer(): Promise<void> {
  if (process.env.PAYBENCH_E2E_NO_BUILD === '1' && fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) return;
  const lock = path.join(ROOT, 'dist', '.renderer-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // a lock older than 4 minutes belongs to a build that died
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 240_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone already */
      }
      if (Date.now() > deadline) throw new Error('等待前端构建锁超时 / timed out waiting for the renderer build lock');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (rendererIsStale(ROOT)) await buildRenderer(ROOT);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningApp {
  page: Page;
  context: BrowserContext;
  /** the address with the token (fragment) */
  url: string;
  dbFile: string;
  /** collected page errors and console errors, for tests to assert none */
  errors: string[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** start with an existing database file instead of a new one */
  dbFile?: string;
  viewport?: { width: number; height: number };
}

export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  await ensureRenderer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-e2e-'));
  const dbFile = opts.dbFile ?? path.join(tmp, 'paybench.sqlite');
  const app = await startBrowserMode({ root: ROOT, dbFile });
  const userDataDir = path.join(tmp, 'chromium-profile');
  fs.mkdirSync(userDataDir);
  let context: BrowserContext;
  try {
    // a persistent context is how playwright takes a fresh --user-data-dir of our own
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: opts.viewport ?? { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
  } catch (e) {
    await app.close();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(app.server.url);
  return {
    page,
    context,
    url: app.server.url,
    dbFile,
    errors,
    close: async () => {
      await context.close().catch(() => {});
      await app.close();
      if (!opts.dbFile) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot (the full page, or one element) to docs/screenshots/<name>.png and returns its path. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true });
  else await target.screenshot({ path: file });
  return file;
}
