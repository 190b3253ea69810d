import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreOpenError } from './errors';
import { type MigrationOutcome, type Ownership, loadMigrations, migrate, ownership } from './migrate';
import { AreaPlanRepository } from './repos/areaPlans';
import { ContributionSetRepository } from './repos/contributionSets';
import { DraftRepository } from './repos/drafts';
import { GradingRepository } from './repos/grading';
import { GuideRepository } from './repos/guides';
import { HistoryRepository } from './repos/history';
import { ProjectRepository } from './repos/projects';
import { ReferenceWageRepository } from './repos/referenceWages';
import { RosterRepository } from './repos/roster';
import { RuleSetRepository } from './repos/ruleSets';
import { loadSampleData } from './seed';
import { writeTransaction } from './transaction';

export interface OpenOptions {
  /** load the embedded sample data into a database created by this call (default true) */
  seed?: boolean;
  /** who the change history names for this store's changes (default: the operating-system user, docs/design.md §History and locks) */
  user?: string;
}

/** The operating-system user's name, for the change history; a system that cannot say gives its environment's, else 未知用户. */
export function osUserName(): string {
  try {
    const name = os.userInfo().username;
    if (name) return name;
  } catch {
    // no passwd entry for the uid (some containers): fall back to the environment
  }
  return process.env.USERNAME || process.env.USER || '未知用户';
}

/**
 * How long a write waits for another connection's write to finish (a second window, the CLI on the
 * same file) before it gives up with `database is locked`. A save is milliseconds; 5 s covers a
 * burst of them and a checkpoint.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The local SQLite store: one file, WAL journal, foreign keys enforced, schema brought up to date
 * by the numbered migrations on open. One repository per table family, and every save is one
 * write transaction (db/transaction.ts). Resolving a budget or a plan from these records is the
 * services' job (src/app/services), not the store's.
 *
 * Opening never harms a file that is not ours: whose it is is read first, on a read-only
 * connection, and another program's database is refused as it was found — no tables added, its
 * user_version and journal mode kept. Only then is the journal switched to WAL.
 */
export class PaybenchStore {
  readonly guides: GuideRepository;
  readonly referenceWages: ReferenceWageRepository;
  readonly contributionSets: ContributionSetRepository;
  readonly projects: ProjectRepository;
  readonly ruleSets: RuleSetRepository;
  readonly areaPlans: AreaPlanRepository;
  readonly history: HistoryRepository;
  readonly drafts: DraftRepository;
  readonly roster: RosterRepository;
  readonly grading: GradingRepository;

  private constructor(
    /** the connection, for db/ itself and its tests; everything else goes through a repository */
    readonly db: Database.Database,
    readonly file: string,
    readonly migration: MigrationOutcome,
    user: string,
  ) {
    this.history = new HistoryRepository(db, user);
    this.guides = new GuideRepository(db, this.history);
    this.referenceWages = new ReferenceWageRepository(db, this.history);
    this.contributionSets = new ContributionSetRepository(db, this.history);
    this.projects = new ProjectRepository(db, this.history);
    this.ruleSets = new RuleSetRepository(db);
    this.areaPlans = new AreaPlanRepository(db);
    this.drafts = new DraftRepository(db);
    this.roster = new RosterRepository(db);
    this.grading = new GradingRepository(db, this.history);
  }

  static open(file: string, opts: OpenOptions = {}): PaybenchStore {
    if (typeof file !== 'string' || file.trim() === '') {
      throw new StoreOpenError(
        'NO_PATH',
        '',
        '没有指定数据库文件：请用 --db FILE 或环境变量 PAYBENCH_DB 给出路径，或都不给以使用用户数据目录中的 paybench.sqlite / no database path given',
      );
    }
    const inMemory = file === ':memory:';
    const where = inMemory ? file : path.resolve(file);
    const exists = !inMemory && fs.existsSync(where);
    if (!inMemory) checkLocation(where, exists);
    const existed = exists && fs.statSync(where).size > 0;
    const owner = exists ? inspect(where) : null;
    if (owner?.kind === 'foreign') throw notOurs(where, owner);
    const latest = loadMigrations().length;
    if (owner?.kind === 'paybench' && owner.version > latest) {
      throw new StoreOpenError(
        'NEWER',
        where,
        `数据库 ${where} 的结构版本 ${owner.version} 比本程序支持的 ${latest} 新，请升级 Paybench / database is newer than this program`,
      );
    }

    let db: Database.Database;
    try {
      db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    } catch (e) {
      throw openFailure(where, e);
    }
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      if (!inMemory) db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      const migration = migrate(db, file, existed);
      const store = new PaybenchStore(db, file, migration, opts.user?.trim() || osUserName());
      // sample data only into a file that was blank: never into a database someone has filled
      if ((owner === null || owner.kind === 'empty') && (opts.seed ?? true)) {
        writeTransaction(db, () => {
          // another instance opening the same new file at the same moment may have filled it already
          if (store.isBlank()) loadSampleData(store);
        });
      }
      return store;
    } catch (e) {
      db.close();
      throw openFailure(where, e);
    }
  }

  /** No guide, wage, contribution set or project: a database nobody has filled yet. */
  private isBlank(): boolean {
    const row = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM pay_guides) + (SELECT COUNT(*) FROM reference_wages)
              + (SELECT COUNT(*) FROM contribution_sets) + (SELECT COUNT(*) FROM projects) AS n`,
      )
      .get() as { n: number };
    return row.n === 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * The folder must exist (it is created) and be writable — WAL keeps its -wal and -shm files beside
 * the database — and an existing file must be a writable file. Said before SQLite's own
 * `attempt to write a readonly database` can surface halfway through a save.
 */
function checkLocation(file: string, exists: boolean): void {
  const dir = path.dirname(file);
  if (exists && fs.statSync(file).isDirectory()) {
    throw new StoreOpenError(
      'CANNOT_OPEN',
      file,
      `${file} 是一个文件夹，不是数据库文件：请给出文件路径，如 ${path.join(file, 'paybench.sqlite')} / is a folder`,
    );
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new StoreOpenError(
      'READ_ONLY',
      file,
      `无法创建数据库所在的文件夹 ${dir}（${errCode(e)}）：请换一个可写的位置存放数据库 ${file} / cannot create the database folder`,
    );
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw new StoreOpenError(
      'READ_ONLY',
      file,
      `数据库文件夹 ${dir} 不可写（${errCode(e)}）：Paybench 需要在数据库 ${file} 旁写入日志文件，请换一个可写的位置，或请管理员开放写权限 / the database folder is read-only`,
    );
  }
  if (!exists) return;
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (e) {
    throw new StoreOpenError(
      'READ_ONLY',
      file,
      `数据库文件 ${file} 是只读的（${errCode(e)}）：请取消它的只读属性，或复制到可写的位置再打开 / the database file is read-only`,
    );
  }
}

/** Whose file this is, asked on a read-only connection that writes nothing. */
function inspect(file: string): Ownership {
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    return ownership(probe);
  } catch (e) {
    throw openFailure(file, e);
  } finally {
    probe?.close();
  }
}

function notOurs(file: string, owner: Ownership): StoreOpenError {
  const shown = owner.tables.slice(0, 5).join('、') + (owner.tables.length > 5 ? ` 等 ${owner.tables.length} 个` : '');
  const what = owner.tables.length ? `，其中有表 ${shown}` : '';
  return new StoreOpenError(
    'NOT_PAYBENCH',
    file,
    `${file} 是其他程序的 SQLite 数据库（不是 Paybench 的${what}），Paybench 没有改动它。` +
      `请用 --db 或 PAYBENCH_DB 指定 Paybench 自己的数据库文件，或一个尚不存在的新文件 / not a Paybench database; left untouched`,
  );
}

/** SQLite's and the system's refusals, said in Chinese with the path. */
function openFailure(file: string, e: unknown): unknown {
  if (e instanceof StoreOpenError) return e;
  const code = errCode(e);
  if (code === 'SQLITE_NOTADB') {
    return new StoreOpenError('NOT_A_DATABASE', file, `${file} 不是 SQLite 数据库文件，Paybench 没有改动它：请指定 Paybench 的数据库文件 / not a database`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new StoreOpenError('READ_ONLY', file, `数据库 ${file} 不可写（${code}）：请换一个可写的位置，或请管理员开放写权限 / the database is read-only`);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreOpenError('CANNOT_OPEN', file, `无法打开数据库 ${file}（${code}）：请检查路径和权限 / cannot open the database`);
  }
  return e;
}

function errCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}
