import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreOpenError } from '../../db/errors';
import { PAYBENCH_APPLICATION_ID } from '../../db/migrate';
import { PaybenchStore } from '../../db/store';
import { removeChildBundles, startChild } from './children';
import { tempDbFile, tempDir } from './tempDb';

/**
 * Opening a file that is not a Paybench database, or that cannot be written, is refused with a
 * Chinese message naming the path — and the file is left exactly as it was: no tables added, its
 * user_version and journal mode kept, not a byte changed.
 */
afterAll(removeChildBundles);

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function refusal(open: () => unknown): StoreOpenError {
  try {
    open();
  } catch (e) {
    if (e instanceof StoreOpenError) return e;
    throw e;
  }
  throw new Error('the store opened it');
}

/** Another program's database: its own table, its own user_version, the default rollback journal. */
function anotherProgramsDatabase(setup = (db: Database.Database) => db.pragma('user_version = 7')): string {
  const file = tempDbFile();
  const db = new Database(file);
  db.exec("CREATE TABLE invoices (no TEXT, amount TEXT); INSERT INTO invoices VALUES ('FP-001', '100.00');");
  setup(db);
  db.close();
  return file;
}

describe('a database that is not ours is refused untouched', () => {
  it('another program’s SQLite file (tables, user_version 7): refused, naming the file and its tables; not a byte changed', () => {
    const file = anotherProgramsDatabase();
    const before = sha(file);
    const e = refusal(() => PaybenchStore.open(file));
    expect(e.problem).toBe('NOT_PAYBENCH');
    expect(e.message).toContain(`${file} 是其他程序的 SQLite 数据库`);
    expect(e.message).toContain('其中有表 invoices');
    expect(e.message).toContain('Paybench 没有改动它');

    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]); // no -wal, -shm or .bak beside it
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete'); // never switched to WAL
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'invoices' }]);
    db.close();
  });

  it('a file with tables at user_version 0, or with another program’s application_id, is not ours either', () => {
    const unversioned = anotherProgramsDatabase(() => {});
    expect(refusal(() => PaybenchStore.open(unversioned)).problem).toBe('NOT_PAYBENCH');
    const marked = tempDbFile();
    const db = new Database(marked);
    db.pragma('application_id = 1196444237'); // e.g. a GeoPackage ("GPKG"), tables or not
    db.close();
    const before = sha(marked);
    expect(refusal(() => PaybenchStore.open(marked)).problem).toBe('NOT_PAYBENCH');
    expect(sha(marked)).toBe(before);
  });

  it('a file that is not SQLite at all (a workbook saved under the wrong name) is refused, unchanged', () => {
    const file = tempDbFile();
    fs.writeFileSync(file, 'PK\u0003\u0004 这不是数据库'.repeat(200));
    const before = sha(file);
    const e = refusal(() => PaybenchStore.open(file));
    expect(e.problem).toBe('NOT_A_DATABASE');
    expect(e.message).toContain(`${file} 不是 SQLite 数据库文件`);
    expect(sha(file)).toBe(before);
  });

  it('our own file is marked: a new database carries Paybench’s application_id, and an empty file becomes ours', () => {
    const file = tempDbFile();
    fs.writeFileSync(file, ''); // e.g. made by 新建 in a file manager
    const store = PaybenchStore.open(file);
    expect(store.db.pragma('application_id', { simple: true })).toBe(PAYBENCH_APPLICATION_ID);
    expect(store.guides.list().length).toBeGreaterThan(0); // blank, so the sample data went in
    store.close();
  });
});

describe('no path, or a place that cannot be written', () => {
  it('no path at all is refused in Chinese (not opened as a temporary database that vanishes)', () => {
    for (const file of ['', '   ']) {
      const e = refusal(() => PaybenchStore.open(file));
      expect(e.problem).toBe('NO_PATH');
      expect(e.message).toMatch(/^没有指定数据库文件：请用 --db FILE 或环境变量 PAYBENCH_DB 给出路径/);
    }
  });

  it('a folder given as the database is refused, naming it', () => {
    const dir = tempDir();
    const e = refusal(() => PaybenchStore.open(dir));
    expect(e.problem).toBe('CANNOT_OPEN');
    expect(e.message).toContain(`${dir} 是一个文件夹，不是数据库文件`);
  });

  // root may write anywhere: the refusal is checked as an ordinary user would meet it
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const openAsUser = async (file: string) => {
    const child = await startChild('opener', [file], asUser);
    const r = await child.done;
    return JSON.parse(r.stdout) as { ok: boolean; problem: string | null; message: string };
  };

  it('a database in a folder the user cannot write to is refused before anything is written, naming the folder', async () => {
    const parent = tempDir();
    fs.chmodSync(parent, 0o755);
    const locked = path.join(parent, '只读目录');
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    const file = path.join(locked, 'paybench.sqlite');
    const r = await openAsUser(file);
    expect(r).toMatchObject({ ok: false, problem: 'READ_ONLY' });
    expect(r.message).toContain(`数据库文件夹 ${locked} 不可写`);
    expect(r.message).toContain(file);
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('a read-only database file is refused, naming it, and stays as it was', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    const file = path.join(dir, 'paybench.sqlite');
    PaybenchStore.open(file).close();
    fs.chmodSync(file, 0o444);
    const before = sha(file);
    const r = await openAsUser(file);
    expect(r).toMatchObject({ ok: false, problem: 'READ_ONLY' });
    expect(r.message).toContain(`数据库文件 ${file} 是只读的`);
    expect(sha(file)).toBe(before);
  });

  it('the same opener, on a writable file, opens it and saves (the refusals above are the location’s, not the child’s)', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    expect(await openAsUser(path.join(dir, 'paybench.sqlite'))).toEqual({ ok: true });
  });
});
