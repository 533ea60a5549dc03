import { browser } from '#imports';

/**
 * The UI language of Otklik's own pages (popup, options, notifications): the browser's UI language, Russian for
 * ru-* and English otherwise. UI strings live beside their feature as `{ ru: {...}, en: {...} }` records (see
 * lib/triage/texts.ts) and are picked with this.
 */
export type Lang = 'ru' | 'en';

export const pickLang = (locale: string | undefined): Lang => (locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en');

export function uiLang(): Lang {
  let locale: string | undefined;
  try {
    locale = browser.i18n.getUILanguage();
  } catch {
    locale = undefined; // unit tests without the i18n API
  }
  return pickLang(locale ?? (typeof navigator === 'undefined' ? undefined : navigator.language));
}

/** Russian plural form for n: one (1, 21), few (2–4, 22–24), many (0, 5–20, 11–14). */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}
