import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder per test for real SQLite files, removed afterwards. */
const dirs: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-db-'));
  dirs.push(dir);
  return dir;
}
export const tempDbFile = () => path.join(tempDir(), 'paybench.sqlite');

afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});
