import { createContext, useContext } from 'react';

/**
 * Chinese first; English switchable. Every text of the renderer lives in a typed dictionary next to
 * what shows it (defineMessages): Chinese is the default, and English must have every key of
 * Chinese with the same parameters, so a missing or misspelt English text does not compile. The
 * frame's own texts (menu, subtitle, language switch) are in ./frame.ts.
 */
export type Lang = 'zh' | 'en';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const I18nContext = createContext<I18n>({ lang: 'zh', setLang: () => {} });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A dictionary's texts: plain strings, or functions of what the text mentions (counts, names, dates). */
export type Messages = Record<string, string | ((...args: never[]) => string)>;

/** Both languages of one dictionary; `en` must have exactly the keys (and parameters) of `zh`. */
export function defineMessages<M extends Messages>(zh: M, en: { [K in keyof M]: M[K] }): Record<Lang, M> {
  return { zh, en };
}

/** The dictionary in the language the user chose. */
export function useMessages<M extends Messages>(dictionary: Record<Lang, M>): M {
  return dictionary[useContext(I18nContext).lang];
}

/**
 * An English count with its noun: "1 version", "2 versions" (Chinese needs no plural: 个版本).
 * `many` is for nouns whose plural is not noun + "s" ("community" → "communities").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The schema's messages are "中文 / English": the half for the language. */
export function schemaMessage(message: string, lang: Lang): string {
  const cut = message.indexOf(' / ');
  if (cut <= 0) return message;
  return lang === 'en' ? message.slice(cut + 3) : message.slice(0, cut);
}

const LANG_KEY = 'paybench.lang';

export function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The user's choice, kept for the next start. */
export function rememberLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}
