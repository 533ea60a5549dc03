import type { SettingsTexts } from './settings-texts';

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
