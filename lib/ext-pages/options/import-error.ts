import type { Lang } from '../../core/i18n/lang';

/**
 * lib/ext-pages/settings/transfer words its refusals in English (it also serves tools and tests); the options page says
 * the same in the UI language, keeping the technical detail (field paths, the parser's message) as it is.
 */
const KNOWN: { prefix: string; ru: string; en: string }[] = [
  { prefix: 'The file is not valid JSON:', ru: 'Файл — не JSON:', en: 'The file is not valid JSON:' },
  { prefix: 'Not an Otklik settings file:', ru: 'Это не файл настроек Otklik:', en: 'Not an Otklik settings file:' },
  {
    prefix: 'The file comes from a newer Otklik',
    ru: 'Файл из более новой версии Otklik — сначала обновите расширение.',
    en: 'The file comes from a newer Otklik: update the extension first.',
  },
  {
    prefix: 'The file has no "settings" object.',
    ru: 'В файле нет объекта "settings".',
    en: 'The file has no "settings" object.',
  },
  {
    prefix: 'Cannot upgrade settings',
    ru: 'Не удалось обновить настройки из старой версии:',
    en: 'Cannot upgrade settings from the old version:',
  },
  { prefix: 'Invalid settings:', ru: 'Неверные настройки:', en: 'Invalid settings:' },
];

export function importErrorText(error: string, lang: Lang): string {
  const k = KNOWN.find((x) => error.startsWith(x.prefix));
  if (!k) return error;
  // A sentence that is complete by itself replaces the whole message; otherwise the detail follows.
  if (!k[lang].endsWith(':')) return k[lang];
  return `${k[lang]}${error.slice(k.prefix.length)}`;
}
