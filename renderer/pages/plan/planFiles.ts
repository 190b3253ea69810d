import type { FilePayload } from '../../../src/api/operation';
import { isElectron } from '../../api';

/**
 * A community list to import: .xlsx or .csv (the shared picker takes workbooks only). `filterName`
 * is the file-type name the desktop dialog shows, in the user's language.
 */
export async function pickCommunityList(filterName: string): Promise<FilePayload | null> {
  if (isElectron) return window.paybench!.openFile([{ name: filterName, extensions: ['xlsx', 'csv'] }]);
  const file = await new Promise<File | null>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv';
    input.style.display = 'none';
    input.dataset.testid = 'community-file-input';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    document.body.appendChild(input);
    input.click();
    setTimeout(() => input.remove(), 60_000);
  });
  if (!file) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, base64: btoa(binary) };
}
