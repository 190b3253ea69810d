import os from 'node:os';
import path from 'node:path';

/**
 * Where the database lives unless told otherwise: the user's data folder of each desktop OS
 * (Windows %APPDATA%\Paybench, macOS ~/Library/Application Support/Paybench, Linux and the
 * domestic UOS/Kylin desktops $XDG_DATA_HOME/paybench or ~/.local/share/paybench).
 */
export const DB_FILE_NAME = 'paybench.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'Paybench');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Paybench');
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(xdg, 'paybench');
}

/** `--db FILE` wins, then the PAYBENCH_DB environment variable, then the data folder. */
export function resolveDbPath(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.PAYBENCH_DB) return path.resolve(env.PAYBENCH_DB);
  return path.join(defaultDataDir(env), DB_FILE_NAME);
}
