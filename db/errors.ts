/**
 * A refusal by the store that the user must see as such: a name already taken, a record that does
 * not exist, a guide still used by a project. The API maps `code` onto its own error codes; the
 * store stays free of the API so the CLI can open it without loading every operation.
 */
export type StoreErrorCode = 'NOT_FOUND' | 'CONFLICT';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
