/**
 * 岗位 × 等级 × 档次 names one cell of a pay guide. A guide that lists the same cell twice (一线社工 /
 * 社工师 / 第 1 档 at 6,500 and again at 6,800) has no single price for it, so every way a guide comes
 * in — the store, an imported workbook, a pasted block, a spec's inline guide, the version editor —
 * keeps the first and refuses each repeat, naming where the first one stood.
 */
export interface CellIdentity {
  readonly post: string;
  readonly grade: string;
  readonly step: number;
}

/** One key per cell identity (NUL cannot occur in a post or grade name). */
export const cellKey = (post: string, grade: string, step: number) => `${post}\u0000${grade}\u0000${step}`;

/**
 * The cells met so far, each with where it stood: a row number, an index, a sheet address —
 * whatever the caller's message names.
 */
export class DistinctCells<Place> {
  private readonly places = new Map<string, Place>();

  /** Where an earlier cell of the same identity stood; undefined if none did, and then this one's place is kept. */
  earlier(cell: CellIdentity, place: Place): Place | undefined {
    const key = cellKey(cell.post, cell.grade, cell.step);
    const first = this.places.get(key);
    if (first === undefined) this.places.set(key, place);
    return first;
  }
}

/** Each cell of the list that repeats an earlier one: its index and the index of the first. */
export function repeatedCells(cells: readonly CellIdentity[]): { index: number; first: number }[] {
  const distinct = new DistinctCells<number>();
  const repeats: { index: number; first: number }[] = [];
  cells.forEach((cell, index) => {
    const first = distinct.earlier(cell, index);
    if (first !== undefined) repeats.push({ index, first });
  });
  return repeats;
}
