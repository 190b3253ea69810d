import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type MigrationOutcome, migrate } from './migrate';
import { ContributionSetRepository } from './repos/contributionSets';
import { GuideRepository } from './repos/guides';
import { ProjectRepository } from './repos/projects';
import { ReferenceWageRepository } from './repos/referenceWages';
import { RuleSetRepository } from './repos/ruleSets';
import { loadSampleData } from './seed';

export interface OpenOptions {
  /** load the embedded sample data into a database created by this call (default true) */
  seed?: boolean;
}

/**
 * The local SQLite store: one file, WAL journal, foreign keys enforced, schema brought up to date
 * by the numbered migrations on open. One repository per table family, and every save is one
 * transaction (see the repositories). Resolving a budget or a plan from these records is the
 * services' job (src/app/services), not the store's.
 */
export class PaybenchStore {
  readonly guides: GuideRepository;
  readonly referenceWages: ReferenceWageRepository;
  readonly contributionSets: ContributionSetRepository;
  readonly projects: ProjectRepository;
  readonly ruleSets: RuleSetRepository;

  private constructor(
    /** the connection, for db/ itself and its tests; everything else goes through a repository */
    readonly db: Database.Database,
    readonly file: string,
    readonly migration: MigrationOutcome,
  ) {
    this.guides = new GuideRepository(db);
    this.referenceWages = new ReferenceWageRepository(db);
    this.contributionSets = new ContributionSetRepository(db);
    this.projects = new ProjectRepository(db);
    this.ruleSets = new RuleSetRepository(db);
  }

  static open(file: string, opts: OpenOptions = {}): PaybenchStore {
    const inMemory = file === ':memory:';
    const existed = !inMemory && fs.existsSync(file) && fs.statSync(file).size > 0;
    if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file);
    try {
      if (!inMemory) db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      const migration = migrate(db, file, existed);
      const store = new PaybenchStore(db, file, migration);
      if (!existed && migration.from === 0 && (opts.seed ?? true)) db.transaction(() => loadSampleData(store))();
      return store;
    } catch (e) {
      db.close();
      throw e;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
