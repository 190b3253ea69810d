import { ApiCallError } from '../../../src/app/api/client';
import { ValidationError } from '../../../src/core/spec/fields';
import { showApiError } from '../../components/feedback';
import { schemaMessage, useI18n, type Lang } from '../../i18n';

/**
 * A failure from the API in the user's language: the schema's messages are "中文 / English", so in
 * English each keeps its English half. Chinese shows the failure exactly as it came.
 */
export function inLanguage(error: unknown, lang: Lang): unknown {
  if (lang === 'zh') return error;
  if (error instanceof ApiCallError) {
    const e = error.error;
    return new ApiCallError({ ...e, message: schemaMessage(e.message, lang), problems: e.problems.map((p) => ({ ...p, message: schemaMessage(p.message, lang) })) });
  }
  if (error instanceof ValidationError) return new ValidationError(error.problems.map((p) => ({ ...p, message: schemaMessage(p.message, lang) })));
  return error;
}

/** `showApiError` with the failure in the user's language (the title is already the page's own). */
export function useShowApiError(): (title: string, error: unknown) => void {
  const { lang } = useI18n();
  return (title, error) => showApiError(title, inLanguage(error, lang));
}
