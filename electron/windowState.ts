import fs from 'node:fs';
import path from 'node:path';

/** The window's size, position and maximised flag, kept in a small JSON in userData between runs. */
export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

const DEFAULT: WindowState = { width: 1360, height: 860, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    const ok = (n: unknown, min: number) => typeof n === 'number' && Number.isFinite(n) && n >= min;
    return {
      width: ok(raw.width, 640) ? raw.width! : DEFAULT.width,
      height: ok(raw.height, 480) ? raw.height! : DEFAULT.height,
      x: ok(raw.x, -10000) ? raw.x : undefined,
      y: ok(raw.y, -10000) ? raw.y : undefined,
      maximized: raw.maximized === true,
    };
  } catch {
    return { ...DEFAULT };
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(state));
  } catch {
    /* losing the window size is not worth an error dialog */
  }
}
