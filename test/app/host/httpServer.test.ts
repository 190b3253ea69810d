import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { MAX_BODY_BYTES, startHttpServer, type RunningHttpServer } from '../../../src/app/host/httpServer';

/**
 * Browser mode's loopback server, over real HTTP against a real SQLite store: the API only with the
 * token, clear errors for unknown operations and bad JSON, and nothing served but the renderer build.
 */
let server: RunningHttpServer;
let store: PaybenchStore;
let tmp: string;
let base: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-host-'));
  const rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>测试</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside the build');
  store = PaybenchStore.open(path.join(tmp, 'db.sqlite'));
  server = await startHttpServer({ ctx: { store }, rendererDir });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  store.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const call = (op: string, body: string, token: string | null = server.token) =>
  fetch(`${base}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { 'X-Paybench-Token': token }) },
    body,
  });

/** A raw request, so the path reaches the server exactly as written (fetch would normalise '..'). */
function rawGet(pathText: string, host = `127.0.0.1:${server.port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => {
      socket.write(`GET ${pathText} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('end', () => resolve({ status: Number(data.split(' ')[1]), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
    socket.on('error', reject);
  });
}

describe('browser mode HTTP server', () => {
  it('listens on 127.0.0.1 with a random port and hands the token in the URL fragment', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an API call that carries the token: the sample data has projects', async () => {
    const res = await call('projects.list', '{}');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { name: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value.length).toBeGreaterThan(0);
  });

  it('refuses a call without the token, or with a wrong one, with 401 and a Chinese message', async () => {
    for (const token of [null, 'wrong', server.token.slice(1)]) {
      const res = await call('projects.list', '{}', token);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { ok: false; error: { message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.message).toContain('访问令牌');
    }
  });

  it('names an unknown operation (a dispatch answer: 200 with ok false, as over IPC)', async () => {
    const res = await call('projects.fly', '{}');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'UNKNOWN_OPERATION', message: '未知的操作：projects.fly' });
  });

  it('answers bad JSON with a clear error and keeps serving', async () => {
    const res = await call('projects.list', '{"a": ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toContain('JSON');
    expect((await call('projects.list', '{}')).status).toBe(200);
  });

  it('validates input at the boundary: projects.get with id "x" names the field', async () => {
    const res = await call('projects.get', '{"id":"x"}');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { error: { code: string; problems: { path: string }[] } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.problems.map((p) => p.path)).toContain('id');
  });

  it('refuses a body over the size limit with 413', async () => {
    const big = JSON.stringify({ filler: 'x'.repeat(MAX_BODY_BYTES + 10) });
    const res = await call('projects.list', big);
    expect(res.status).toBe(413);
  });

  it('accepts only POST on the API', async () => {
    const res = await fetch(`${base}/api/projects.list`, { headers: { 'X-Paybench-Token': server.token } });
    expect(res.status).toBe(405);
  });

  it('serves the renderer with a Content-Security-Policy and no secret in the page', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('测试');
    expect(html).not.toContain(server.token);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
  });

  it('refuses path traversal, encoded or not, and files outside the build', async () => {
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
    ]) {
      const res = await rawGet(p);
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('outside the build');
    }
    expect((await fetch(`${base}/package.json`)).status).toBe(404);
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const res = await rawGet('/', `evil.example:${server.port}`);
    expect(res.status).toBe(421);
  });

  it('answers a malformed operation name (GET or POST /api/%ff, no token) with 400 and keeps serving', async () => {
    // decodeURIComponent('%ff') throws URIError: it must become an answer, not a closed port
    for (const p of ['/api/%ff', '/api/%E4%B8', '/api/%']) {
      const res = await rawGet(p);
      expect(res.status, p).toBe(400);
    }
    const posted = await call('%ff', '{}');
    expect(posted.status).toBe(400);
    expect(((await posted.json()) as { ok: boolean }).ok).toBe(false);
    const after = await call('projects.list', '{}');
    expect(((await after.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('answers a request line the HTTP parser refuses with 400, and the next request still works', async () => {
    const garbage = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: \u0000\u0001bad\r\nX: \r\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    expect((await rawGet('/')).status).toBe(200);
  });

  it('refuses a body that gives a key twice, naming the key, instead of letting the last one win', async () => {
    const res = await call('projects.get', '{"id": 1, "id": 2}');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; error: { message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message).toContain('id');
  });
});
