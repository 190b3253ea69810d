import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type StreamWriterOptions = Omit<Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>, 'stream' | 'filename'>;

/** The area plan's workbooks favour speed over size: inline strings and the fastest zip level. */
export const QUICK_WRITER: StreamWriterOptions = { useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } };

/**
 * A streamed workbook's bytes in memory, for the API to hand over: `write` adds its sheets and
 * commits each; the workbook is committed here, once every sheet is.
 */
export async function workbookBytes(options: StreamWriterOptions, write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...options, stream });
  await write(wb);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
