import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * The Electron executable if it is installed, else null. `require('electron')` would try to
 * download the binary when it is missing (and hang or fail offline), so this reads the same
 * `path.txt` the package's index.js reads and checks that the file exists, downloading nothing.
 */
export function electronBinary(fromDir: string): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return fs.existsSync(p) ? p : null;
  }
  let pkgDir: string;
  try {
    pkgDir = path.dirname(createRequire(path.join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}
