import type { ApiResponse } from '../src/app/api/dispatch';
import type { FilePayload } from '../src/app/api/operation';

/**
 * What the preload exposes on `window.paybench` (contextBridge) — the only door from the renderer
 * to the main process. Shared by electron/preload.ts, electron/main.ts and renderer/api.ts.
 */
export const CHANNELS = {
  call: 'paybench:call',
  saveFile: 'paybench:saveFile',
  openFile: 'paybench:openFile',
} as const;

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface PaybenchBridge {
  /** one API operation: validated and run by dispatch in the main process */
  call(name: string, input: unknown): Promise<ApiResponse>;
  /** native Save dialog; resolves the chosen path, or null when cancelled */
  saveFile(payload: FilePayload): Promise<string | null>;
  /** native Open dialog; resolves the file's bytes, or null when cancelled */
  openFile(filters: FileFilter[]): Promise<FilePayload | null>;
}
