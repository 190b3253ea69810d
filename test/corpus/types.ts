/**
 * The bad-input corpus: files a user might pick — or an attacker craft — for each import, each with
 * the outcome the program must give. A case is data (its bytes are made by generate.ts, never
 * committed) so that the same list drives the core readers (corpus.test.ts) and the HTTP API of
 * browser mode (test/app/host/crash.test.ts).
 */
export type CorpusKind = 'guideWorkbook' | 'communityList' | 'budgetSpec';

/** Accepted with `count` items (guide cells, communities, staff lines), or refused with a problem matching `where` and `message`. */
export type CorpusExpect = { ok: true; count: number } | { ok: false; where?: string | RegExp; message: RegExp };

export interface CorpusCase {
  /** unique within its kind; also the generated file's stem */
  name: string;
  kind: CorpusKind;
  /** as the user picked it: the extension chooses the reader (.xlsx, .csv, .json) */
  fileName: string;
  /** what the case shows, in a line */
  about: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
  expect: CorpusExpect;
}

/** What any import answered, in one shape. */
export type CorpusOutcome = { ok: true; count: number } | { ok: false; problems: { where: string; message: string }[] };
