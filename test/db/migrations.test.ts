import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PAYBENCH_APPLICATION_ID, loadMigrations, migrate, schemaVersion } from '../../db/migrate';
import { PaybenchStore } from '../../db/store';
import { tempDbFile } from './tempDb';

const latest = loadMigrations().length;

describe('opening the store', () => {
  it('creates a new database in WAL mode with foreign keys on, at the latest schema version, with the sample data', () => {
    const file = tempDbFile();
    const store = PaybenchStore.open(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(store.db)).toBe(latest);
    // a new file has nothing to protect: no backup copy
    expect(store.migration.backup).toBeNull();
    expect(store.guides.list().length).toBeGreaterThanOrEqual(2);
    store.close();
    expect(fs.readdirSync(file.replace(/paybench\.sqlite$/, '')).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('with seed: false creates an empty database', () => {
    const store = PaybenchStore.open(tempDbFile(), { seed: false });
    expect(store.guides.list()).toEqual([]);
    expect(store.projects.list()).toEqual([]);
    store.close();
  });

  it('does not seed again, nor copy, when reopening a database that is up to date', () => {
    const file = tempDbFile();
    const first = PaybenchStore.open(file);
    const guides = first.guides.list().length;
    first.close();
    const again = PaybenchStore.open(file);
    expect(again.guides.list().length).toBe(guides);
    expect(again.migration).toEqual({ from: latest, to: latest, backup: null });
    again.close();
  });

  it('copies a database of an earlier Paybench to <file>.before-v3.bak, then brings it to the latest version with its records at revision 1', () => {
    // a file as Paybench wrote it before migration 3: schema version 2, no application_id mark yet
    const file = tempDbFile();
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(old, file, false, loadMigrations().slice(0, 2));
    old.pragma('application_id = 0');
    old.exec("INSERT INTO pay_guides (name) VALUES ('旧指导价')");
    old.close();

    const store = PaybenchStore.open(file);
    expect(store.migration).toEqual({ from: 2, to: latest, backup: `${file}.before-v3.bak` });
    // sample data goes only into a database this call created, never into someone's existing file
    expect(store.guides.list().map((g) => [g.name, g.revision])).toEqual([['旧指导价', 1]]);
    expect(store.db.pragma('application_id', { simple: true })).toBe(PAYBENCH_APPLICATION_ID);
    store.close();

    const copy = new Database(`${file}.before-v3.bak`, { readonly: true });
    expect(copy.prepare('SELECT name FROM pay_guides').get()).toEqual({ name: '旧指导价' });
    expect(schemaVersion(copy)).toBe(2); // the copy is the file as it was before migration 3
    copy.close();
  });

  it('refuses a database written by a newer Paybench, naming both versions', () => {
    const file = tempDbFile();
    const db = new Database(file);
    db.pragma(`application_id = ${PAYBENCH_APPLICATION_ID}`);
    db.pragma(`user_version = ${latest + 1}`);
    db.close();
    expect(() => PaybenchStore.open(file)).toThrow(new RegExp(`结构版本 ${latest + 1} 比本程序支持的 ${latest} 新`));
  });

  it('applies each migration in one transaction with its user_version: a failing one leaves the previous version whole', () => {
    const file = tempDbFile();
    const db = new Database(file);
    const migrations = [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x TEXT);' },
      // the first statement succeeds, the second fails: neither may remain
      { version: 2, name: 'two', sql: 'CREATE TABLE b (y TEXT); INSERT INTO no_such_table VALUES (1);' },
    ];
    expect(() => migrate(db, file, false, migrations)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual([{ name: 'a' }]);
    db.close();
  });

  it('reads the numbered .sql files in order', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]!.sql).toMatch(/CREATE TABLE pay_guides/);
  });
});
