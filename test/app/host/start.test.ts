import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartArgs } from '../../../src/app/host/args';
import { electronBinary } from '../../../src/app/host/electronBinary';
import { rendererIsStale } from '../../../src/app/host/rendererBuild';

/** `npm start`'s decisions: its options, whether Electron is there, whether the renderer must be rebuilt. */
describe('npm start options', () => {
  it('reads --db, --port and --no-open, in both spellings', () => {
    expect(parseStartArgs(['--db', 'a.sqlite', '--port=8080', '--no-open'])).toEqual({ db: 'a.sqlite', port: 8080, open: false, browserMode: false });
    expect(parseStartArgs([])).toEqual({ db: null, port: undefined, open: true, browserMode: false });
  });

  it('names a bad option in Chinese', () => {
    expect(() => parseStartArgs(['--port', '70000'])).toThrow('--port 应为 1–65535 的整数');
    expect(() => parseStartArgs(['--db'])).toThrow('参数 --db 缺少取值');
    expect(() => parseStartArgs(['--fast'])).toThrow('未知参数 --fast');
  });
});

describe('Electron detection', () => {
  it('finds no binary where the electron package has no path.txt, without trying to download it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-electron-'));
    const pkg = path.join(dir, 'node_modules', 'electron');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.0.0"}');
    fs.writeFileSync(path.join(pkg, 'index.js'), 'throw new Error("must not be required")');
    expect(electronBinary(dir)).toBeNull();
    // path.txt naming a file that exists: that is the binary
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(pkg, 'dist'));
    expect(electronBinary(dir)).toBeNull();
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(electronBinary(dir)).toBe(path.join(pkg, 'dist', 'electron'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('renderer build staleness', () => {
  it('is stale when missing or older than a source file, fresh otherwise', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-stale-'));
    fs.mkdirSync(path.join(root, 'renderer'));
    fs.mkdirSync(path.join(root, 'src'));
    const source = path.join(root, 'renderer', 'App.tsx');
    fs.writeFileSync(source, '');
    expect(rendererIsStale(root)).toBe(true); // no build
    fs.mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
    const built = path.join(root, 'dist', 'renderer', 'index.html');
    fs.writeFileSync(built, '');
    const t = Date.now() / 1000;
    fs.utimesSync(source, t - 100, t - 100);
    fs.utimesSync(built, t - 50, t - 50);
    expect(rendererIsStale(root)).toBe(false); // built after the source
    fs.utimesSync(source, t, t);
    expect(rendererIsStale(root)).toBe(true); // source edited since
    fs.rmSync(root, { recursive: true, force: true });
  });
});
