import fs from 'node:fs';
import path from 'node:path';

/** Maps a request path to a file of the built renderer, refusing anything outside it. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticFile {
  path: string;
  size: number;
  contentType: string;
  isHtml: boolean;
}

export function staticFile(root: string, pathname: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Backslashes and NULs never name a file of ours; '..' segments are refused rather than resolved.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '..')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  const type = CONTENT_TYPES[path.extname(full).toLowerCase()];
  if (!type) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
    // a symlink pointing out of the build is refused as well
    const real = fs.realpathSync(full);
    const realRoot = fs.realpathSync(root);
    if (!real.startsWith(realRoot + path.sep)) return null;
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  return { path: full, size: stat.size, contentType: type, isHtml: type.startsWith('text/html') };
}
