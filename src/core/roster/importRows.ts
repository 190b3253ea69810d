import { columnLetter } from '../excel/cells';
import { LIMITS, ValidationError, type FieldProblem } from '../spec/fields';
import {
  type Certificate,
  COMMUNITY_YEARS,
  type Education,
  type Gender,
  ID_NUMBER,
  MAX_WORKERS,
  RATINGS,
  ROSTER_COLUMNS,
  type Rating,
  type Title,
  type Worker,
  type WorkerField,
  type YearRating,
  idNumberChecks,
} from './schema';

/**
 * Roster rows (after the header) → workers, cell by cell (docs/design.md §People: roster and
 * statistics). Every bad cell is reported as “第 N 行 学历（E 列）：…” and nothing is accepted while
 * any row is bad, as the community list import does. An empty optional cell is 未填 (null).
 */
export type RosterCell = string | number | boolean | Date | null;

const MAX_PROBLEMS = 200;

export class RosterImportError extends ValidationError {
  constructor(
    problems: FieldProblem[],
    readonly truncated: boolean,
  ) {
    super(problems);
    this.name = 'RosterImportError';
  }
}

export interface RosterImportResult {
  workers: Worker[];
  /** header columns that were not recognised (ignored), for the preview to show */
  ignoredColumns: string[];
}

/** `出生日期`, `出生日期 (YYYY-MM-DD)`, `出生日期（YYYY-MM-DD）` are one header; spaces and a BOM do not count. */
const normaliseHeader = (h: RosterCell) =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '');

const BY_HEADER = new Map(ROSTER_COLUMNS.map((c, i) => [c.zh, i]));
/** each field's column in ROSTER_COLUMNS */
const K = Object.fromEntries(ROSTER_COLUMNS.map((c, i) => [c.key, i])) as Record<WorkerField, number>;
/** 身份证号 is personal data many offices do not collect: its column may be left out of the file */
const OMITTABLE = new Set<WorkerField>(['idNumber']);

function headerMap(header: readonly RosterCell[]): { columns: (number | undefined)[]; ignored: string[] } {
  const columns: (number | undefined)[] = ROSTER_COLUMNS.map(() => undefined);
  const problems: FieldProblem[] = [];
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const k = BY_HEADER.get(normaliseHeader(h));
    if (k === undefined) {
      if (normaliseHeader(h) !== '') ignored.push(`${columnLetter(i + 1)}:${String(h)}`);
      return;
    }
    if (columns[k] !== undefined) {
      problems.push({ path: `第 1 行 ${columnLetter(i + 1)} 列`, message: `表头“${String(h)}”与 ${columnLetter(columns[k] + 1)} 列重复 / duplicate column` });
    } else columns[k] = i;
  });
  ROSTER_COLUMNS.forEach((c, k) => {
    if (columns[k] === undefined && !OMITTABLE.has(c.key)) {
      problems.push({ path: '第 1 行（表头）', message: `缺少列“${c.zh}”：表头须与导入模板一致 / missing column ${c.zh}` });
    }
  });
  if (problems.length) throw new RosterImportError(problems, false);
  return { columns, ignored };
}

const isoOf = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));

function cellText(v: RosterCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoOf(v);
  return v.trim();
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** days in a month of the Gregorian calendar: 2026-02-30 is no date */
const daysIn = (y: number, mo: number) => (mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[mo - 1]!);

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** `1990-5-1`, `1990/05/01`, `1990.05.01`, `1990年5月1日` → 1990-05-01, a calendar date within the years LIMITS allows; else null */
export function parseRosterDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < LIMITS.year.min || y > LIMITS.year.max || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return text.length === 10 && text[4] === '-' && text[7] === '-' ? text : `${m[1]}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

const RATING_SET = new Set<string>(RATINGS);

/** `2024:优秀;2025:合格` (full-width ： and ；, commas, or line breaks between years) → ratings by year; a message if bad */
export function parseRatings(text: string): YearRating[] | string {
  const out: YearRating[] = [];
  for (const part of text.split(/[;；,，、\n]+/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(\d{4})\s*(?:年)?\s*[:：]?\s*(\S+)$/.exec(p);
    if (!m) return `“${p}”须写成 年份:等次，如 2024:优秀 / must be year:rating`;
    const year = Number(m[1]);
    if (year < LIMITS.year.min || year > LIMITS.year.max) return `年份 ${m[1]} 不在 ${LIMITS.year.min}–${LIMITS.year.max} 之间 / year out of range`;
    if (!RATING_SET.has(m[2]!)) return `等次“${m[2]}”须为 ${RATINGS.join(' / ')} 之一 / unknown rating`;
    if (out.some((r) => r.year === year)) return `${year} 年的考核写了两次 / a year rated twice`;
    out.push({ year, rating: m[2] as Rating });
  }
  return out.sort((a, b) => a.year - b.year);
}

const NO_CELLS: readonly RosterCell[] = Object.freeze([]);

const shown = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);

/**
 * Validates rows into workers. `firstRow` is the sheet row number of rows[0]; blank rows are
 * skipped (their numbers still count). Up to 200 problems are collected before anything is refused.
 */
export function rosterFromRows(header: readonly RosterCell[], rows: Iterable<readonly RosterCell[]>, firstRow = 2): RosterImportResult {
  const { columns, ignored } = headerMap(header);
  const problems: FieldProblem[] = [];
  let truncated = false;
  const workers: Worker[] = [];
  let rowNo = firstRow - 1;
  const lists = new Map<WorkerField, Set<string>>(ROSTER_COLUMNS.filter((c) => c.list).map((c) => [c.key, new Set<string>(c.list)]));
  // the cells of the row being read: the helpers below are made once, not once a row (100,000 rows)
  let cells: readonly RosterCell[] = NO_CELLS;
  // a roster repeats its dates and ratings: each distinct text is parsed once
  const dates = new Map<string, string | null>();
  const ratingsOf = new Map<string, YearRating[] | string>();
  const bad = (k: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path: `第 ${rowNo} 行 ${ROSTER_COLUMNS[k]!.zh}（${columnLetter(columns[k]! + 1)} 列）`, message });
    else truncated = true;
  };
  const raw = (k: number): RosterCell => (columns[k] === undefined ? null : (cells[columns[k]] ?? null));
  const text = (k: number) => cellText(raw(k));
  const name = (k: number, required: boolean): string | null => {
    const t = text(k);
    if (t === '') {
      if (required) bad(k, '不能为空 / must not be empty');
      return null;
    }
    if (t.length > LIMITS.nameLength) bad(k, `不能超过 ${LIMITS.nameLength} 个字符 / at most ${LIMITS.nameLength} characters`);
    return t;
  };
  const listed = <T extends string>(k: number): T | null => {
    const t = text(k);
    if (t === '') return null;
    const allowed = lists.get(ROSTER_COLUMNS[k]!.key)!;
    if (!allowed.has(t)) {
      bad(k, `“${shown(t)}”不在可选值中：${[...allowed].join(' / ')} / not one of the listed values`);
      return null;
    }
    return t as T;
  };
  const date = (k: number): string | null => {
    const v = raw(k);
    if (v instanceof Date) {
      const iso = isoOf(v);
      const y = Number(iso.slice(0, 4));
      if (iso === '' || y < LIMITS.year.min || y > LIMITS.year.max) bad(k, '日期无效 / not a valid date');
      return iso === '' ? null : iso;
    }
    const t = cellText(v);
    if (t === '') return null;
    let d = dates.get(t);
    if (d === undefined) dates.set(t, (d = parseRosterDate(t)));
    if (d === null) bad(k, `“${shown(t)}”不是日期，须为 YYYY-MM-DD，如 1990-05-01 / must be a date YYYY-MM-DD`);
    return d;
  };
  const whole = (k: number, range: { min: number; max: number }): number | null => {
    const v = raw(k);
    if (v instanceof Date) {
      bad(k, `单元格格式是日期（显示为 ${isoOf(v)}），须为整数；请把该列设为“常规”格式 / a date-formatted cell, not a whole number`);
      return null;
    }
    const t = cellText(v);
    if (t === '') return null;
    if (!/^\d{1,9}$/.test(t) || Number(t) < range.min || Number(t) > range.max) {
      bad(k, `“${shown(t)}”须为 ${range.min} 到 ${range.max} 的整数 / must be a whole number from ${range.min} to ${range.max}`);
      return null;
    }
    return Number(t);
  };
  const idNumber = (): string | null => {
    const id = text(K.idNumber).toUpperCase().replace(/\s/g, '');
    if (id === '') return null;
    if (!ID_NUMBER.test(id)) bad(K.idNumber, '身份证号须为 18 位（末位可为 X）或 15 位数字 / must be an 18- or 15-digit ID number');
    else if (!idNumberChecks(id)) bad(K.idNumber, '身份证号校验位不符，请核对 / check digit does not match');
    else return id;
    return null;
  };

  for (const row of rows) {
    cells = row;
    rowNo++;
    let blank = true;
    for (const c of cells) {
      // most cells are plain text or numbers: no need to build the cell's text to see it is filled
      if (c === null || c === undefined || c === '') continue;
      if (typeof c !== 'string' || c.trim() !== '' || cellText(c) !== '') {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    if (workers.length >= MAX_WORKERS) {
      const n = MAX_WORKERS.toLocaleString('en-US');
      problems.push({ path: `第 ${rowNo} 行`, message: `花名册超过 ${n} 人的上限 / more than ${n} workers` });
      break;
    }
    const worker: Worker = {
      name: name(K.name, true) ?? '',
      gender: listed<Gender>(K.gender),
      birthDate: date(K.birthDate),
      idNumber: idNumber(),
      education: listed<Education>(K.education),
      field: name(K.field, false),
      title: listed<Title>(K.title),
      certificate: listed<Certificate>(K.certificate),
      certificateDate: date(K.certificateDate),
      postType: name(K.postType, false),
      postLevel: name(K.postLevel, false),
      step: whole(K.step, LIMITS.step),
      hireDate: date(K.hireDate),
      communityYears: whole(K.communityYears, COMMUNITY_YEARS),
      community: name(K.community, false),
      street: name(K.street, false),
      district: name(K.district, false),
      ratings: [],
      partyPost: null,
    };
    const ratingText = text(K.ratings);
    if (ratingText !== '') {
      let r = ratingsOf.get(ratingText);
      if (r === undefined) ratingsOf.set(ratingText, (r = parseRatings(ratingText)));
      if (typeof r === 'string') bad(K.ratings, r);
      else worker.ratings = r.slice(); // each worker its own array
    }
    const party = text(K.partyPost);
    if (party !== '') {
      if (party === '是') worker.partyPost = true;
      else if (party === '否') worker.partyPost = false;
      else bad(K.partyPost, `“${shown(party)}”须为 是 或 否 / must be 是 or 否`);
    }
    if (worker.birthDate !== null) {
      for (const key of ['certificateDate', 'hireDate'] as const) {
        const d = worker[key];
        if (d !== null && d < worker.birthDate) bad(K[key], `${d} 早于出生日期 ${worker.birthDate} / before the birth date`);
      }
    }
    workers.push(worker);
  }
  if (problems.length) throw new RosterImportError(problems, truncated);
  if (workers.length === 0) throw new RosterImportError([{ path: '第 2 行', message: '花名册中没有人员 / the roster has no workers' }], false);
  return { workers, ignoredColumns: ignored };
}
