import { message, notification } from 'antd';
import { ApiCallError } from '../../src/app/api/client';
import { ValidationError } from '../../src/core/spec/fields';
import { schemaMessage, useI18n, type Lang } from '../i18n';

/** Every failure shown the same way: a title, the message, and one line per field problem. */
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

/**
 * A failure from the API in the user's language: the schema's messages are "中文 / English", so in
 * English each keeps its English half. Chinese shows the failure exactly as it came.
 */
export function inLanguage(error: unknown, lang: Lang): unknown {
  if (lang === 'zh') return error;
  if (error instanceof ApiCallError) {
    const e = error.error;
    return new ApiCallError({
      ...e,
      message: schemaMessage(e.message, lang),
      problems: e.problems.map((p) => ({ ...p, message: schemaMessage(p.message, lang) })),
    });
  }
  if (error instanceof ValidationError) return new ValidationError(error.problems.map((p) => ({ ...p, message: schemaMessage(p.message, lang) })));
  return error;
}

/** `showApiError` with the failure in the user's language (the title is already the page's own). */
export function useShowApiError(): (title: string, error: unknown) => void {
  const { lang } = useI18n();
  return (title, error) => showApiError(title, inLanguage(error, lang));
}

export function showDone(text: string): void {
  void message.success(text);
}
