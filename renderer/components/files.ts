import type { FilePayload } from '../../src/app/api/operation';
import type { FileFilter } from '../../electron/bridge';
import { isElectron } from '../api';

/**
 * Workbooks in and out: the native Save/Open dialogs in Electron (through the preload), a download
 * and a file input in browser mode. Both sides speak FilePayload {fileName, base64}.
 */
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Resolves the saved path in Electron, the file name in browser mode, or null when cancelled. */
export async function saveFilePayload(payload: FilePayload): Promise<string | null> {
  if (isElectron) return window.paybench!.saveFile(payload);
  const bytes = Uint8Array.from(atob(payload.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = payload.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return payload.fileName;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Lets the user choose a file of the given kinds (extensions without the dot); null when cancelled. */
export async function pickFile(filter: FileFilter): Promise<FilePayload | null> {
  if (isElectron) return window.paybench!.openFile([filter]);
  const file = await new Promise<File | null>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filter.extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    document.body.appendChild(input);
    input.click();
    setTimeout(() => input.remove(), 0);
  });
  return file ? { fileName: file.name, base64: await readAsBase64(file) } : null;
}

/** Lets the user choose a workbook; null when cancelled. */
export function pickWorkbook(): Promise<FilePayload | null> {
  return pickFile({ name: 'Excel 工作簿', extensions: ['xlsx'] });
}
