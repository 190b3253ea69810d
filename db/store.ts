import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { inlineGuideFromVersion, projectToSpec } from '../src/core/projects/toSpec';
import { monthStartDate, versionInForce } from '../src/core/guides/versions';
import type { StoredPayGuide } from '../src/core/guides/schema';
import type { BudgetSpec } from '../src/core/spec/budgetSpec';
import { ValidationError } from '../src/core/spec/fields';
import { StoreError } from './errors';
import { type MigrationOutcome, migrate } from './migrate';
import { ContributionSetRepository } from './repos/contributionSets';
import { GuideRepository } from './repos/guides';
import { ProjectRepository } from './repos/projects';
import { ReferenceWageRepository } from './repos/referenceWages';
import { loadSampleData } from './seed';

export interface OpenOptions {
  /** load the embedded sample data into a database created by this call (default true) */
  seed?: boolean;
}

/**
 * The local SQLite store: one file, WAL journal, foreign keys enforced, schema brought up to date
 * by the numbered migrations on open. Every save is one transaction (see the repositories).
 */
export class PaybenchStore {
  readonly guides: GuideRepository;
  readonly referenceWages: ReferenceWageRepository;
  readonly contributionSets: ContributionSetRepository;
  readonly projects: ProjectRepository;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    readonly migration: MigrationOutcome,
  ) {
    this.guides = new GuideRepository(db);
    this.referenceWages = new ReferenceWageRepository(db);
    this.contributionSets = new ContributionSetRepository(db);
    this.projects = new ProjectRepository(db);
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

  /** A stored project as a full spec v1 (guide version in force at the period start, inline). */
  resolveProjectSpec(id: number): BudgetSpec {
    const project = this.projects.get(id);
    return projectToSpec(project, this.guides.get(project.guideId), this.referenceWages.list(), this.contributionSets.get(project.contributionSetId));
  }

  /** Replaces `payGuide: { ref }` (a guide's name, or its id) by the inline guide in force at the period start. */
  resolveGuideRef(spec: BudgetSpec): BudgetSpec {
    if (!('ref' in spec.payGuide)) return spec;
    const ref = spec.payGuide.ref;
    const guide = this.findGuide(ref);
    const date = monthStartDate(spec.period.start);
    const version = versionInForce(guide.versions, date);
    if (!version) {
      throw new ValidationError([{ path: 'payGuide.ref', message: `指导价“${guide.name}”在 ${date} 没有生效的版本 / no version in force on ${date}` }]);
    }
    return { ...spec, payGuide: inlineGuideFromVersion(guide, version, this.referenceWages.list(), date) };
  }

  private findGuide(ref: string): StoredPayGuide {
    const byName = this.guides.findByName(ref);
    if (byName) return byName;
    if (/^\d+$/.test(ref.trim())) {
      try {
        return this.guides.get(Number(ref));
      } catch (e) {
        if (!(e instanceof StoreError)) throw e;
      }
    }
    const names = this.guides.list().map((g) => g.name);
    throw new ValidationError([
      { path: 'payGuide.ref', message: `数据库中没有名为“${ref}”的指导价；现有：${names.join('、') || '（无）'} / pay guide not found` },
    ]);
  }
}
