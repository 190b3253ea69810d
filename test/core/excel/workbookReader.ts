import ExcelJS from 'exceljs';

/** Reads a written workbook back for assertions. */
export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row whose column A (or given column) holds the label. */
export function rowOf(ws: ExcelJS.Worksheet, label: string, col = 1): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (!found && row.getCell(col).value === label) found = n;
  });
  if (!found) throw new Error(`no row labelled ${label} in ${ws.name}`);
  return found;
}

export function formulaCell(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  const v = cell.value as { formula?: string; result?: unknown } | null;
  if (!v || typeof v !== 'object' || v.formula === undefined) throw new Error(`${cell.address} is not a formula: ${JSON.stringify(cell.value)}`);
  return { formula: v.formula, result: v.result };
}
