import type { Row, Worksheet } from 'exceljs';

/**
 * Commits a row of a streamed sheet and lets it go. exceljs's WorksheetWriter keeps every formula
 * cell it has written in an index (`_formulae`, by address) so that a later shared formula can find
 * its master; this workbook writes no shared formulas, and for a 100,000-line budget that index
 * alone would hold over a million cell models. Emptying it after each row keeps memory flat.
 */
export function commitRow(ws: Worksheet, row: Row): void {
  row.commit();
  const writer = ws as unknown as { _formulae?: Record<string, unknown> };
  if (writer._formulae !== undefined) writer._formulae = {};
}
