import type { z } from 'zod';
import type { GuideVersion } from '../guides/schema';
import type { staffLineSchema } from '../spec/budgetSpec';
import { certificateOf, levelNumber } from './gradingScheme';
import type { Worker } from './schema';

/**
 * A project's staff lines built from the roster (docs/design.md §People: roster and statistics,
 * "Roster → money"): each worker is priced by the guide cell that matches their own 岗位类别 (the
 * guide's 岗位), 岗位等级 (its 等级) and 档次, with the allowance of their 持证等级. Workers on the
 * same cell with the same certificate share one staff line whose 人数 is how many they are, so the
 * budget arithmetic (docs/design.md §Budget arithmetic) is the one every budget uses, and the annex
 * (名册附表) keeps who is on which line. A worker who cannot be priced is listed with the reason,
 * never dropped and never priced at 0.
 *
 * Matching, in order:
 * - 岗位: the guide's post named exactly as the roster's 岗位类别.
 * - 等级: the guide's grade named as the roster's 岗位等级; else, for a level written as a number
 *   (“10”, “10级”), the grade “10级”.
 * - 档次: the cell of the worker's step. **Decision:** a guide that lists one step only for the
 *   post and grade does not grade by step, so every step (or none written) is paid at that cell,
 *   with a note when a step was written; a guide with several steps needs the worker's own, else
 *   the worker is not priced.
 * - 持证等级 → the guide's allowance whose qualification names that certificate (社工师 = 社会工作师,
 *   src/core/roster/gradingScheme.ts certificateOf). A certificate the guide pays nothing for is
 *   priced without an allowance, with a note.
 */
export type StaffLineInput = z.input<typeof staffLineSchema>;

/** What the pricing reads of a worker, and what the annex shows. */
export type RosterPerson = Pick<Worker, 'name' | 'idNumber' | 'postType' | 'postLevel' | 'step' | 'certificate'> & {
  /** roster_workers.id, null for a worker not from the store */
  id: number | null;
  /** 序号 on the roster */
  seq: number | null;
};

/** The guide cell a line is priced on, as the staff line names it. */
export interface LineKey {
  post: string;
  grade: string;
  step: number;
  qualification: string | null;
}

export interface PlacedPerson {
  person: RosterPerson;
  /** index of the staff line (0-based) */
  line: number;
  /** how the worker was matched, when not exactly as written; '' otherwise */
  note: string;
}

/** Why a worker cannot be priced, as a code with its parameters (a page renders it in its language) and in Chinese words. */
export type UnpricedCode = 'NO_POST_TYPE' | 'NO_POST' | 'NO_LEVEL' | 'NO_GRADE' | 'STEP_MISSING' | 'NO_STEP';

export interface UnpricedWhy {
  code: UnpricedCode;
  /** post, posts, level, grade, grades, step, steps: what the reason names (lists joined with 、) */
  params: Record<string, string>;
  reason: string;
}

export interface UnpricedPerson extends UnpricedWhy {
  person: RosterPerson;
}

export interface RosterStaffPlan {
  lines: StaffLineInput[];
  keys: LineKey[];
  placed: PlacedPerson[];
  unpriced: UnpricedPerson[];
}

interface CellIndex {
  /** post → grade → steps, in the guide's order */
  posts: Map<string, Map<string, number[]>>;
  /** the position of each cell in the guide, for ordering the lines as the guide lists them */
  order: Map<string, number>;
}

const keyText = (post: string, grade: string, step: number) => JSON.stringify([post, grade, step]);

function indexCells(version: Pick<GuideVersion, 'cells'>): CellIndex {
  const posts = new Map<string, Map<string, number[]>>();
  const order = new Map<string, number>();
  version.cells.forEach((c, i) => {
    const grades = posts.get(c.post) ?? new Map<string, number[]>();
    posts.set(c.post, grades);
    const steps = grades.get(c.grade) ?? [];
    grades.set(c.grade, steps);
    if (!steps.includes(c.step)) steps.push(c.step);
    if (!order.has(keyText(c.post, c.grade, c.step))) order.set(keyText(c.post, c.grade, c.step), i);
  });
  return { posts, order };
}

const listed = (xs: readonly (string | number)[]) => xs.join('、');

type Match = { ok: true; key: Omit<LineKey, 'qualification'>; notes: string[] } | ({ ok: false } & UnpricedWhy);

const refuse = (code: UnpricedCode, params: Record<string, string>, reason: string): Match => ({ ok: false, code, params, reason });

function matchCell(index: CellIndex, p: RosterPerson): Match {
  const post = p.postType?.trim() ?? '';
  if (post === '') return refuse('NO_POST_TYPE', {}, '岗位类别未填');
  const grades = index.posts.get(post);
  if (!grades) {
    const posts = listed([...index.posts.keys()]);
    return refuse('NO_POST', { post, posts }, `指导价没有岗位“${post}”（有：${posts}）`);
  }
  const written = p.postLevel?.trim() ?? '';
  if (written === '') return refuse('NO_LEVEL', { post }, '岗位等级未填');
  const n = levelNumber(written);
  const grade = grades.has(written) ? written : n !== null && grades.has(`${n}级`) ? `${n}级` : null;
  if (grade === null) {
    const all = listed([...grades.keys()]);
    return refuse('NO_GRADE', { post, level: written, grades: all }, `指导价岗位“${post}”没有等级“${written}”（有：${all}）`);
  }
  const notes: string[] = grade !== written ? [`等级“${written}”按“${grade}”`] : [];
  const steps = grades.get(grade)!;
  if (p.step !== null && steps.includes(p.step)) return { ok: true, key: { post, grade, step: p.step }, notes };
  if (steps.length === 1) {
    // no 档次 written where the guide has one: that cell, as a spec line without a step takes step 1
    if (p.step !== null) notes.push(`指导价该等级不分档次，第 ${p.step} 档按第 ${steps[0]} 档`);
    return { ok: true, key: { post, grade, step: steps[0]! }, notes };
  }
  const have = listed([...steps].sort((a, b) => a - b));
  return p.step === null
    ? refuse('STEP_MISSING', { post, grade, steps: have }, `档次未填（指导价“${post} ${grade}”有第 ${have} 档）`)
    : refuse('NO_STEP', { post, grade, step: String(p.step), steps: have }, `指导价“${post} ${grade}”没有第 ${p.step} 档（有第 ${have} 档）`);
}

function qualificationOf(version: Pick<GuideVersion, 'allowances'>, p: RosterPerson): { qualification: string | null; note: string | null } {
  const held = p.certificate;
  if (held === null || held === '无') return { qualification: null, note: null };
  const allowance = version.allowances.find((a) => certificateOf(a.qualification) === held);
  if (allowance) return { qualification: allowance.qualification, note: null };
  return { qualification: null, note: `指导价没有${held}的津贴，不计津贴` };
}

/**
 * The staff lines of `people` under one guide version: one line per (岗位, 等级, 档次, 资格), in the
 * guide's order of cells and, on a cell, with no certificate first and then in the guide's order of
 * allowances; 人数 = the workers on it, `months` each, no extra months. `placed` and `unpriced` keep
 * the people's order.
 */
export function staffLinesFromRoster(
  people: readonly RosterPerson[],
  version: Pick<GuideVersion, 'cells' | 'allowances'>,
  opts: { months: number },
): RosterStaffPlan {
  const index = indexCells(version);
  const qualificationRank = new Map<string, number>();
  version.allowances.forEach((a, i) => {
    if (!qualificationRank.has(a.qualification)) qualificationRank.set(a.qualification, i + 1);
  });
  const groups = new Map<string, { key: LineKey; members: number[] }>();
  const matched: ({ group: string; note: string } | null)[] = [];
  const unpriced: UnpricedPerson[] = [];
  people.forEach((p, i) => {
    const m = matchCell(index, p);
    if (!m.ok) {
      unpriced.push({ person: p, code: m.code, params: m.params, reason: m.reason });
      matched.push(null);
      return;
    }
    const q = qualificationOf(version, p);
    const key: LineKey = { ...m.key, qualification: q.qualification };
    const id = JSON.stringify([key.post, key.grade, key.step, key.qualification]);
    const group = groups.get(id) ?? { key, members: [] };
    groups.set(id, group);
    group.members.push(i);
    matched.push({ group: id, note: [...m.notes, ...(q.note ? [q.note] : [])].join('；') });
  });

  const ordered = [...groups.entries()].sort(([, a], [, b]) => {
    const cell = index.order.get(keyText(a.key.post, a.key.grade, a.key.step))! - index.order.get(keyText(b.key.post, b.key.grade, b.key.step))!;
    if (cell !== 0) return cell;
    const rank = (q: string | null) => (q === null ? 0 : qualificationRank.get(q)!);
    return rank(a.key.qualification) - rank(b.key.qualification);
  });
  const lineOf = new Map(ordered.map(([id], i) => [id, i]));
  const lines: StaffLineInput[] = ordered.map(([, g]) => ({
    post: g.key.post,
    grade: g.key.grade,
    step: g.key.step,
    ...(g.key.qualification !== null ? { qualification: g.key.qualification } : {}),
    count: g.members.length,
    months: opts.months,
    bonusMonths: 0,
    note: `按名册 ${g.members.length} 人（见名册附表）`,
  }));
  const placed: PlacedPerson[] = [];
  people.forEach((person, i) => {
    const m = matched[i];
    if (m) placed.push({ person, line: lineOf.get(m.group)!, note: m.note });
  });
  return { lines, keys: ordered.map(([, g]) => g.key), placed, unpriced };
}
