import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Opens the URL in the desktop's browser when one is installed; never fails if none is. */
function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
}

export function openBrowser(url: string): boolean {
  const candidates: [string, string[]][] =
    process.platform === 'win32'
      ? [['cmd', ['/c', 'start', '""', url]]]
      : process.platform === 'darwin'
        ? [['open', [url]]]
        : [
            ['xdg-open', [url]],
            ['chromium', [url]],
            ['chromium-browser', [url]],
          ];
  // without a display there is nothing to open a window on (CI, ssh)
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  for (const [cmd, args] of candidates) {
    if (process.platform !== 'win32' && !onPath(cmd)) continue;
    try {
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
      child.on('error', () => {});
      child.unref();
      return true;
    } catch {
      /* try the next one */
    }
  }
  return false;
}
