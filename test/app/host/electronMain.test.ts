import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The bundled Electron main process (dist-electron/main.cjs, built here by electron/build.mjs) loaded
 * under a stand-in for the `electron` module — Electron's binary cannot be downloaded on this
 * machine. What runs is ours: the bundle, the store it opens, the IPC binding and its sender check.
 */
type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();
const webContentsHandlers = new Map<string, (event: { preventDefault(): void }) => void>();
const webContents = { id: 1, on: (event: string, handler: (event: { preventDefault(): void }) => void) => void webContentsHandlers.set(event, handler) };
/** what the native "unsaved changes" question answers: 0 = 离开, 1 = 留下 */
let leaveAnswer = 1;
let readyCallback: (() => void) | null = null;
let windowOptions: { webPreferences?: Record<string, unknown> } = {};
let loadedUrl = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-electron-main-'));
const dbFile = path.join(tmp, 'paybench.sqlite');

const fakeElectron = {
  app: {
    isPackaged: false,
    getAppPath: () => process.cwd(),
    getPath: () => tmp,
    enableSandbox() {},
    requestSingleInstanceLock: () => true,
    on() {},
    quit() {},
    whenReady: () => ({ then: (cb: () => void) => void (readyCallback = cb) }),
  },
  BrowserWindow: class {
    webContents = webContents;
    constructor(opts: typeof windowOptions) {
      windowOptions = opts;
    }
    maximize() {}
    once() {}
    on() {}
    loadURL(url: string) {
      loadedUrl = url;
      return Promise.resolve();
    }
  },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu() {} },
  dialog: {
    showMessageBoxSync: () => leaveAnswer,
    showErrorBox: (t: string, m: string) => {
      throw new Error(`${t}: ${m}`);
    },
  },
  ipcMain: { handle: (channel: string, h: Handler) => handlers.set(channel, h) },
  net: { fetch: () => Promise.resolve(new Response('')) },
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  session: {
    defaultSession: {
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
      webRequest: { onHeadersReceived() {}, onBeforeRequest() {} },
    },
  },
};

const trusted = { sender: webContents, senderFrame: { url: 'app://paybench/index.html#/projects', parent: null } };

beforeAll(async () => {
  const { buildElectron } = (await import('../../../electron/build.mjs')) as { buildElectron(): Promise<void> };
  await buildElectron();
  process.env.PAYBENCH_DB = dbFile;
  const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const original = M._load;
  M._load = function (req: string, ...rest: unknown[]) {
    return req === 'electron' ? fakeElectron : original.call(this, req, ...rest);
  };
  try {
    createRequire(import.meta.url)(path.resolve('dist-electron/main.cjs'));
  } finally {
    M._load = original;
  }
  readyCallback!();
});

afterAll(() => {
  delete process.env.PAYBENCH_DB;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('Electron main process (bundled)', () => {
  it('opens a hardened window on the app:// origin', () => {
    expect(windowOptions.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(windowOptions.webPreferences!.preload)).toMatch(/preload\.cjs$/);
    expect(loadedUrl).toBe('app://paybench/index.html#/projects');
  });

  it('creates and seeds the database named by PAYBENCH_DB (migrations found next to the bundle)', () => {
    expect(fs.existsSync(dbFile)).toBe(true);
  });

  it('binds the API to IPC: a trusted call is dispatched, with input validated', async () => {
    const call = handlers.get('paybench:call')!;
    const list = (await call(trusted, 'projects.list', {})) as { ok: boolean; value: unknown[] };
    expect(list.ok).toBe(true);
    expect(list.value.length).toBeGreaterThan(0);
    const bad = (await call(trusted, 'projects.get', { id: 'x' })) as { ok: false; error: { code: string } };
    expect(bad.error.code).toBe('INVALID_INPUT');
    const unknown = (await call(trusted, 'projects.fly', {})) as { ok: false; error: { code: string } };
    expect(unknown.error.code).toBe('UNKNOWN_OPERATION');
  });

  it('asks before a page with unsaved changes is closed or reloaded: leaving lets it go, staying keeps it', () => {
    const ask = webContentsHandlers.get('will-prevent-unload')!;
    let prevented = 0;
    const event = { preventDefault: () => void prevented++ };
    leaveAnswer = 1; // 留下: the unload stays blocked
    ask(event);
    expect(prevented).toBe(0);
    leaveAnswer = 0; // 离开: preventDefault lets the page unload
    ask(event);
    expect(prevented).toBe(1);
  });

  it('refuses calls from another page or a sub-frame', async () => {
    const call = handlers.get('paybench:call')!;
    for (const event of [
      { sender: webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: webContents, senderFrame: { url: 'app://paybench/index.html', parent: {} } },
      { sender: { id: 2 }, senderFrame: { url: 'app://paybench/index.html', parent: null } },
    ]) {
      const r = (await call(event, 'projects.list', {})) as { ok: boolean; error?: { message: string } };
      expect(r.ok).toBe(false);
      expect(r.error!.message).toContain('拒绝');
    }
  });
});
