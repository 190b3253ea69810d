import type Database from 'better-sqlite3';
import type { RosterAnnexEntry } from '../../src/core/excel/budget/rosterAnnexSheet';
import { parseRatings } from '../../src/core/roster/importRows';
import { type Worker, ratingsText, workerSchema } from '../../src/core/roster/schema';
import type { CountedWorker } from '../../src/core/roster/stats';
import { ValidationError } from '../../src/core/spec/fields';
import { StaleRevisionError, StoreError } from '../errors';
import { type Revised, writeTransaction } from '../transaction';
import { now, validate, withoutRevision } from './validate';

/**
 * The roster (花名册, migration 004): replaced whole by an import, in one write transaction with
 * one prepared statement (100,000 workers in well under the 5 s docs/design.md §People: roster and
 * statistics allows); listed with filters and pages; one row edited at a time against its revision.
 */

export interface StoredWorker extends Worker {
  id: number;
  /** 序号: the order of the imported file */
  seq: number;
}

export interface RosterFilter {
  district?: string | null;
  street?: string | null;
  community?: string | null;
  certificate?: string | null;
  postType?: string | null;
  /** part of the name */
  name?: string | null;
}

/** One worker of a project's 名册附表 (migration 010), as the project was built from the roster: the sheet's entry and the worker's id. */
export interface AnnexRow extends RosterAnnexEntry {
  workerId: number | null;
}

interface AnnexDbRow {
  worker_id: number | null;
  seq: number | null;
  name: string;
  id_number: string | null;
  post_type: string | null;
  post_level: string | null;
  step: number | null;
  certificate: string | null;
  line_index: number | null;
  line_post: string | null;
  line_grade: string | null;
  line_step: number | null;
  line_qualification: string | null;
  note: string;
}

export interface RosterPage {
  total: number;
  workers: Revised<StoredWorker>[];
}

interface Row {
  id: number;
  seq: number;
  name: string;
  gender: string | null;
  birth_date: string | null;
  id_number: string | null;
  education: string | null;
  field: string | null;
  title: string | null;
  certificate: string | null;
  certificate_date: string | null;
  post_type: string | null;
  post_level: string | null;
  step: number | null;
  hire_date: string | null;
  community_years: number | null;
  community: string | null;
  street: string | null;
  district: string | null;
  ratings: string;
  party_post: number | null;
  revision: number;
}

/** as migration 004 creates it */
const PLACE_INDEX = 'CREATE INDEX roster_workers_place ON roster_workers (district, street, community)';

const COLUMNS =
  'seq, name, gender, birth_date, id_number, education, field, title, certificate, certificate_date, post_type, post_level, step, hire_date, community_years, community, street, district, ratings, party_post, updated_at';

function columns(w: Worker, seq: number, at: string): unknown[] {
  return [
    seq,
    w.name,
    w.gender,
    w.birthDate,
    w.idNumber,
    w.education,
    w.field,
    w.title,
    w.certificate,
    w.certificateDate,
    w.postType,
    w.postLevel,
    w.step,
    w.hireDate,
    w.communityYears,
    w.community,
    w.street,
    w.district,
    ratingsText(w.ratings),
    w.partyPost === null ? null : w.partyPost ? 1 : 0,
    at,
  ];
}

function read(r: Row): Revised<StoredWorker> {
  const ratings = r.ratings === '' ? [] : parseRatings(r.ratings);
  return {
    id: r.id,
    seq: r.seq,
    name: r.name,
    gender: r.gender as Worker['gender'],
    birthDate: r.birth_date,
    idNumber: r.id_number,
    education: r.education as Worker['education'],
    field: r.field,
    title: r.title as Worker['title'],
    certificate: r.certificate as Worker['certificate'],
    certificateDate: r.certificate_date,
    postType: r.post_type,
    postLevel: r.post_level,
    step: r.step,
    hireDate: r.hire_date,
    communityYears: r.community_years,
    community: r.community,
    street: r.street,
    district: r.district,
    // written by ratingsText from validated ratings: it parses back
    ratings: typeof ratings === 'string' ? [] : ratings,
    partyPost: r.party_post === null ? null : r.party_post === 1,
    revision: r.revision,
  };
}

const FILTERS: [keyof RosterFilter, string][] = [
  ['district', 'district = ?'],
  ['street', 'street = ?'],
  ['community', 'community = ?'],
  ['certificate', 'certificate = ?'],
  ['postType', 'post_type = ?'],
];

function where(filter: RosterFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [key, clause] of FILTERS) {
    const v = filter[key];
    if (v === undefined || v === null || v === '') continue;
    // 未填 filters the blank ones
    if (v === '未填') parts.push(clause.replace('= ?', 'IS NULL'));
    else {
      parts.push(clause);
      params.push(v);
    }
  }
  if (filter.name) {
    parts.push("name LIKE ? ESCAPE '\\'");
    params.push(`%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export class RosterRepository {
  constructor(private readonly db: Database.Database) {}

  /**
   * Replaces the whole roster with `workers` (as the importer validated them), in one transaction:
   * a failure part way leaves the old roster as it was.
   */
  replaceAll(workers: readonly Worker[]): number {
    const at = now();
    return writeTransaction(this.db, () => {
      this.db.prepare('DELETE FROM roster_workers').run();
      const insert = this.db.prepare(
        `INSERT INTO roster_workers (${COLUMNS}) VALUES (${COLUMNS.split(',')
          .map(() => '?')
          .join(', ')})`,
      );
      // the place index (migration 004) is built once after the rows, not row by row: a 100,000-row import is several times faster
      this.db.prepare('DROP INDEX IF EXISTS roster_workers_place').run();
      let seq = 0;
      for (const w of workers) insert.run(columns(w, ++seq, at));
      this.db.prepare(PLACE_INDEX).run();
      return seq;
    });
  }

  /** Adds `workers` after the stored ones (rows pasted into the grid), in one transaction, their 序号 following on. */
  appendAll(workers: readonly Worker[]): number {
    const at = now();
    return writeTransaction(this.db, () => {
      const insert = this.db.prepare(
        `INSERT INTO roster_workers (${COLUMNS}) VALUES (${COLUMNS.split(',')
          .map(() => '?')
          .join(', ')})`,
      );
      let seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM roster_workers').get() as { n: number }).n;
      for (const w of workers) insert.run(columns(w, ++seq, at));
      return workers.length;
    });
  }

  count(filter: RosterFilter = {}): number {
    const w = where(filter);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM roster_workers ${w.sql}`).get(...w.params) as { n: number }).n;
  }

  /** A page of the roster in file order, with the number of workers the filter matches. */
  list(filter: RosterFilter = {}, page: { offset: number; limit: number } = { offset: 0, limit: 100 }): RosterPage {
    const w = where(filter);
    const rows = this.db.prepare(`SELECT * FROM roster_workers ${w.sql} ORDER BY seq LIMIT ? OFFSET ?`).all(...w.params, page.limit, page.offset) as Row[];
    return { total: this.count(filter), workers: rows.map(read) };
  }

  /** Every worker the filter matches, in file order (statistics, exports). */
  all(filter: RosterFilter = {}): Revised<StoredWorker>[] {
    const w = where(filter);
    return (this.db.prepare(`SELECT * FROM roster_workers ${w.sql} ORDER BY seq`).all(...w.params) as Row[]).map(read);
  }

  /** Only what the structure statistics count, for every worker the filter matches: a 100,000-worker roster reads in a fraction of `all`. */
  counted(filter: RosterFilter = {}): CountedWorker[] {
    const w = where(filter);
    return this.db
      .prepare(`SELECT birth_date AS birthDate, education, title, certificate, field FROM roster_workers ${w.sql}`)
      .all(...w.params) as CountedWorker[];
  }

  /** Only what grading and pricing read (post, level, certificate, education, years), for every worker the filter matches. */
  graded(filter: RosterFilter = {}): Pick<Worker, 'postType' | 'postLevel' | 'certificate' | 'education' | 'communityYears'>[] {
    const w = where(filter);
    return this.db
      .prepare(`SELECT post_type AS postType, post_level AS postLevel, certificate, education, community_years AS communityYears FROM roster_workers ${w.sql}`)
      .all(...w.params) as Pick<Worker, 'postType' | 'postLevel' | 'certificate' | 'education' | 'communityYears'>[];
  }

  /** 序号, 姓名, 岗位等级 and 持证等级 of every worker, for the certificate checks. */
  certificates(): { seq: number; name: string; postLevel: string | null; certificate: Worker['certificate'] }[] {
    return this.db.prepare('SELECT seq, name, post_level AS postLevel, certificate FROM roster_workers ORDER BY seq').all() as {
      seq: number;
      name: string;
      postLevel: string | null;
      certificate: Worker['certificate'];
    }[];
  }

  get(id: number): Revised<StoredWorker> {
    const row = this.db.prepare('SELECT * FROM roster_workers WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new StoreError('NOT_FOUND', `花名册中没有编号为 ${id} 的人员 / worker not found`);
    return read(row);
  }

  /** The places and post types present, for the filters' choices. */
  choices(): { districts: string[]; streets: string[]; communities: string[]; postTypes: string[] } {
    const distinct = (col: string) =>
      (this.db.prepare(`SELECT DISTINCT ${col} AS v FROM roster_workers WHERE ${col} IS NOT NULL ORDER BY ${col}`).all() as { v: string }[]).map((r) => r.v);
    return { districts: distinct('district'), streets: distinct('street'), communities: distinct('community'), postTypes: distinct('post_type') };
  }

  /**
   * Saves one worker whole if the row is still at `revision` (the one the form loaded); else nothing
   * is written (StaleRevisionError), as for every record a form edits.
   */
  update(id: number, input: unknown, revision: number): Revised<StoredWorker> {
    const w = validate(workerSchema, withoutRevision(input)) as Worker;
    return writeTransaction(this.db, () => {
      const old = this.get(id);
      if (old.revision !== revision) throw new StaleRevisionError(`花名册第 ${old.seq} 行（${old.name}）`, revision, old.revision);
      // every column but seq: the row keeps its place in the file
      const sets = COLUMNS.split(',')
        .map((c) => `${c.trim()} = ?`)
        .slice(1);
      this.db
        .prepare(`UPDATE roster_workers SET ${sets.join(', ')}, revision = ? WHERE id = ?`)
        .run(...columns(w, old.seq, now()).slice(1), old.revision + 1, id);
      return this.get(id);
    });
  }

  /**
   * Creates a project with `create` (the project repository's own create, so it validates as every
   * project does) and stores its 名册附表 in the same write transaction: a failure of either writes
   * nothing. `create` runs nested, as a savepoint of this transaction.
   */
  createWithAnnex<P extends { id: number }>(create: () => P, annex: readonly AnnexRow[], check?: (project: P) => void): P {
    return writeTransaction(this.db, () => {
      const project = create();
      const insert = this.db.prepare(
        `INSERT INTO project_roster_annex (project_id, position, worker_id, seq, name, id_number, post_type, post_level, step, certificate,
                                           line_index, line_post, line_grade, line_step, line_qualification, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      annex.forEach((a, i) => {
        if ((a.line === null) !== (a.lineKey === null)) {
          throw new ValidationError([{ path: `annex[${i}].line`, message: '人员经费明细行与计价单元格须同时给出 / line and its guide cell go together' }]);
        }
        insert.run(
          project.id,
          i,
          a.workerId,
          a.seq,
          a.name,
          a.idNumber,
          a.postType,
          a.postLevel,
          a.step,
          a.certificate,
          a.line,
          a.lineKey?.post ?? null,
          a.lineKey?.grade ?? null,
          a.lineKey?.step ?? null,
          a.lineKey?.qualification ?? null,
          a.note,
        );
      });
      // e.g. pricing the new project: a throw here rolls the project and its annex back
      check?.(project);
      return project;
    });
  }

  /** A project's 名册附表 in its order; empty for a project not built from the roster. */
  annex(projectId: number): AnnexRow[] {
    const rows = this.db.prepare('SELECT * FROM project_roster_annex WHERE project_id = ? ORDER BY position').all(projectId) as AnnexDbRow[];
    return rows.map((r) => ({
      workerId: r.worker_id,
      seq: r.seq,
      name: r.name,
      idNumber: r.id_number,
      postType: r.post_type,
      postLevel: r.post_level,
      step: r.step,
      certificate: r.certificate,
      line: r.line_index,
      lineKey:
        r.line_index === null ? null : { post: r.line_post ?? '', grade: r.line_grade ?? '', step: r.line_step ?? 1, qualification: r.line_qualification },
      note: r.note,
    }));
  }
}
