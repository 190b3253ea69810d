import { normalizeNumberText, splitClipboardRows } from '../../pages/guides/pasteGrid';

/**
 * A block of rows pasted from Excel/WPS into a table of lines (docs/design.md §Data flow, "Paste"):
 * rows by line breaks, cells by tabs. Which pasted column fills which field is guessed — from a
 * header row when the first row names the fields ("名称", "单价（元）"), else by position from the
 * field the user pasted into — and the user may change it in the preview. Numbers are read as the
 * sheet shows them ("1,234.00", "１２", "800元") into plain text; other text is kept as typed, and
 * the table's own line checks say what is wrong with it. Pure: no DOM, no React.
 */
export interface PasteField<K extends string = string> {
  key: K;
  /** the column's name in the table (the preview's mapping picker) */
  label: string;
  /** header words that name this field in a pasted header row */
  headers: RegExp;
  /** a number box: "1,234.00", full-width digits, a trailing 元 are read as the plain number */
  number?: boolean;
}

/** A pasted column's field, or null: the column is left out. */
export type ColumnMapping<K extends string> = (K | null)[];

export interface PastedBlock<K extends string> {
  /** every non-blank pasted row, the header row included, each as wide as the widest */
  rows: string[][];
  /** the first row names the fields: it is not data */
  header: boolean;
  mapping: ColumnMapping<K>;
}

/** Whether a paste is a block (more than one cell) rather than a value for the box it is pasted into. */
export function isBlockPaste(text: string): boolean {
  const rows = pastedRows(text);
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1;
}

/** The pasted rows without fully blank ones (a sheet's clipboard ends with a line break), trailing empty cells dropped. */
export function pastedRows(text: string): string[][] {
  return splitClipboardRows(text)
    .map((cells) => {
      let end = cells.length;
      while (end > 0 && cells[end - 1]!.trim() === '') end--;
      return cells.slice(0, end);
    })
    .filter((cells) => cells.length > 0);
}

/** The field a header cell names, if exactly one field's words match it. */
function fieldOfHeader<K extends string>(cell: string, fields: readonly PasteField<K>[]): K | null {
  const text = cell.trim();
  if (text === '') return null;
  const hits = fields.filter((f) => f.headers.test(text));
  return hits.length === 1 ? hits[0]!.key : null;
}

/**
 * Reads the block and guesses its mapping. The first row is a header when at least half of its
 * filled cells each name a different field; otherwise the columns fill the fields in the table's
 * order starting at `startField` (the box pasted into), as Excel fills cells to the right.
 */
export function readPastedBlock<K extends string>(text: string, fields: readonly PasteField<K>[], startField?: K): PastedBlock<K> {
  const raw = pastedRows(text);
  const width = Math.max(0, ...raw.map((r) => r.length));
  const rows = raw.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  const first = rows[0] ?? [];
  const named = first.map((c) => fieldOfHeader(c, fields));
  const filled = first.filter((c) => c.trim() !== '').length;
  const distinct = new Set(named.filter((k) => k !== null));
  const header = filled > 0 && distinct.size === named.filter((k) => k !== null).length && distinct.size * 2 >= filled;
  if (header) return { rows, header, mapping: named };
  const start = Math.max(
    0,
    fields.findIndex((f) => f.key === startField),
  );
  return { rows, header, mapping: Array.from({ length: width }, (_, i) => fields[start + i]?.key ?? null) };
}

/**
 * The data rows as field values under `mapping`: a field no column fills is absent (the table's
 * default applies); a field filled twice takes the first column. Number fields are read as numbers
 * where they are numbers, and kept as typed where not (the line check names them).
 */
export function valuesOfRows<K extends string>(block: Pick<PastedBlock<K>, 'rows' | 'header'>, mapping: ColumnMapping<K>, fields: readonly PasteField<K>[]) {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return block.rows.slice(block.header ? 1 : 0).map((cells) => {
    const values: Partial<Record<K, string>> = {};
    mapping.forEach((key, i) => {
      if (key === null || values[key] !== undefined) return;
      const text = (cells[i] ?? '').trim();
      values[key] = byKey.get(key)?.number ? (normalizeNumberText(text) ?? text) : text;
    });
    return values;
  });
}

/** The pasted column that fills `key` under `mapping`, or -1. */
export function columnOf<K extends string>(mapping: ColumnMapping<K>, key: K): number {
  return mapping.indexOf(key);
}
