import { DistinctCells } from '../../../src/core/guides/distinctCells';
import { guideVersionSchema, type GuideVersion } from '../../../src/core/guides/schema';
import { parseDecimal, toFixed, toPlainString } from '../../../src/core/money/decimal';
import { zodProblems } from '../../../src/core/spec/fields';
import { schemaMessage, type Lang } from '../../i18n';
import { checkMessages, type CheckMessages } from './messages';
import { normalizeNumberText, parseStep, type PastedCell } from './pasteGrid';

/**
 * A guide version while the user edits it: every input is kept as typed (text), and turned into
 * the stored GuideVersion only on save, by the store's own schema — so the form can show a message
 * under the very cell that is wrong, and nothing is saved while any cell is.
 */

export interface DraftCell {
  key: string; // stable row identity for React while rows are added and removed
  post: string;
  grade: string;
  step: string;
  kind: 'amount' | 'coefficient';
  value: string;
}

export interface DraftAllowance {
  key: string;
  qualification: string;
  amount: string;
  kind: 'monthly' | 'oneOff';
}

export interface VersionDraft {
  label: string;
  effectiveFrom: string;
  effectiveTo: string; // '' = until replaced
  documentNo: string;
  includes: GuideVersion['includes'];
  unit: GuideVersion['unit'];
  referenceWage: string; // '' = none
  source: string;
  notes: string;
  cells: DraftCell[];
  allowances: DraftAllowance[];
  /** the stored revision this draft was opened at: the save names it, and is refused if another window saved since */
  basedOn?: number;
}

let counter = 0;
export const newKey = () => `k${++counter}`;

export function draftCell(c: PastedCell): DraftCell {
  return c.amount !== undefined
    ? { key: newKey(), post: c.post, grade: c.grade, step: String(c.step), kind: 'amount', value: c.amount }
    : { key: newKey(), post: c.post, grade: c.grade, step: String(c.step), kind: 'coefficient', value: c.coefficient ?? '' };
}

export function draftFromVersion(v: GuideVersion): VersionDraft {
  return {
    label: v.label,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo ?? '',
    documentNo: v.documentNo,
    includes: v.includes,
    unit: v.unit,
    referenceWage: v.referenceWage ?? '',
    source: v.source,
    notes: v.notes,
    cells: v.cells.map(draftCell),
    allowances: v.allowances.map((a) => ({ key: newKey(), qualification: a.qualification, amount: a.amount, kind: a.kind })),
  };
}

export function emptyDraft(label: string, effectiveFrom: string): VersionDraft {
  return draftFromVersion(guideVersionSchema.parse({ label, effectiveFrom }));
}

/** The grid's cells as pasted/stored cells, skipping nothing: used before merging a paste. */
export function cellsOfDraft(cells: readonly DraftCell[]): PastedCell[] {
  return cells.map((c) => {
    const step = parseStep(c.step) ?? 0;
    return c.kind === 'amount'
      ? { post: c.post.trim(), grade: c.grade.trim(), step, amount: c.value }
      : { post: c.post.trim(), grade: c.grade.trim(), step, coefficient: c.value };
  });
}

export type VersionCheck = { ok: true; version: GuideVersion } | { ok: false; problems: Record<string, string> };

function amountText(raw: string): string | null {
  const n = normalizeNumberText(raw);
  if (n === null || (n.split('.')[1] ?? '').length > 2) return null;
  return toFixed(parseDecimal(n), 2);
}

function coefficientText(raw: string): string | null {
  const n = normalizeNumberText(raw);
  if (n === null || (n.split('.')[1] ?? '').length > 8) return null;
  return toPlainString(parseDecimal(n));
}

/**
 * Checks the draft; problems are keyed by draft path: "label", "cells[3].value", "allowances[0].amount",
 * and said in `lang`.
 */
export function checkVersionDraft(d: VersionDraft, lang: Lang = 'zh'): VersionCheck {
  const m = checkMessages[lang];
  const problems: Record<string, string> = {};
  const distinct = new DistinctCells<number>();
  const cells = d.cells.map((c, i) => {
    const step = parseStep(c.step);
    if (step === null) problems[`cells[${i}].step`] = m.stepRule;
    const text = c.kind === 'amount' ? amountText(c.value) : coefficientText(c.value);
    if (text === null) {
      problems[`cells[${i}].value`] = c.value.trim() === '' ? m.valueEmpty(c.kind) : c.kind === 'amount' ? m.amountRule : m.coefficientRule;
    }
    const prior = step !== null && c.post.trim() && c.grade.trim() ? distinct.earlier({ post: c.post.trim(), grade: c.grade.trim(), step }, i) : undefined;
    if (prior !== undefined) problems[`cells[${i}].post`] = m.duplicateRow(prior + 1);
    return c.kind === 'amount'
      ? { post: c.post, grade: c.grade, step: step ?? 1, amount: text ?? '0' }
      : { post: c.post, grade: c.grade, step: step ?? 1, coefficient: text ?? '0' };
  });
  const allowances = d.allowances.map((a, i) => {
    const text = amountText(a.amount);
    if (text === null) problems[`allowances[${i}].amount`] = m.allowanceAmountRule;
    return { qualification: a.qualification, amount: text ?? '0', kind: a.kind };
  });
  if (d.cells.some((c) => c.kind === 'coefficient') && d.referenceWage.trim() === '') {
    problems.referenceWage = m.wageRequired;
  }
  if (d.effectiveTo !== '' && d.effectiveTo < d.effectiveFrom) problems.effectiveTo = m.effectiveToBefore;
  const candidate = {
    label: d.label,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo === '' ? null : d.effectiveTo,
    documentNo: d.documentNo,
    includes: d.includes,
    unit: d.unit,
    referenceWage: d.referenceWage.trim() === '' ? null : d.referenceWage.trim(),
    source: d.source,
    notes: d.notes,
    cells,
    allowances,
  };
  const parsed = guideVersionSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error)) {
      const path = p.path.replace(/\.(amount|coefficient)$/, '.value');
      problems[path] ??= schemaMessage(p.message, lang);
    }
  }
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, version: parsed.data };
}

/** "单元格第 3 行 等级：不能为空" — a problem path as the user sees the grid. */
export function describeProblem(path: string, message: string, lang: Lang = 'zh'): string {
  const m = checkMessages[lang];
  const cell = /^cells\[(\d+)\]\.(\w+)$/.exec(path);
  if (cell) return m.cellProblem(Number(cell[1]) + 1, fieldName(m, cell[2]!), message);
  const allowance = /^allowances\[(\d+)\]\.(\w+)$/.exec(path);
  if (allowance) return m.allowanceProblem(Number(allowance[1]) + 1, fieldName(m, allowance[2]!), message);
  return m.fieldProblem(fieldName(m, path), message);
}

function fieldName(m: CheckMessages, field: string): string {
  const name = (m as Record<string, unknown>)[`field_${field}`];
  return typeof name === 'string' ? name : field;
}

/**
 * The undo step an edit of the version belongs to (docs/design.md §Data flow, "Undo"): typing in
 * one box — a fact, or one cell or allowance row — is one step while it runs on; adding, removing
 * or pasting rows (the row list changes length, or several rows change at once) is a step of its own (null).
 */
export function versionEditGroup(before: VersionDraft, patch: Partial<VersionDraft>): string | null {
  const keys = Object.keys(patch) as (keyof VersionDraft)[];
  if (keys.length !== 1) return null;
  const key = keys[0]!;
  if (key !== 'cells' && key !== 'allowances') return `version.${key}`;
  const was: readonly { key: string }[] = before[key];
  const now: readonly { key: string }[] = patch[key]!;
  if (was.length !== now.length) return null;
  const changed = now.filter((row, i) => row !== was[i]);
  if (changed.length !== 1 || changed[0]!.key !== was[now.indexOf(changed[0]!)]!.key) return null;
  return `version.${key}.${changed[0]!.key}`;
}
