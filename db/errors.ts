/**
 * A refusal by the store that the user must see as such: a name already taken, a record that does
 * not exist, a guide still used by a project. The API maps `code` onto its own error codes; the
 * store stays free of the API so the CLI can open it without loading every operation.
 */
export type StoreErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'LOCKED';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * A save based on a revision the store no longer holds: another window or another Paybench on the
 * same file saved the record in between. Nothing was written; the user chooses to reload the stored
 * record or to keep the edits as a copy (docs/design.md §Data flow).
 */
export class StaleRevisionError extends StoreError {
  constructor(
    /** what was saved, as the user names it: 项目“某某” */
    readonly record: string,
    readonly basedOn: number,
    readonly current: number,
  ) {
    super(
      'CONFLICT',
      `${record}已在另一个窗口或另一个 Paybench 实例中被修改（你打开的是第 ${basedOn} 版，现在已是第 ${current} 版），本次保存没有写入。` +
        `请重新载入查看最新内容，或把你的修改另存为副本。 / changed in another window or instance since you opened it ` +
        `(revision ${basedOn}, now ${current}); nothing was saved: reload it, or keep your edits as a copy`,
    );
    this.name = 'StaleRevisionError';
  }
}

/**
 * The file given cannot be the store: no path, a folder or file that cannot be written, a file
 * that is not SQLite, another program's database, or one written by a newer Paybench. Nothing in
 * the file was changed. The message names the path and says what to do.
 */
export type StoreOpenProblem = 'NO_PATH' | 'READ_ONLY' | 'CANNOT_OPEN' | 'NOT_A_DATABASE' | 'NOT_PAYBENCH' | 'NEWER';

export class StoreOpenError extends Error {
  constructor(
    readonly problem: StoreOpenProblem,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}
