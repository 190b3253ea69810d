import { createClient, type PaybenchApi, type Transport } from '../src/app/api/client';
import type { ApiResponse } from '../src/app/api/dispatch';
import type { PaybenchBridge } from '../electron/bridge';

/**
 * The typed API for every page, and the only way a page reaches the store: `api['guides.list']({})`.
 * In Electron the preload's `window.paybench.call` carries it over IPC; in browser mode it is fetch
 * to /api/<op> with the token, which arrives in the URL fragment (`#token=…`, never sent to the
 * server in a URL) and is kept in sessionStorage so a reload works.
 */

/** What an operation answers, as the operations list declares it: pages hold these, never copies of the store's types. */
export type ApiOutput<K extends keyof PaybenchApi> = Awaited<ReturnType<PaybenchApi[K]>>;
/** What an operation takes. */
export type ApiInput<K extends keyof PaybenchApi> = Parameters<PaybenchApi[K]>[0];

declare global {
  interface Window {
    paybench?: PaybenchBridge;
  }
}

const TOKEN_KEY = 'paybench.token';

/** Takes the token out of the fragment (so it is not left in the address bar) and remembers it. */
export function takeTokenFromLocation(): string | null {
  const match = /(?:^#|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/projects');
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export const isElectron = typeof window !== 'undefined' && window.paybench !== undefined;

const httpTransport: Transport = async (name, input) => {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Paybench-Token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'FAILED', message: '无法连接到本机服务，请确认 npm start 仍在运行 / cannot reach the local server', problems: [] } };
  }
  try {
    return (await response.json()) as ApiResponse;
  } catch {
    return { ok: false, error: { code: 'FAILED', message: `服务返回了无法识别的内容（HTTP ${response.status}）`, problems: [] } };
  }
};

const ipcTransport: Transport = (name, input) => window.paybench!.call(name, input);

export const api: PaybenchApi = createClient(isElectron ? ipcTransport : httpTransport);
