import type Database from 'better-sqlite3';
import type { ChangeAction, ChangeEntry, ChangeObjectKind, FieldChange } from '../../src/core/history/changes';
import { now } from './validate';

/**
 * The change log (change_log, migration 005): every change to guides, guide versions and their
 * cells, reference wages, contribution sets and projects' submissions, one row per changed field,
 * with when, who (the operating-system user the store was opened for) and old → new. The other
 * repositories write it inside the same transaction as the change itself, so a change that is
 * rolled back leaves no history, and no change is made without its history.
 */
export interface ChangedObject {
  kind: ChangeObjectKind;
  id: number;
  name: string;
  /** for a guide or guide version: the guide it belongs to */
  guideId?: number | null;
}

export interface HistoryFilter {
  /** one object; `guide` includes its versions' rows */
  kind?: ChangeObjectKind;
  id?: number;
  /** YYYY-MM-DD, inclusive, in UTC as the rows are */
  from?: string;
  to?: string;
  /** newest first, at most this many (default 1,000) */
  limit?: number;
}

interface Row {
  id: number;
  at: string;
  user: string;
  object_kind: ChangeObjectKind;
  object_id: number;
  object_name: string;
  guide_id: number | null;
  action: ChangeAction;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

export const HISTORY_DEFAULT_LIMIT = 1000;

export class HistoryRepository {
  constructor(
    private readonly db: Database.Database,
    /** who is making the changes: recorded on every row */
    readonly user: string,
  ) {}

  /**
   * Records a change; call inside the write transaction that makes it. An update with no field
   * changed records nothing; a create, delete, submit … with no fields records one row.
   */
  record(object: ChangedObject, action: ChangeAction, changes: readonly FieldChange[] = []): void {
    if (action === 'update' && changes.length === 0) return;
    const rows = changes.length ? changes : [{ field: '', old: null, new: null }];
    const insert = this.db.prepare(
      `INSERT INTO change_log (at, user, object_kind, object_id, object_name, guide_id, action, field, old_value, new_value)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const at = now();
    for (const c of rows) insert.run(at, this.user, object.kind, object.id, object.name, object.guideId ?? null, action, c.field, c.old, c.new);
  }

  list(filter: HistoryFilter = {}): ChangeEntry[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.kind === 'guide' && filter.id !== undefined) {
      where.push('guide_id = ?');
      args.push(filter.id);
    } else {
      if (filter.kind) {
        where.push('object_kind = ?');
        args.push(filter.kind);
      }
      if (filter.id !== undefined) {
        where.push('object_id = ?');
        args.push(filter.id);
      }
    }
    if (filter.from) {
      where.push('at >= ?');
      args.push(filter.from);
    }
    if (filter.to) {
      // the whole day: every time on `to` sorts before `to` + "T99"
      where.push('at < ?');
      args.push(`${filter.to}T99`);
    }
    const rows = this.db
      .prepare(`SELECT * FROM change_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
      .all(...args, filter.limit ?? HISTORY_DEFAULT_LIMIT) as Row[];
    return inFieldOrder(rows).map((r) => ({
      id: r.id,
      at: r.at,
      user: r.user,
      objectKind: r.object_kind,
      objectId: r.object_id,
      objectName: r.object_name,
      guideId: r.guide_id,
      action: r.action,
      field: r.field,
      old: r.old_value,
      new: r.new_value,
    }));
  }
}

/**
 * Newest save first, but the fields of one save in the order they were recorded (the order of the
 * form: facts, then cells): rows come newest first by id, so each save's run is turned back.
 */
function inFieldOrder(rows: Row[]): Row[] {
  const out: Row[] = [];
  let run: Row[] = [];
  const sameSave = (a: Row, b: Row) => a.at === b.at && a.object_kind === b.object_kind && a.object_id === b.object_id && a.action === b.action;
  for (const r of rows) {
    if (run.length && !sameSave(run[0]!, r)) {
      out.push(...run.reverse());
      run = [];
    }
    run.push(r);
  }
  out.push(...run.reverse());
  return out;
}
