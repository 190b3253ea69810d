import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { writeTransaction } from './transaction';

/**
 * Numbered SQL migrations (db/migrations/NNN_name.sql). Each runs in its own write transaction
 * together with `PRAGMA user_version = NNN` and the Paybench mark (`PRAGMA application_id`), so a
 * database is always at a whole version and says whose it is. Before the first pending migration
 * touches an existing file, a copy is kept as `<file>.before-v<NNN>.bak`.
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

/** "PYBN": the SQLite header field that tells a Paybench database from any other SQLite file. */
export const PAYBENCH_APPLICATION_ID = 0x5059424e;

/** Schema versions written before the mark existed: such a file is ours if it has our first tables. */
const UNMARKED_VERSIONS = 2;
const FIRST_TABLES = ['pay_guides', 'guide_versions', 'contribution_sets', 'projects'];

/**
 * Whose file this is, read without writing anything: `empty` (a new or blank SQLite file, ours to
 * fill), `paybench`, or `foreign` — another program's database, which the store must leave as it
 * found it (no tables added, its user_version and journal mode kept).
 */
export interface Ownership {
  kind: 'empty' | 'paybench' | 'foreign';
  version: number;
  applicationId: number;
  /** the file's own tables, for the message that refuses a foreign one */
  tables: string[];
}

export function ownership(db: Database.Database): Ownership {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = schemaVersion(db);
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const kind =
    applicationId === PAYBENCH_APPLICATION_ID
      ? 'paybench'
      : applicationId !== 0
        ? 'foreign'
        : tables.length === 0 && version === 0
          ? 'empty'
          : version >= 1 && version <= UNMARKED_VERSIONS && FIRST_TABLES.every((t) => tables.includes(t))
            ? 'paybench'
            : 'foreign';
  return { kind, version, applicationId, tables };
}

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
    writeTransaction(db, () => {
      // another instance opening the same new file may have applied it while this one waited for the lock
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${PAYBENCH_APPLICATION_ID}`);
    });
  }
  return { from, to: latest, backup };
}
