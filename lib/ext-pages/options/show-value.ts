import { languageName, roleName } from '../../core/hh/catalogue';
import type { Lang } from '../../core/i18n/lang';
import type { SettingsTexts } from './settings-texts';

/**
 * A profile field in words a person reads: hh role ids as their names, languages as "английский B2"; other
 * values unchanged (then shown by showValue). An id the catalogue lacks is shown as is.
 */
export function readableValue(path: string, v: unknown, lang: Lang): unknown {
  if (!Array.isArray(v) || !v.length) return v;
  if (path === 'profile.professionalRoles')
    return v.map((id) => (typeof id === 'string' ? (roleName(id) ?? id) : id)).join('; ');
  if (path === 'profile.driverLicences') return v.join(', ');
  if (path === 'profile.languages') {
    return v
      .map((l: unknown) => {
        const x = l as { code?: unknown; level?: unknown };
        return typeof x.code === 'string' && typeof x.level === 'string'
          ? `${languageName(x.code, lang)} ${x.level === 'l1' ? (lang === 'ru' ? 'родной' : 'native') : x.level.toUpperCase()}`
          : JSON.stringify(l);
      })
      .join(', ');
  }
  return v;
}

/** A settings value in one short line for notices and the import review (long text cut, lists counted). */
export function showValue(v: unknown, t: SettingsTexts, max = 80): string {
  if (v === undefined || v === null || v === '') return `(${t.empty})`;
  if (Array.isArray(v) && v.length === 0) return `(${t.empty})`;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  if (text.length <= max) return text;
  return Array.isArray(v) ? `${t.items(v.length)}: ${text.slice(0, max - 12)}…` : `${text.slice(0, max - 1)}…`;
}

/** "Section → path" for a dotted settings path ('' = the whole object). */
export function showPath(path: string, t: SettingsTexts): string {
  if (!path) return t.wholeSettings;
  const top = path.split('.')[0]!;
  const section = t.sections[top];
  return section ? `${section} → ${path}` : path;
}
