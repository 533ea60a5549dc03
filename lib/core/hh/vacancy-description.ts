import { fromHhApi } from './api-vacancy';

/**
 * A vacancy's description for the cover-letter prompt, from hh's public API `https://api.hh.ru/vacancies/ID`
 * (hh-site.md): JSON with `description` (HTML) and `key_skills`, no login, no page markup to parse (the
 * service worker has no DOMParser), host covered by the `*.hh.ru` permission. `HH-User-Agent` because
 * browsers do not let scripts set User-Agent and api.hh.ru asks clients to name themselves.
 * Null when it cannot be had (archived, network, rate limit): the letter is then written from the title.
 */
export const HH_API_ORIGIN = 'https://api.hh.ru';

export async function fetchVacancyDescription(
  fetchFn: typeof fetch,
  vacancyId: string,
  signal?: AbortSignal,
): Promise<{ description: string; keySkills: string[] } | null> {
  if (!/^\d{1,12}$/.test(vacancyId)) return null;
  try {
    const res = await fetchFn(`${HH_API_ORIGIN}/vacancies/${vacancyId}`, {
      headers: { accept: 'application/json', 'HH-User-Agent': 'Otklik/0.1 (browser extension)' },
      credentials: 'omit',
      signal: signal ?? AbortSignal.timeout(10_000),
    });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
    const v = fromHhApi(await res.json());
    if (!v.description && !v.keySkills?.length) return null;
    return { description: v.description ?? '', keySkills: v.keySkills ?? [] };
  } catch {
    return null;
  }
}
