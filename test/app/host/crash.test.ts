import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitiesCsv, generateCommunities } from '../../../bench/generateCommunities';
import { PaybenchStore } from '../../../db/store';
import { MAX_BODY_BYTES, TOKEN_HEADER, type RunningHttpServer, startHttpServer } from '../../../src/app/host/httpServer';
import { sheetXlsx } from '../../corpus/craft';
import { type GeneratedCase, corpusCases, generateCorpus } from '../../corpus/generate';
import type { CorpusCase } from '../../corpus/types';

/**
 * No file and no request brings browser mode down (docs/design.md §Data flow: every failure becomes
 * an answer, never a crash of the host). Every file of the bad-input corpus (test/corpus) goes
 * through the HTTP API of a real server on a real SQLite store — imports parse in a worker with a
 * heap and a time limit — followed by attacks on the transport itself; after each, the server
 * must still answer an ordinary call.
 */
let server: RunningHttpServer;
let store: PaybenchStore;
let tmp: string;
let base: string;
let corpus: GeneratedCase[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-crash-'));
  const rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>测试</title>');
  store = PaybenchStore.open(path.join(tmp, 'db.sqlite'));
  server = await startHttpServer({ ctx: { store }, rendererDir });
  base = `http://127.0.0.1:${server.port}`;
  corpus = await generateCorpus(path.join(tmp, 'corpus'));
});

afterAll(async () => {
  await server.close();
  store.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Envelope {
  ok: boolean;
  error?: { code: string; message: string };
}

function post(op: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    signal: AbortSignal.timeout(90_000),
  });
}

/** An ordinary call answered promptly: the server is alive and its event loop free. */
async function alive(): Promise<void> {
  const res = await fetch(`${base}/api/projects.list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
    body: '{}',
    signal: AbortSignal.timeout(10_000),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as Envelope).ok).toBe(true);
}

/** Bytes written straight to the socket; resolves with what came back (possibly nothing) once the server closes or goes quiet. */
function raw(bytes: string | Buffer, quietMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(bytes));
    let data = '';
    const done = () => {
      socket.destroy();
      resolve(data);
    };
    const timer = setTimeout(done, quietMs);
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
    socket.on('error', () => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

/** The API call that imports a corpus file of this kind. */
function importCall(c: CorpusCase, bytes: Buffer): { op: string; body: string } {
  const base64 = bytes.toString('base64');
  switch (c.kind) {
    case 'guideWorkbook':
      return { op: 'excel.importGuide', body: JSON.stringify({ base64, fileName: c.fileName, target: { mode: 'new' } }) };
    case 'communityList':
      return { op: 'plan.importCommunities', body: JSON.stringify({ file: { fileName: c.fileName, base64 } }) };
    case 'budgetSpec':
      // the API takes a spec as JSON, not as a file: its text goes in as it is, valid JSON or not
      return { op: 'excel.exportBudget', body: `{"spec":${bytes.toString('utf8')}}` };
  }
}

describe('every corpus file through the HTTP API, the server answering after each', () => {
  it('the corpus is there', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(90);
  });

  it.each(corpusCases().map((c) => [`${c.kind} ${c.name}`, c] as const))('%s', async (_title, c) => {
    const g = corpus.find((x) => x.case.kind === c.kind && x.case.name === c.name)!;
    const { op, body } = importCall(c, fs.readFileSync(g.file));
    const res = await post(op, body);
    if (c.kind === 'budgetSpec') {
      expect([200, 400]).toContain(res.status);
    } else {
      expect(res.status).toBe(200);
      const answer = (await res.json()) as Envelope;
      // accepted when the readers accept it; otherwise refused as bad input with a message, never an internal failure
      expect(answer.ok, JSON.stringify(answer.error)).toBe(c.expect.ok);
      if (!answer.ok) expect(answer.error!.code).toBe('INVALID_INPUT');
    }
    await alive();
  });
});

describe('attacks on the transport, the server answering after each', () => {
  it('a Content-Length past the limit: 413 before the body is read', async () => {
    const reply = await raw(
      `POST /api/projects.list HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n${TOKEN_HEADER}: ${server.token}\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n{}`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    await alive();
  });

  it('a chunked body (no Content-Length) that grows past the limit: 413, nothing kept beyond it', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const chunks = Array.from({ length: MAX_BODY_BYTES / chunk.length + 2 }, () => frame);
    const reply = await raw(
      Buffer.concat([
        Buffer.from(
          `POST /api/projects.list HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n${TOKEN_HEADER}: ${server.token}\r\nTransfer-Encoding: chunked\r\n\r\n`,
        ),
        ...chunks,
        Buffer.from('0\r\n\r\n'),
      ]),
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    await alive();
  });

  it('a body that is not JSON, or not UTF-8: 400', async () => {
    for (const body of ['{"a":', Buffer.from('fffe7b7d', 'hex'), '\u0000\u0001']) {
      expect((await post('projects.list', body)).status).toBe(400);
    }
    await alive();
  });

  it('JSON nested 100,000 deep: refused, not a stack overflow', async () => {
    const res = await post('projects.get', '['.repeat(100_000) + ']'.repeat(100_000));
    expect([200, 400]).toContain(res.status);
    expect(((await res.json()) as Envelope).ok).toBe(false);
    await alive();
  });

  it('a __proto__ key does not reach Object.prototype', async () => {
    await post('projects.get', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await alive();
  });

  it('28 MB of base64 (21,000,000 bytes, within the API’s limit) as a guide workbook: refused by the reader’s 20 MB limit', async () => {
    const res = await post('excel.importGuide', JSON.stringify({ base64: 'A'.repeat(27_999_996), fileName: 'g.xlsx', target: { mode: 'new' } }));
    const answer = (await res.json()) as Envelope;
    expect(answer.ok).toBe(false);
    expect(answer.error!.message).toContain('文件大小 20,999,997 字节，超过指导价工作簿的上限 20 MB（20,971,520 字节）');
    await alive();
  });

  it('a header of 100 KB, a malformed request line, a wrong Host: answered or dropped, never fatal', async () => {
    expect(await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await raw('BLAH\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(`GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 421/);
    await alive();
  });

  it('a request that stops halfway and a client that hangs up mid-body', async () => {
    await raw(
      `POST /api/excel.importGuide HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${TOKEN_HEADER}: ${server.token}\r\nContent-Length: 1000000\r\n\r\n{"base64":"UEsDB`,
      300,
    );
    await alive();
  });

  it('the probe’s files all at once (six workers): each refused, and an ordinary call is answered meanwhile', async () => {
    const probe = ['cell-in-column-ZZZZZZ', 'cell-at-XFD1048576', 'row-1048576000', 'unclosed-rows-228kb', 'zip-bomb-ratio', 'xlsx-unclosed-rows'];
    const hostile = corpus.filter((g) => probe.includes(g.case.name));
    expect(hostile.length).toBe(6);
    const imports = hostile.map((g) => {
      const { op, body } = importCall(g.case, fs.readFileSync(g.file));
      return post(op, body).then(async (r) => (await r.json()) as Envelope);
    });
    await alive();
    for (const answer of await Promise.all(imports)) expect(answer.ok).toBe(false);
    await alive();
  });

  it('while a 50,000-community list parses, the server answers other calls at once', async () => {
    const csv = Buffer.from(communitiesCsv(generateCommunities(50_000)));
    let imported = false;
    const importing = post('plan.importCommunities', JSON.stringify({ file: { fileName: 'big.csv', base64: csv.toString('base64') } })).then(async (r) => {
      imported = true;
      return (await r.json()) as { ok: boolean; value: { communities: unknown[] } };
    });
    await new Promise((r) => setTimeout(r, 300));
    await alive();
    expect(imported).toBe(false);
    const answer = await importing;
    expect(answer.ok).toBe(true);
    expect(answer.value.communities.length).toBe(50_000);
  });

  it('after all of it, an ordinary import still works', async () => {
    const guide = sheetXlsx('Sheet1', [
      ['生效日期', '2026-01-01'],
      ['岗位', '等级', '金额'],
      ['一线社工', '社工师', 6500],
    ]);
    const res = await post('excel.importGuide', JSON.stringify({ base64: guide.toString('base64'), fileName: '最后一个.xlsx', target: { mode: 'new' } }));
    expect(((await res.json()) as Envelope).ok).toBe(true);
  });
});
