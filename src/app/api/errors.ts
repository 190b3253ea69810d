import type { FieldProblem } from '../../core/spec/fields';

/**
 * What a failed call answers: a code the renderer can branch on, a Chinese message for the user,
 * and the field paths at fault. Kept apart from dispatch so the operations can throw ApiFailure
 * without importing the list they belong to.
 */
export type ApiErrorCode = 'UNKNOWN_OPERATION' | 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'LOCKED' | 'FAILED';

export interface ApiError {
  code: ApiErrorCode;
  message: string; // Chinese, for the user
  problems: FieldProblem[];
}

export type ApiResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers for a user-facing failure with a code. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}
