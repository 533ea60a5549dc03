import { browser } from '#imports';

/**
 * The UI language of Otklik's own pages (popup, options, notifications): the browser's UI language, Russian for
 * ru-* and English otherwise. UI strings live beside their feature as `{ ru: {...}, en: {...} }` records (see
 * lib/listing/triage/texts.ts) and are picked with this.
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

export { plural } from './plural';
