import type { FieldChange } from '../history/changes';
import type { GradingScheme, GradingVersion } from './gradingScheme';

/**
 * What a save of a grading scheme changed, field by field, as rows of the change history
 * (docs/design.md §Grading as data, editing; §History and locks): a version added or removed is one
 * row (`versions[2027-01-01]`); inside a version each value is its own row, a table's row named by
 * what identifies it — `versions[2027-01-01].bands[正职].to`, `.levelPay[5].monthly`,
 * `.allowances[社会工作师].monthly`, `.levelMap[社会工作师三级].level`, and the starting-level rules
 * by their place, which is their meaning (`.startingLevels[#4].level`). Values are text as stored.
 */
type Flat = Map<string, string | null>;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : Array.isArray(v) ? v.join('/') : String(v));

function put(out: Flat, prefix: string, row: object, skip: readonly string[] = []) {
  for (const [k, v] of Object.entries(row)) if (!skip.includes(k)) out.set(`${prefix}.${k}`, text(v));
}

function flatVersion(v: GradingVersion): Flat {
  const out: Flat = new Map();
  const p = `versions[${v.effectiveFrom}]`;
  for (const k of ['source', 'yearsPerLevel', 'excellent', 'secretaryPostType', 'allowanceMinimum'] as const) out.set(`${p}.${k}`, text(v[k]));
  for (const b of v.bands) put(out, `${p}.bands[${b.postType}]`, b, ['postType']);
  v.startingLevels.forEach((r, i) => put(out, `${p}.startingLevels[#${i + 1}]`, r));
  for (const l of v.levelPay) put(out, `${p}.levelPay[${l.level}]`, l, ['level']);
  for (const a of v.allowances) put(out, `${p}.allowances[${a.qualification}]`, a, ['qualification']);
  for (const g of v.levelMap) put(out, `${p}.levelMap[${g.name}]`, g, ['name']);
  return out;
}

function flatChanges(old: Flat, next: Flat): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of old) if ((next.has(field) ? next.get(field)! : null) !== value) out.push({ field, old: value, new: next.get(field) ?? null });
  for (const [field, value] of next) if (!old.has(field) && value !== null) out.push({ field, old: null, new: value });
  return out;
}

const versionSummary = (v: GradingVersion) => `自 ${v.effectiveFrom} 起${v.source ? `（${v.source}）` : ''}`;

export function gradingSchemeChanges(old: GradingScheme, next: GradingScheme): FieldChange[] {
  const out: FieldChange[] = [];
  if (old.name !== next.name) out.push({ field: 'name', old: old.name, new: next.name });
  const dates = [...new Set([...old.versions, ...next.versions].map((v) => v.effectiveFrom))].sort();
  for (const date of dates) {
    const [a, b] = [old.versions.find((v) => v.effectiveFrom === date), next.versions.find((v) => v.effectiveFrom === date)];
    if (a && b) out.push(...flatChanges(flatVersion(a), flatVersion(b)));
    else if (b) out.push({ field: `versions[${date}]`, old: null, new: versionSummary(b) });
    else if (a) out.push({ field: `versions[${date}]`, old: versionSummary(a), new: null });
  }
  const targets = (s: GradingScheme) => {
    const m: Flat = new Map();
    for (const t of s.certificationTargets) put(m, `certificationTargets[${t.effectiveFrom}]`, t, ['effectiveFrom']);
    return m;
  };
  out.push(...flatChanges(targets(old), targets(next)));
  return out;
}
