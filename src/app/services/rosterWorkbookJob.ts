import { writeRosterWorkbook } from '../../core/excel/roster/rosterWorkbook';
import type { Worker } from '../../core/roster/schema';

/**
 * The roster export (花名册, docs/design.md §People: roster and statistics) written inside the file
 * worker (parseJobs.ts loads this module only when an export is asked for), so a roster of many
 * thousands neither holds up the host nor keeps a cancel waiting. Progress is by the rows written:
 * writing the rows is most of the work; the sheet's commit and the zip take the last part.
 */

/** the share of the bar the rows fill, after the start and before the zip's last step */
const ROWS_SHARE = { from: 0.05, to: 0.9 } as const;

export async function rosterWorkbookBytes(workers: readonly Worker[], report: (fraction: number, label: string) => void = () => {}): Promise<Uint8Array> {
  report(0, '写出工作簿');
  const bytes = await writeRosterWorkbook(workers, (written, total) =>
    report(ROWS_SHARE.from + ((ROWS_SHARE.to - ROWS_SHARE.from) * written) / total, '写出工作簿'),
  );
  report(1, '已写出');
  return bytes;
}
