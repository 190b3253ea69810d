import type Database from 'better-sqlite3';
import { type ProjectDraftRecord, type StoredProjectDraft, projectDraftRecordSchema } from '../../src/core/projects/draftRecord';
import { StaleRevisionError, StoreError } from '../errors';
import { writeTransaction } from '../transaction';
import { now, validate } from './validate';

/**
 * Project drafts (草稿, migration 006): the editor's text as typed while it has errors, one per
 * project, typed on top of a project revision. A draft is handed out only while the project is
 * still at that revision: once the project is saved (by this editor when the errors are corrected,
 * or by another window) the draft is stale and reads as absent (docs/design.md §Data flow, "Drafts").
 */
interface Row {
  project_id: number;
  revision: number;
  draft_json: string;
  problems: number;
  saved_at: string;
}

const fromRow = (r: Row): StoredProjectDraft => ({
  projectId: r.project_id,
  revision: r.revision,
  draft: JSON.parse(r.draft_json) as ProjectDraftRecord,
  problems: r.problems,
  savedAt: r.saved_at,
});

const CURRENT = 'SELECT d.* FROM project_drafts d JOIN projects p ON p.id = d.project_id AND p.revision = d.revision';

export class DraftRepository {
  constructor(private readonly db: Database.Database) {}

  /** The project's draft, or null when it has none or the project was saved since it was kept. */
  get(projectId: number): StoredProjectDraft | null {
    const row = this.db.prepare(`${CURRENT} WHERE d.project_id = ?`).get(projectId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every current draft, without its text: which projects the list marks 草稿·有错误. */
  list(): Omit<StoredProjectDraft, 'draft'>[] {
    return (this.db.prepare(`SELECT d.project_id, d.revision, d.problems, d.saved_at FROM (${CURRENT}) d ORDER BY d.project_id`).all() as Row[]).map((r) => ({
      projectId: r.project_id,
      revision: r.revision,
      problems: r.problems,
      savedAt: r.saved_at,
    }));
  }

  /**
   * Keeps (or replaces) the project's draft, typed on `revision` — the revision the editor loaded.
   * A project saved elsewhere since is refused as a stale save, like the project's own save.
   */
  keep(projectId: number, revision: number, draft: unknown, problems: number): StoredProjectDraft {
    const record = validate(projectDraftRecordSchema, draft, 'draft');
    return writeTransaction(this.db, () => {
      const project = this.db.prepare('SELECT name, revision FROM projects WHERE id = ?').get(projectId) as { name: string; revision: number } | undefined;
      if (!project) throw new StoreError('NOT_FOUND', `找不到编号为 ${projectId} 的项目 / project not found`);
      if (project.revision !== revision) throw new StaleRevisionError(`项目“${project.name}”`, revision, project.revision);
      this.db
        .prepare(
          `INSERT INTO project_drafts (project_id, revision, draft_json, problems, saved_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (project_id) DO UPDATE SET revision = excluded.revision, draft_json = excluded.draft_json,
             problems = excluded.problems, saved_at = excluded.saved_at`,
        )
        .run(projectId, revision, JSON.stringify(record), problems, now());
      return this.get(projectId)!;
    });
  }

  /** Drops the project's draft, if any (the editor's text became a valid project and was saved). */
  discard(projectId: number): void {
    writeTransaction(this.db, () => void this.db.prepare('DELETE FROM project_drafts WHERE project_id = ?').run(projectId));
  }
}
