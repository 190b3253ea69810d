import { type Decimal, divRound, fromInteger, isZero, mul, parseDecimal, sub, toFixed, toPlainString } from '../money/decimal';
import { type CellIdentity, cellKey } from './distinctCells';
import type { GuideVersion } from './schema';

/**
 * Two versions of a guide compared cell by cell (post × grade × step) and allowance by allowance:
 * added, removed, changed or unchanged, with the change in yuan (or in coefficient) and in percent
 * of the old value, exact and rounded 四舍五入 to 2 places. A cell whose kind changed (yuan ↔
 * coefficient) is "changed" without an amount: the two are not comparable without a reference wage.
 */
export type DiffStatus = 'added' | 'removed' | 'changed' | 'same';

export interface CellDiff {
  post: string;
  grade: string;
  step: number;
  status: DiffStatus;
  kind: 'amount' | 'coefficient' | 'mixed';
  before: string | null;
  after: string | null;
  /** after − before; null when added, removed or of different kinds */
  change: string | null;
  /** (after − before) / before × 100, 2 places; null where change is null or before is 0 */
  percent: string | null;
}

export interface AllowanceDiff {
  qualification: string;
  kind: 'monthly' | 'oneOff';
  status: DiffStatus;
  before: string | null;
  after: string | null;
  change: string | null;
  percent: string | null;
}

export interface VersionDiff {
  from: string;
  to: string;
  cells: CellDiff[];
  allowances: AllowanceDiff[];
  counts: Record<DiffStatus, number>;
}

const HUNDRED = fromInteger(100);

function change(before: string, after: string, money: boolean): { change: string; percent: string | null } {
  const b = parseDecimal(before);
  const d: Decimal = sub(parseDecimal(after), b);
  return {
    change: money ? toFixed(d, 2) : toPlainString(d),
    percent: isZero(b) ? null : toFixed(divRound(mul(d, HUNDRED), b, 2), 2),
  };
}

type Valued = { kind: 'amount' | 'coefficient'; value: string };

function compare(before: Valued | undefined, after: Valued | undefined) {
  if (!before) return { status: 'added' as const, kind: after!.kind, change: null, percent: null };
  if (!after) return { status: 'removed' as const, kind: before.kind, change: null, percent: null };
  if (before.kind !== after.kind) return { status: 'changed' as const, kind: 'mixed' as const, change: null, percent: null };
  const c = change(before.value, after.value, before.kind === 'amount');
  const same = isZero(sub(parseDecimal(after.value), parseDecimal(before.value)));
  return { status: same ? ('same' as const) : ('changed' as const), kind: before.kind, ...c };
}

export function diffVersions(a: GuideVersion, b: GuideVersion): VersionDiff {
  const key = (c: CellIdentity) => cellKey(c.post, c.grade, c.step);
  const value = (c: GuideVersion['cells'][number]): Valued =>
    c.amount !== undefined ? { kind: 'amount', value: c.amount } : { kind: 'coefficient', value: c.coefficient! };
  const beforeCells = new Map(a.cells.map((c) => [key(c), c]));
  const afterCells = new Map(b.cells.map((c) => [key(c), c]));
  // old order first, then cells only the new version has
  const order = [...a.cells, ...b.cells.filter((c) => !beforeCells.has(key(c)))];
  const cells: CellDiff[] = order.map((c) => {
    const before = beforeCells.get(key(c));
    const after = afterCells.get(key(c));
    return {
      post: c.post,
      grade: c.grade,
      step: c.step,
      before: before ? value(before).value : null,
      after: after ? value(after).value : null,
      ...compare(before && value(before), after && value(after)),
    };
  });

  const akey = (x: { qualification: string; kind: string }) => `${x.qualification}\u0000${x.kind}`;
  const beforeAllow = new Map(a.allowances.map((x) => [akey(x), x]));
  const afterAllow = new Map(b.allowances.map((x) => [akey(x), x]));
  const aorder = [...a.allowances, ...b.allowances.filter((x) => !beforeAllow.has(akey(x)))];
  const allowances: AllowanceDiff[] = aorder.map((x) => {
    const before = beforeAllow.get(akey(x));
    const after = afterAllow.get(akey(x));
    const r = compare(before && { kind: 'amount', value: before.amount }, after && { kind: 'amount', value: after.amount });
    return {
      qualification: x.qualification,
      kind: x.kind,
      status: r.status,
      before: before?.amount ?? null,
      after: after?.amount ?? null,
      change: r.change,
      percent: r.percent,
    };
  });

  const counts: Record<DiffStatus, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const c of cells) counts[c.status]++;
  return { from: a.label, to: b.label, cells, allowances, counts };
}
