import fs from 'node:fs';
import { FileUnreadableError } from './errors';

/** A file a service produced, before any host saves it or sends it (the API as base64). */
export interface WorkbookFile {
  /** a suggested name, as the user would read it; hosts make it safe before use */
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The bytes of a file named on the command line; a failure names the file and the system's reason. With `maxBytes`,
 * a larger file is not read: its first maxBytes + 1 bytes are returned, for the reader to refuse by its own size rule.
 */
export function readInputFile(file: string, maxBytes?: number): Buffer {
  try {
    if (maxBytes === undefined) return fs.readFileSync(file);
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= maxBytes) return fs.readFileSync(fd);
      const head = Buffer.alloc(maxBytes + 1);
      fs.readSync(fd, head, 0, head.length, 0);
      return head;
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw new FileUnreadableError(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}
