/**
 * Refusals a service raises besides the store's own (db/errors.ts: not found, conflict) and the
 * field problems of a ValidationError. The API shows each with its code; the CLI with its exit code.
 */

/** A request that cannot be met as asked, e.g. a rule with no version in force on the date (INVALID_INPUT, exit 2). */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

/** A file named by the user that could not be read (exit 1); `reason` is the system's code, e.g. ENOENT. */
export class FileUnreadableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`无法读取 ${file}：${reason}`);
    this.name = 'FileUnreadableError';
  }
}
