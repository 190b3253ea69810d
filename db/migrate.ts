import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/**
 * Numbered SQL migrations (db/migrations/NNN_name.sql). Each runs in its own transaction together
 * with `PRAGMA user_version = NNN`, so a database is always at a whole version. Before the first
 * pending migration touches an existing file, a copy is kept as `<file>.before-v<NNN>.bak`.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .map((file) => /^(\d+)_(.+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2]!, sql: fs.readFileSync(`${dir}/${m[0]}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`迁移文件编号不连续：期望 ${i + 1}，得到 ${m.version}（${m.name}）`);
  });
  return migrations;
}

export const schemaVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

export interface MigrationOutcome {
  from: number;
  to: number;
  backup: string | null;
}

export function migrate(db: Database.Database, file: string, existed: boolean, migrations = loadMigrations()): MigrationOutcome {
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new Error(`数据库 ${file} 的结构版本 ${from} 比本程序支持的 ${latest} 新，请升级 Paybench / database is newer than this program`);
  }
  const pending = migrations.filter((m) => m.version > from);
  let backup: string | null = null;
  if (pending.length && existed && file !== ':memory:') {
    // fold the WAL into the main file so the copy is the whole database
    db.pragma('wal_checkpoint(TRUNCATE)');
    backup = `${file}.before-v${pending[0]!.version}.bak`;
    fs.copyFileSync(file, backup);
  }
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest, backup };
}
