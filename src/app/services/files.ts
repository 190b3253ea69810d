import fs from 'node:fs';
import { FileUnreadableError } from './errors';

/** A file a service produced, before any host saves it or sends it (the API as base64). */
export interface WorkbookFile {
  /** a suggested name, as the user would read it; hosts make it safe before use */
  fileName: string;
  bytes: Uint8Array;
}

/** The bytes of a file named on the command line; a failure names the file and the system's reason. */
export function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new FileUnreadableError(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}
