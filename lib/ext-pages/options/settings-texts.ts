/** Strings of the settings notices and the import review (Russian and English, picked with uiLang()). */
import type { Lang } from '../../core/i18n/lang';

const ru = {
  fallbackTitle: 'Часть сохранённых настроек не прочиталась',
  fallbackText:
    'Эти поля сейчас работают со значениями по умолчанию; остальные настройки на месте. Сохранённые значения не стёрты: они останутся, пока вы не измените эти поля или не примете значения по умолчанию.',
  newerVersion: (v: number) =>
    `Настройки сохранены более новой версией Otklik (версия настроек ${v}). Поля, которых эта версия не знает, сохраняются как есть.`,
  stored: 'сохранено',
  wholeSettings: 'все настройки',
  acceptDefaults: 'Принять значения по умолчанию',
  sections: {
    enabled: 'Вкл/выкл',
    profile: 'Профиль',
    triage: 'Сортировка',
    apply: 'Отклики',
    letters: 'Письма',
    discovery: 'Автопоиск',
    notify: 'Уведомления',
    qa: 'Ответы работодателям',
    debug: 'Отладка',
  } as Record<string, string>,
  reviewTitle: (file: string) => `Импорт из «${file}»: проверьте, что изменится`,
  reviewNone: 'Файл совпадает с текущими настройками: менять нечего.',
  reviewCount: (n: number, risky: number) =>
    `Изменений: ${n}${risky ? `, из них требуют внимания: ${risky}` : ''}. Ничего не изменено, пока вы не нажмёте «Применить».`,
  field: 'Поле',
  now: 'Сейчас',
  after: 'После импорта',
  risky: 'важно',
  riskyHint:
    'Отмечены настройки, которые меняют, что и как часто Otklik делает сам: темп и лимиты откликов, автоматические режимы, адрес и модель провайдера писем (туда уходит ваш ключ), куда идут уведомления.',
  keyDropped: 'Адрес провайдера меняется: сохранённый API-ключ будет удалён, его нужно будет ввести заново.',
  apply: 'Применить',
  cancel: 'Отмена',
  cancelled: 'Импорт отменён, ничего не изменено.',
  empty: 'пусто',
  items: (n: number) => `${n} шт.`,
};

const en: typeof ru = {
  fallbackTitle: 'Some stored settings could not be read',
  fallbackText:
    'These fields use their defaults for now; the rest of your settings are in place. The stored values are not erased: they stay until you change these fields or accept the defaults.',
  newerVersion: (v) =>
    `The settings were saved by a newer Otklik (settings version ${v}). Fields this version does not know are kept as they are.`,
  stored: 'stored',
  wholeSettings: 'all settings',
  acceptDefaults: 'Accept the defaults',
  sections: {
    enabled: 'On/off',
    profile: 'Profile',
    triage: 'Sorting',
    apply: 'Applying',
    letters: 'Letters',
    discovery: 'Discovery',
    notify: 'Notifications',
    qa: 'Employer questions',
    debug: 'Debugging',
  },
  reviewTitle: (file) => `Import from “${file}”: check what would change`,
  reviewNone: 'The file matches your current settings: nothing to change.',
  reviewCount: (n, risky) =>
    `${n} change${n === 1 ? '' : 's'}${risky ? `, ${risky} of them need${risky === 1 ? 's' : ''} attention` : ''}. Nothing changes until you press Apply.`,
  field: 'Field',
  now: 'Now',
  after: 'After import',
  risky: 'risky',
  riskyHint:
    'Marked: settings that change what Otklik does by itself and how often — applying pace and caps, automatic modes, the letter provider’s address and model (your key goes there), where notifications go.',
  keyDropped: 'The provider address changes: the saved API key will be removed and has to be entered again.',
  apply: 'Apply',
  cancel: 'Cancel',
  cancelled: 'Import cancelled, nothing changed.',
  empty: 'empty',
  items: (n) => `${n} item${n === 1 ? '' : 's'}`,
};

export const settingsTexts: Record<Lang, typeof ru> = { ru, en };
export type SettingsTexts = typeof ru;
