import type { z } from 'zod';
import { ValidationError, zodProblems } from '../../core/spec/fields';
import { ApiFailure, type ApiResponse } from './errors';
import type { ApiContext, Operation } from './operation';
import { operations } from './operations';

// the host and the renderer import the response types from here, where calls are answered
export { ApiFailure, type ApiError, type ApiErrorCode, type ApiResponse } from './errors';

/**
 * Calls one operation by name with untrusted input: validates it against the operation's schema,
 * runs the handler, and turns every failure into a plain error object — never a crash of the host.
 */
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
