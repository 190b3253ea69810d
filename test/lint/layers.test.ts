import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layer rule (docs/design.md, "Layers"), proved on tiny trees written to a temporary folder: each
 * is checked with the project's own .dependency-cruiser.cjs, as `npm run lint:layers` checks the real
 * tree. Imports run renderer / electron → src/app → db → src/core, and never in a circle.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const LAYERS = ['src', 'db', 'electron', 'renderer'];
const made: string[] = [];

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the files (path → source) beside a tsconfig like the project's, checks the layers, returns the exit code and report. */
function cruise(files: Record<string, string>): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-layers-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), fs.readFileSync(path.join(ROOT, 'tsconfig.json')));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  const present = LAYERS.filter((l) => fs.existsSync(path.join(dir, l)));
  const r = spawnSync(process.execPath, [DEPCRUISE, '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err', ...present], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** A tree that keeps the rule: every layer importing the one below it. */
const layered = {
  'src/core/money.ts': 'export const fen = (yuan: number) => yuan * 100;\n',
  'db/store.ts': "import { fen } from '../src/core/money';\nexport const stored = fen(1);\n",
  'src/app/api/operation.ts': "import { stored } from '../../../db/store';\nexport type Operation = { name: string };\nexport const run = () => stored;\n",
  'src/app/api/client.ts': "import type { Operation } from './operation';\nexport const call = (op: Operation) => op.name;\n",
  'electron/bridge.ts': 'export interface Bridge { call(name: string): Promise<unknown> }\n',
  'electron/main.ts': "import { run } from '../src/app/api/operation';\nrun();\n",
  'renderer/App.tsx':
    "import type { Bridge } from '../electron/bridge';\nimport { call } from '../src/app/api/client';\nimport type { Operation } from '../src/app/api/operation';\nimport { fen } from '../src/core/money';\n" +
    'export const show = (b: Bridge, op: Operation) => [b, call(op), fen(2)];\n',
};

describe('the layer rule', () => {
  it('passes a tree whose imports run renderer → src/app → db → src/core, with the bridge named by type only', () => {
    const { status, out } = cruise(layered);
    expect(out).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('fails on src/core importing the store, naming the file and the rule', () => {
    const { status, out } = cruise({ ...layered, 'src/core/budget.ts': "import { stored } from '../../db/store';\nexport const b = stored;\n" });
    expect(status).not.toBe(0);
    expect(out).toMatch(/error core-imports-only-core: src\/core\/budget\.ts → db\/store\.ts/);
  });

  it('fails on src/core importing better-sqlite3, for a value or a type', () => {
    const { status, out } = cruise({
      ...layered,
      'src/core/rows.ts': "import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n",
      'src/core/rowTypes.ts': "import type { Database } from 'better-sqlite3';\nexport type Db = Database;\n",
    });
    expect(status).not.toBe(0);
    expect(out).toMatch(/error core-has-no-platform: src\/core\/rows\.ts → .*node_modules\/better-sqlite3\//);
    expect(out).toMatch(/error core-has-no-platform: src\/core\/rowTypes\.ts → .*node_modules\/better-sqlite3\//);
  });

  it('fails on the store importing the application', () => {
    const { status, out } = cruise({ ...layered, 'db/repo.ts': "import type { Operation } from '../src/app/api/operation';\nexport type R = Operation;\n" });
    expect(status).not.toBe(0);
    expect(out).toMatch(/error db-imports-only-db-and-core: db\/repo\.ts → src\/app\/api\/operation\.ts/);
  });

  it('fails on the renderer importing db/, even for a type', () => {
    const { status, out } = cruise({ ...layered, 'renderer/Rows.tsx': "import type { stored } from '../db/store';\nexport type S = typeof stored;\n" });
    expect(status).not.toBe(0);
    expect(out).toMatch(/error renderer-not-store: renderer\/Rows\.tsx → db\/store\.ts/);
  });

  it('fails on the renderer running host code of the API, and on a value import of the bridge', () => {
    const { status, out } = cruise({
      ...layered,
      'renderer/Run.tsx': "import { run } from '../src/app/api/operation';\nimport * as bridge from '../electron/bridge';\nexport const r = [run(), bridge];\n",
    });
    expect(status).not.toBe(0);
    expect(out).toMatch(/error renderer-api-client-or-types: renderer\/Run\.tsx → src\/app\/api\/operation\.ts/);
    expect(out).toMatch(/error renderer-electron-bridge-types-only: renderer\/Run\.tsx → electron\/bridge\.ts/);
  });

  it('fails on an import circle, naming every file on it', () => {
    const { status, out } = cruise({
      ...layered,
      'src/core/plan.ts': "import { price } from './pricing';\nexport const plan = () => price();\n",
      'src/core/pricing.ts': "import { plan } from './plan';\nexport const price = (): unknown => plan;\n",
    });
    expect(status).not.toBe(0);
    expect(out).toMatch(/error no-circular: src\/core\/plan\.ts →\s+src\/core\/pricing\.ts →\s+src\/core\/plan\.ts/);
  });

  it('passes the real tree: `npm run lint:layers`', () => {
    const r = spawnSync('npm', ['run', '--silent', 'lint:layers'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });
});
