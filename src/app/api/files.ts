import type { WorkbookFile } from '../services/files';
import type { FilePayload } from './operation';

/**
 * Files leave the API only through filePayload: bytes as base64 (both IPC and JSON carry it) and a
 * name that is safe as it stands. The name often holds a user's text (a project name, a plan's
 * title), and the renderer offers it as a download name or a save dialog's default.
 */

/**
 * A bare file name that Windows and the domestic Linux desktops all accept: no folder separators or
 * characters Windows forbids, no leading dot (a hidden file, or a `..` step), at most 120 characters.
 */
const MAX_NAME = 120;

export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are among what a file name must not hold
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .trim()
    .replace(/^[.\s]+/, '');
  if (cleaned === '') return '导出';
  if (cleaned.length <= MAX_NAME) return cleaned;
  // cut the name, not its ending: a long project name must still save as .xlsx
  const ending = /\.[A-Za-z0-9]{1,8}$/.exec(cleaned)?.[0] ?? '';
  return cleaned.slice(0, MAX_NAME - ending.length).trimEnd() + ending;
}

export function filePayload(file: WorkbookFile): FilePayload {
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  return { fileName: safeFileName(file.fileName), base64: bytes.toString('base64') };
}
