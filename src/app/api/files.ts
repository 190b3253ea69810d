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
export function safeFileName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- control characters are among what a file name must not hold
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .trim()
      .replace(/^[.\s]+/, '')
      .slice(0, 120) || '导出'
  );
}

export function filePayload(file: WorkbookFile): FilePayload {
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  return { fileName: safeFileName(file.fileName), base64: bytes.toString('base64') };
}
