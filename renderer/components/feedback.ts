import { message, notification } from 'antd';
import { ApiCallError } from '../../src/app/api/client';
import { ValidationError } from '../../src/core/spec/fields';

/** Every failure shown the same way: a Chinese title, the message, and one line per field problem. */
export function problemsOf(error: unknown): { message: string; problems: { path: string; message: string }[] } {
  if (error instanceof ApiCallError) return { message: error.error.message, problems: error.error.problems };
  if (error instanceof ValidationError) return { message: error.message, problems: error.problems };
  return { message: error instanceof Error ? error.message : String(error), problems: [] };
}

export function showApiError(title: string, error: unknown): void {
  const { message: text, problems } = problemsOf(error);
  notification.error({
    message: title,
    description: problems.length > 0 ? problems.map((p) => `${p.path}：${p.message}`).join('\n') : text,
    duration: 8,
    style: { whiteSpace: 'pre-line' },
  });
}

export function showDone(text: string): void {
  void message.success(text);
}
