import type { BlacklistEntry } from '../../core/match/profile';

/** Text-area ⇄ list conversions used by the options form. Pure, so they are unit-tested. */

/** One item per line or comma; trims, drops empties and case-insensitive duplicates, keeps order. */
export function parseList(text: string, { commas = true } = {}): string[] {
  const parts = text.split(commas ? /[\n,;]+/ : /\n+/);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of parts) {
    const item = raw.trim().replace(/\s+/g, ' ');
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

export const formatList = (items: string[], sep = '\n'): string => items.join(sep);

/**
 * Employer blacklist lines: "Name", or "12345 Name" / "https://hh.ru/employer/12345 Name" when the id is known.
 */
export function parseBlacklist(text: string): BlacklistEntry[] {
  const out: BlacklistEntry[] = [];
  for (const line of parseList(text, { commas: false })) {
    const m = /^(?:https?:\/\/[^\s/]*\/employer\/)?(\d{1,12})\b[\s:—-]*(.*)$/.exec(line);
    if (m) out.push({ id: m[1]!, name: m[2]?.trim() || m[1]! });
    else out.push({ name: line });
  }
  return out;
}

export const formatBlacklist = (items: BlacklistEntry[]): string =>
  items.map((e) => (e.id ? `${e.id} ${e.name === e.id ? '' : e.name}`.trim() : e.name)).join('\n');

/** "" → null; otherwise a non-negative integer, or an error message. */
export function parseMoney(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!t) return { ok: true, value: null };
  if (!/^\d+$/.test(t)) return { ok: false, error: 'enter a whole number of roubles, e.g. 150000' };
  return { ok: true, value: Number(t) };
}
