import type { ContributionSet } from '../contributions/schema';
import type { GuideVersion, ReferenceWageRecord } from '../guides/schema';
import { eq, isDecimalText, parseDecimal } from '../money/decimal';

/**
 * The change history (docs/design.md §History and locks): what a save changed, field by field, as
 * the rows of the store's change log. A field is named by a stable key — the schema's field name
 * (`documentNo`, `floor`), or a list member by what identifies it (`cells[一线社工/社工师/1]`,
 * `items[养老保险].rate`) — and its old and new values are text as stored (null: it did not exist).
 * One changed cell is one row, `一线社工/社工师/1: 6500.00 → 6800.00`, never the whole table.
 */

/** What a history row is about. */
export type ChangeObjectKind = 'guide' | 'guideVersion' | 'referenceWage' | 'contributionSet' | 'project' | 'gradingScheme';

/** create / update / delete; a project's 提交 (submit), 撤回提交 (withdraw) and 重新计价 (reprice). */
export type ChangeAction = 'create' | 'update' | 'delete' | 'submit' | 'withdraw' | 'reprice';

export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

/** One row of the change log as the store hands it out. */
export interface ChangeEntry extends FieldChange {
  id: number;
  /** ISO time (UTC) of the save */
  at: string;
  /** the operating-system user who saved */
  user: string;
  objectKind: ChangeObjectKind;
  objectId: number;
  /** the object's name when the change was made (a guide version: 指导价名称 · 版本名称) */
  objectName: string;
  /** the guide a guide or guide-version row belongs to, so a guide's history includes its versions */
  guideId: number | null;
  action: ChangeAction;
}

type Scalar = string | number | boolean | null | undefined;
const text = (v: Scalar): string | null => (v === undefined || v === null ? null : String(v));

/**
 * Amounts, rates and coefficients are the same value however they were written: "0.80" saved again
 * as "0.8" is not a change (a form may shorten a number it shows), "0.80" → "0.82" is.
 */
function sameValue(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const [x, y] = [a.replace(/^×/, ''), b.replace(/^×/, '')];
  if (a.startsWith('×') !== b.startsWith('×') || !isDecimalText(x) || !isDecimalText(y)) return false;
  return eq(parseDecimal(x), parseDecimal(y));
}

/** The scalar fields whose values differ, in the order given; `numeric` ones compared as numbers. */
function scalarChanges<T extends object>(old: T, next: T, fields: readonly (keyof T & string)[], numeric: readonly string[] = []): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    const a = text(old[f] as Scalar);
    const b = text(next[f] as Scalar);
    if (numeric.includes(f) ? !sameValue(a, b) : a !== b) out.push({ field: f, old: a, new: b });
  }
  return out;
}

/**
 * Members of a list keyed by what identifies them (a cell by post/grade/step); a key met twice is
 * told apart by its occurrence (`#2`). Members only in the old list are removed (new = null), only
 * in the new list added (old = null); position alone is not a change.
 */
function keyedChanges<T>(
  listName: string,
  old: readonly T[],
  next: readonly T[],
  key: (x: T) => string,
  values: (x: T) => Record<string, string>,
): FieldChange[] {
  const index = (list: readonly T[]) => {
    const seen = new Map<string, number>();
    const map = new Map<string, T>();
    for (const x of list) {
      const k = key(x);
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      map.set(n === 1 ? k : `${k}#${n}`, x);
    }
    return map;
  };
  const a = index(old);
  const b = index(next);
  const out: FieldChange[] = [];
  const member = (k: string, sub: string) => `${listName}[${k}]${sub === '' ? '' : `.${sub}`}`;
  for (const [k, x] of a) {
    const y = b.get(k);
    const va = values(x);
    if (!y) {
      for (const [sub, v] of Object.entries(va)) out.push({ field: member(k, sub), old: v, new: null });
      continue;
    }
    const vb = values(y);
    for (const sub of Object.keys(va)) if (!sameValue(va[sub]!, vb[sub]!)) out.push({ field: member(k, sub), old: va[sub]!, new: vb[sub]! });
  }
  for (const [k, y] of b) {
    if (a.has(k)) continue;
    for (const [sub, v] of Object.entries(values(y))) out.push({ field: member(k, sub), old: null, new: v });
  }
  return out;
}

/** A cell's value as the change log shows it: the amount, or ×coefficient. */
export const cellValueText = (c: { amount?: string; coefficient?: string }) => (c.amount !== undefined ? c.amount : `×${c.coefficient}`);

export const VERSION_FIELDS = ['label', 'effectiveFrom', 'effectiveTo', 'documentNo', 'includes', 'unit', 'referenceWage', 'source', 'notes'] as const;

/** A guide version saved over another: its facts, then each cell and allowance that changed. */
export function versionChanges(old: GuideVersion, next: GuideVersion): FieldChange[] {
  return [
    ...scalarChanges(old, next, VERSION_FIELDS),
    ...keyedChanges(
      'cells',
      old.cells,
      next.cells,
      (c) => `${c.post}/${c.grade}/${c.step}`,
      (c) => ({ '': cellValueText(c) }),
    ),
    ...keyedChanges(
      'allowances',
      old.allowances,
      next.allowances,
      (a) => `${a.qualification}/${a.kind}`,
      (a) => ({ '': a.amount }),
    ),
  ];
}

export const GUIDE_FIELDS = ['name', 'issuer', 'region', 'sample'] as const;

export function guideHeaderChanges(
  old: { name: string; issuer: string; region: string; sample: boolean },
  next: { name: string; issuer: string; region: string; sample: boolean },
): FieldChange[] {
  return scalarChanges(old, next, GUIDE_FIELDS);
}

export const CONTRIBUTION_FIELDS = ['city', 'name', 'effectiveFrom', 'floor', 'ceiling', 'source', 'sample'] as const;

export function contributionSetChanges(old: ContributionSet, next: ContributionSet): FieldChange[] {
  return [
    ...scalarChanges(old, next, CONTRIBUTION_FIELDS, ['floor', 'ceiling']),
    ...keyedChanges(
      'items',
      old.items,
      next.items,
      (i) => i.name,
      (i) => ({ rate: i.rate, round: i.round }),
    ),
    ...keyedChanges(
      'levies',
      old.levies,
      next.levies,
      (l) => l.name,
      (l) => ({ rate: l.rate }),
    ),
  ];
}

export const WAGE_FIELDS = ['name', 'region', 'amount', 'per', 'effectiveFrom', 'source', 'sample'] as const;

export function referenceWageChanges(old: ReferenceWageRecord, next: ReferenceWageRecord): FieldChange[] {
  return scalarChanges(old, next, WAGE_FIELDS, ['amount']);
}
