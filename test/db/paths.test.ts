import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDbPath } from '../../db/paths';

describe('where the database lives', () => {
  it("is the user's data folder of each desktop OS", () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32', 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\Paybench');
    expect(defaultDataDir({}, 'darwin', '/Users/li')).toBe('/Users/li/Library/Application Support/Paybench');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data/li' }, 'linux', '/home/li')).toBe('/data/li/paybench');
    expect(defaultDataDir({}, 'linux', '/home/li')).toBe('/home/li/.local/share/paybench');
  });

  it('is overridden by --db first, then PAYBENCH_DB', () => {
    expect(resolveDbPath('/x/a.sqlite', { PAYBENCH_DB: '/y/b.sqlite' })).toBe('/x/a.sqlite');
    expect(resolveDbPath(undefined, { PAYBENCH_DB: '/y/b.sqlite' })).toBe('/y/b.sqlite');
    expect(resolveDbPath(undefined, { XDG_DATA_HOME: '/data/li' })).toBe(path.join('/data/li/paybench', 'paybench.sqlite'));
  });
});
