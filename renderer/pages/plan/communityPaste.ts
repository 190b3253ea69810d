import { COMMUNITY_COLUMNS, type CommunityField } from '../../../src/core/plan/community';
import { splitClipboardRows } from '../guides/pasteGrid';

/**
 * Rows pasted from Excel or WPS into the 区域规划 community list: the block split into cells, its
 * columns mapped to the list's fields (by a header row when the block has one, else in the
 * template's order), and the problems the host's check reports (plan.checkCommunityRows, the
 * import's own rules) placed on their row and column for the preview. Pure: no React, no API.
 */
export interface PasteBlock {
  /** the data rows, each as many cells as the widest row (short rows padded with '') */
  rows: string[][];
  /** the block's first row named the columns (and is not a community) */
  headerRow: string[] | null;
  /** the field each column goes to; null: ignored */
  mapping: (CommunityField | null)[];
}

const normalise = (h: string) => h.replace(/\s+/g, '').toLowerCase();
const FIELD_OF_HEADER = new Map<string, CommunityField>(
  COMMUNITY_COLUMNS.flatMap((c) => [[normalise(c.zh), c.key] as const, [normalise(c.en), c.key] as const]),
);

/** The field a header cell names, or null. */
export function fieldOfHeader(text: string): CommunityField | null {
  return FIELD_OF_HEADER.get(normalise(text)) ?? null;
}

/**
 * Splits the clipboard text and guesses the mapping: a first row naming at least two of the list's
 * columns is a header; otherwise the columns are taken in the template's order (社区名称, 区, 街道,
 * 户数, 常住人口 …), which is what a planner copies from a list made from the template.
 */
export function readPaste(text: string): PasteBlock {
  const raw = splitClipboardRows(text).filter((r) => r.some((c) => c.trim() !== ''));
  const width = raw.reduce((w, r) => Math.max(w, r.length), 0);
  const padded = raw.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  const first = padded[0] ?? [];
  const named = first.map(fieldOfHeader);
  if (named.filter((f) => f !== null).length >= 2) {
    // a field named twice goes to its first column; the check would refuse the duplicate
    const mapping = named.map((f, i) => (f !== null && named.indexOf(f) === i ? f : null));
    return { rows: padded.slice(1), headerRow: first, mapping };
  }
  return { rows: padded, headerRow: null, mapping: Array.from({ length: width }, (_, i) => COMMUNITY_COLUMNS[i]?.key ?? null) };
}

/** The required fields no column is mapped to (社区名称, 区, 街道, 户数). */
export function missingFields(mapping: readonly (CommunityField | null)[]): CommunityField[] {
  return COMMUNITY_COLUMNS.filter((c) => c.required && !mapping.includes(c.key)).map((c) => c.key);
}

/** Maps column `index` to `field`; a field taken by another column is moved here (that one is ignored). */
export function mapColumn(mapping: readonly (CommunityField | null)[], index: number, field: CommunityField | null): (CommunityField | null)[] {
  return mapping.map((f, i) => (i === index ? field : field !== null && f === field ? null : f));
}

/** The header the host's check reads: each mapped column under its Chinese name, an ignored one blank. */
export function checkHeader(mapping: readonly (CommunityField | null)[]): string[] {
  const zh = new Map(COMMUNITY_COLUMNS.map((c) => [c.key, c.zh]));
  return mapping.map((f) => (f === null ? '' : zh.get(f)!));
}

/** A problem the check reported, placed: the row's index in the block and the column's. */
export interface PlacedProblem {
  row: number | null;
  column: number | null;
  message: string;
  path: string;
}

const COLUMN_LETTERS = /（([A-Z]+) 列）/;
const ROW_NUMBER = /第 ([\d,]+) 行/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Places the check's problems ("第 N 行 户数（D 列）") on the block: row N is the block's row
 * N − firstRow (the first pasted row was numbered `firstRow`), column D its fourth column.
 */
export function placeProblems(problems: readonly { path: string; message: string }[], firstRow: number): PlacedProblem[] {
  return problems.map((p) => {
    const row = ROW_NUMBER.exec(p.path);
    const column = COLUMN_LETTERS.exec(p.path);
    return {
      row: row ? Number(row[1]!.replace(/,/g, '')) - firstRow : null,
      column: column ? columnIndex(column[1]!) : null,
      message: p.message,
      path: p.path,
    };
  });
}
