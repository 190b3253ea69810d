import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes an exported file so that the file the user names is, at every moment, either the old one
 * whole or the new one whole: the bytes go to a temporary file in the same folder (same disk, so
 * the rename cannot turn into a copy), are flushed to disk, and only then is the temporary file
 * renamed over the target. A failed export — an error in the workbook writer, a full disk, a kill —
 * leaves the old workbook as it was and no temporary file behind.
 *
 * `content` is the bytes, or a writer that writes the file at the path it is given (the budget
 * workbook is streamed to disk row by row, docs/design.md §Excel workbooks).
 */
export async function writeFileAtomic(file: string, content: Uint8Array | ((tempFile: string) => Promise<void>)): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    if (typeof content === 'function') await content(temp);
    else await fs.promises.writeFile(temp, content, { flag: 'wx' });
    const handle = await fs.promises.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    // a replaced file keeps its permissions (e.g. a shared folder's group access)
    const old = await fs.promises.stat(target).catch(() => null);
    if (old?.isFile()) await fs.promises.chmod(temp, old.mode & 0o7777);
    await fs.promises.rename(temp, target);
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    throw e;
  }
  await syncFolder(dir);
}

/** The rename itself reaches the disk only with its folder; Windows has no folder handle to flush. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // some file systems (network shares) refuse to flush a folder; the file itself is already on disk
  } finally {
    await handle.close();
  }
}
