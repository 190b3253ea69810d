import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, net, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../src/app/api/dispatch';
import { safeFileName } from '../src/app/api/files';
import type { FilePayload } from '../src/app/api/operation';
import { contentSecurityPolicy } from '../src/app/host/csp';
import { staticFile } from '../src/app/host/staticFiles';
import { writeFileAtomic } from '../src/app/services/writeFileAtomic';
import { resolveDbPath } from '../db/paths';
import { PaybenchStore } from '../db/store';
import { CHANNELS, type FileFilter } from './bridge';
import { buildMenu } from './menu';
import { loadWindowState, saveWindowState } from './windowState';

/**
 * The desktop shell: one hardened window on the app's own app:// origin, the API list bound to IPC,
 * native dialogs for workbooks. Everything the renderer may do goes through dispatch, which
 * validates every input against the operation's schema.
 */
const SCHEME = 'app';
const ORIGIN = `${SCHEME}://paybench`;
const ROOT = app.isPackaged ? app.getAppPath() : path.resolve(__dirname, '..');
const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
const MAX_FILE_BYTES = 20 * 1024 * 1024;

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }]);

let mainWindow: BrowserWindow | null = null;
let store: PaybenchStore | null = null;

function dbFileArg(): string | null {
  const i = process.argv.indexOf('--db');
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

/**
 * Whether a URL is on the app's own origin. Node's URL gives custom schemes the origin "null", so
 * scheme and host are compared instead.
 */
function isOwnUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${SCHEME}:` && u.host === 'paybench';
  } catch {
    return false;
  }
}

/** Only our own window's top frame, showing our own origin, may call. */
function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return mainWindow !== null && event.sender === mainWindow.webContents && frame !== null && frame.parent === null && isOwnUrl(frame.url);
}

function isFilePayload(v: unknown): v is FilePayload {
  const p = v as FilePayload;
  return (
    typeof p === 'object' && p !== null && typeof p.fileName === 'string' && typeof p.base64 === 'string' && p.base64.length <= (MAX_FILE_BYTES * 4) / 3 + 4
  );
}

function registerIpc(): void {
  ipcMain.handle(CHANNELS.call, async (event, name: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'FAILED', message: '拒绝来自未知页面的调用', problems: [] } };
    if (typeof name !== 'string') return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: '操作名称必须是文本', problems: [] } };
    return dispatch({ store: store! }, name, input);
  });

  ipcMain.handle(CHANNELS.saveFile, async (event, payload: unknown) => {
    if (!trusted(event) || !mainWindow || !isFilePayload(payload)) return null;
    const safeName = safeFileName(path.basename(payload.fileName));
    const result = await dialog.showSaveDialog(mainWindow, {
      title: '保存工作簿',
      defaultPath: path.join(app.getPath('documents'), safeName),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    if (result.canceled || !result.filePath) return null;
    // replacing a workbook: the old one stays whole until the new one is (writeFileAtomic)
    await writeFileAtomic(result.filePath, Buffer.from(payload.base64, 'base64'));
    return result.filePath;
  });

  ipcMain.handle(CHANNELS.openFile, async (event, filters: unknown) => {
    if (!trusted(event) || !mainWindow) return null;
    const safeFilters: FileFilter[] = Array.isArray(filters)
      ? filters
          .filter(
            (f): f is FileFilter => typeof f?.name === 'string' && Array.isArray(f?.extensions) && f.extensions.every((e: unknown) => typeof e === 'string'),
          )
          .slice(0, 5)
      : [];
    const result = await dialog.showOpenDialog(mainWindow, {
      title: '打开工作簿',
      properties: ['openFile'],
      filters: safeFilters.length ? safeFilters : [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    const file = result.filePaths[0];
    if (result.canceled || !file) return null;
    const stat = await fs.promises.stat(file);
    if (stat.size > MAX_FILE_BYTES) {
      await dialog.showMessageBox(mainWindow, { type: 'error', message: `文件过大（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）` });
      return null;
    }
    return { fileName: path.basename(file), base64: (await fs.promises.readFile(file)).toString('base64') } satisfies FilePayload;
  });
}

function registerProtocol(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'paybench' ? staticFile(RENDERER_DIR, url.pathname) : null;
    if (!file) return new Response('未找到', { status: 404 });
    const response = await net.fetch(pathToFileURL(file.path).toString());
    return new Response(response.body, {
      status: 200,
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function harden(): void {
  // no permission (camera, notifications, geolocation …) is ever needed
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  // nothing remote: every request not to our own origin is cancelled
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const ok =
      details.url.startsWith(`${ORIGIN}/`) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function createWindow(): void {
  const stateDir = app.getPath('userData');
  const state = loadWindowState(stateDir);
  mainWindow = new BrowserWindow({
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    minWidth: 960,
    minHeight: 600,
    title: 'Paybench 社工薪酬与购买服务预算工作台',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const remember = () => {
    if (!mainWindow) return;
    const b = mainWindow.getNormalBounds();
    saveWindowState(stateDir, { width: b.width, height: b.height, x: b.x, y: b.y, maximized: mainWindow.isMaximized() });
  };
  mainWindow.on('close', remember);
  mainWindow.on('closed', () => (mainWindow = null));
  // the page asked before being closed or reloaded (beforeunload: changes not yet saved): a native
  // question, as the browser asks in browser mode; preventDefault here lets the page go
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(mainWindow!, {
      type: 'question',
      title: '有未保存的修改',
      message: '有修改尚未保存，离开将丢失这些修改。',
      detail: 'Some changes are not saved yet; leaving loses them.',
      buttons: ['离开 / Leave', '留下 / Stay'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) event.preventDefault();
  });
  void mainWindow.loadURL(`${ORIGIN}/index.html#/projects`);
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

app.whenReady().then(() => {
  try {
    store = PaybenchStore.open(resolveDbPath(dbFileArg()));
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  harden();
  registerProtocol();
  registerIpc();
  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  createWindow();
});

app.on('window-all-closed', () => {
  store?.close();
  app.quit();
});
