import type Database from 'better-sqlite3';
import { StaleRevisionError } from './errors';

/**
 * Every write of the store runs here: a transaction that takes the write lock when it begins
 * (BEGIN IMMEDIATE). A deferred transaction reads first and asks for the lock at its first write;
 * if another connection (a second window, the CLI) committed in between, SQLite cannot let it wait
 * — its snapshot is stale — and answers `database is locked` at once, busy timeout or not. Taking
 * the lock first makes a second writer wait its turn, up to the busy timeout the store sets.
 * Nested inside another write transaction it becomes a savepoint of that one.
 */
export function writeTransaction<T>(db: Database.Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** The tables whose rows the user edits in a form and saves whole (migration 003). */
export type RevisedTable = 'projects' | 'contribution_sets' | 'pay_guides' | 'guide_versions' | 'reference_wages';

/**
 * Optimistic concurrency: a save names the revision it was based on (what the window loaded); if
 * the stored row has moved on, someone else saved in between and this save is refused rather than
 * silently overwriting theirs. Otherwise the save gets the next revision. Call inside the write
 * transaction, after the row is known to exist, before writing.
 */
export function nextRevision(db: Database.Database, table: RevisedTable, id: number, basedOn: number, record: string): number {
  const row = db.prepare(`SELECT revision FROM ${table} WHERE id = ?`).get(id) as { revision: number } | undefined;
  const current = row?.revision ?? 0;
  if (current !== basedOn) throw new StaleRevisionError(record, basedOn, current);
  return current + 1;
}

/** A record as the store hands it out: with the revision its next save must name. */
export type Revised<T> = T & { revision: number };
