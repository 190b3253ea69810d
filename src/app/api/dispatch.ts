import type { z } from 'zod';
import { ValidationError, zodProblems, type FieldProblem } from '../../core/spec/fields';
import type { ApiContext, Operation } from './operation';
import { operations } from './operations';

/**
 * Calls one operation by name with untrusted input: validates it against the operation's schema,
 * runs the handler, and turns every failure into a plain error object — never a crash of the host.
 */
export type ApiErrorCode = 'UNKNOWN_OPERATION' | 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FAILED';

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

export async function dispatch(ctx: ApiContext, name: string, rawInput: unknown): Promise<ApiResponse> {
  if (!Object.prototype.hasOwnProperty.call(operations, name)) {
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `未知的操作：${name}`, problems: [] } };
  }
  const op = (operations as Record<string, Operation<z.ZodType, unknown>>)[name]!;
  const parsed = op.input.safeParse(rawInput);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error);
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `${op.title}：输入有误 — ${problems.map((p) => `${p.path}: ${p.message}`).join('；')}`, problems },
    };
  }
  try {
    const value = await op.run(ctx, parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof ApiFailure) return { ok: false, error: { code: e.code, message: e.message, problems: e.problems } };
    if (e instanceof ValidationError) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `${op.title}：${e.message}`, problems: e.problems } };
    }
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'FAILED', message: `${op.title}失败：${message}`, problems: [] } };
  }
}
