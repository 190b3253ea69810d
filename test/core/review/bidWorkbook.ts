import JSZip from 'jszip';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { budgetWorkbookBuffer } from '../../../src/core/excel/budgetWorkbook';
import { parseBudgetSpec } from '../../../src/core/spec/budgetSpec';

/** A bid workbook as the program exports it, and the means to tamper with it as a bidder might, in its XML. */
export async function exportBid(spec: unknown): Promise<Buffer> {
  const priced = priceBudget(parseBudgetSpec(spec));
  return budgetWorkbookBuffer(priced.result, priced.spec, { preparedBy: '张三', date: '2026-01-05' });
}

/** The zip part of a sheet, by its name (workbook.xml → rels). */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1]!;
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Rewrites one part of the workbook's zip. */
export async function editPart(bytes: Uint8Array, part: (zip: JSZip) => Promise<string>, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const name = await part(zip);
  const xml = await zip.file(name)!.async('string');
  const changed = edit(xml);
  if (changed === xml) throw new Error(`${name} 未被改动`);
  zip.file(name, changed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Replaces the content of cell `ref` of `sheet` (its <f> and <v>, or an inline string) with `content`. */
export function editCell(bytes: Uint8Array, sheet: string, ref: string, content: string): Promise<Buffer> {
  return editPart(
    bytes,
    (zip) => sheetPart(zip, sheet),
    (xml) =>
      xml.replace(
        new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`),
        (_, attrs: string) => `<c r="${ref}"${attrs.replace(/ t="[^"]*"/, '')}>${content}</c>`,
      ),
  );
}

/** Edits the shared strings (where exceljs keeps the bid package's text). */
export function editSharedStrings(bytes: Uint8Array, edit: (xml: string) => string): Promise<Buffer> {
  return editPart(bytes, async () => 'xl/sharedStrings.xml', edit);
}
