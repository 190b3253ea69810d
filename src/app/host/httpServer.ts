import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseStrictJson, StrictJsonError } from '../../core/text/strictJson';
import type { ApiContext } from '../api/operation';
import { dispatch, type ApiResponse } from '../api/dispatch';
import { contentSecurityPolicy, securityHeaders } from './csp';
import { staticFile } from './staticFiles';

/**
 * Browser mode: the one API list over loopback HTTP, plus the built renderer and nothing else.
 *
 * The token travels to the page in the URL fragment (`#token=…`): a fragment is never sent in a
 * request, a Referer or a log line, and the static files then hold no secret, so a page on another
 * origin (or one rebinding DNS to 127.0.0.1) that manages to read index.html learns nothing that
 * lets it call the API. The Host header is checked as well, against DNS rebinding.
 */
export const TOKEN_HEADER = 'x-paybench-token';
export const MAX_BODY_BYTES = 32 * 1024 * 1024; // a 20 MB workbook as base64, with room

export interface HttpServerOptions {
  ctx: ApiContext;
  /** the built renderer (vite build output) */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHttpServer {
  port: number;
  token: string;
  /** the address to open, with the token in the fragment */
  url: string;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: ApiResponse): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function failure(code: 'INVALID_INPUT' | 'FAILED' | 'UNKNOWN_OPERATION', message: string): ApiResponse {
  return { ok: false, error: { code, message, problems: [] } };
}

/** The last resort of a handler: log for the developer, a plain 500 for the caller, the server lives on. */
function answerInternalError(res: http.ServerResponse, error: unknown): void {
  console.error('paybench: request failed:', error);
  if (!res.headersSent) sendJson(res, 500, failure('FAILED', '服务器内部错误 / internal error'));
  else res.destroy();
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads the body up to the limit; resolves null when it was too large (the rest is drained, not kept). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, opName: string, opts: { ctx: ApiContext; token: string }): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, failure('FAILED', '接口只接受 POST 请求 / the API accepts POST only'));
  }
  if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, opts.token)) {
    return sendJson(res, 401, failure('FAILED', '访问令牌缺失或不正确，请使用启动时显示的完整地址打开 / missing or wrong token'));
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    return sendJson(res, 413, failure('INVALID_INPUT', `请求内容过大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）/ body too large`));
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) return sendJson(res, 413, failure('INVALID_INPUT', `请求内容过大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）/ body too large`));
  let input: unknown = undefined;
  const text = body.toString('utf8');
  if (text.trim() !== '') {
    try {
      // strict: a key given twice is refused, not silently "last wins" (as for spec files)
      input = parseStrictJson(text);
    } catch (e) {
      const detail = e instanceof StrictJsonError ? `：${e.path}: ${e.message}` : '';
      return sendJson(res, 400, failure('INVALID_INPUT', `请求内容不是有效的 JSON / the body is not valid JSON${detail}`));
    }
  }
  // The call reached dispatch: its answer, success or a user-facing failure, is a 200 with the
  // ApiResponse envelope (as over IPC). Non-200s are kept for the transport: token, size, JSON.
  sendJson(res, 200, await dispatch(opts.ctx, opName, input));
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    return Promise.reject(new Error(`找不到前端构建 ${rendererDir}/index.html，请先运行 npm run build:renderer`));
  }
  let port = 0;
  const route = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('只接受本机访问 / loopback only');
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', `http://${host}`).pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.startsWith('/api/')) {
      let opName: string;
      try {
        opName = decodeURIComponent(pathname.slice('/api/'.length));
      } catch {
        // '%ff' and the like: a malformed name is a bad request, never an exception out of the server
        return sendJson(res, 400, failure('INVALID_INPUT', '接口名称不是有效的 URL 编码 / malformed operation name'));
      }
      handleApi(req, res, opName, { ctx: options.ctx, token }).catch((e: unknown) => answerInternalError(res, e));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = staticFile(rendererDir, pathname);
    if (!file) {
      res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('未找到 / not found');
      return;
    }
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': file.contentType,
      'Content-Length': file.size,
      'Content-Security-Policy': contentSecurityPolicy,
      'Cache-Control': file.isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else
      fs.createReadStream(file.path)
        .on('error', (e) => answerInternalError(res, e))
        .pipe(res);
  };
  // Every request is answered inside a catch: no request, however malformed, may end the process
  // (in browser mode that would close the port; any web page can send a request to loopback).
  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch (e) {
      answerInternalError(res, e);
    }
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    else socket.destroy();
  });
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
