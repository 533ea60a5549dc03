import { HH_ORIGIN, hhOriginFor, isHhHost, vacancyPageUrl } from './urls';

/**
 * The only vacancy URLs Otklik stores, shows or opens: built by the worker from the vacancy id, on https and on
 * hh's own family origin (https://hh.ru, https://hh.kz, …). A URL a page supplied (`data:`, `javascript:`, a
 * foreign host, http) is never used as such: at most its hh family domain picks the origin.
 */
const VACANCY_ID = /^\d{1,12}$/;

/** The hh origin a (page-supplied) URL points into, or https://hh.ru when it is no https URL on an hh host. */
export function hhOriginOf(url: string | null | undefined): string {
  if (!url) return HH_ORIGIN;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && isHhHost(u.hostname) ? hhOriginFor(u.hostname) : HH_ORIGIN;
  } catch {
    return HH_ORIGIN;
  }
}

/** `https://<hh family domain>/vacancy/<id>`; null when the id is not an hh vacancy id. */
export function canonicalVacancyUrl(vacancyId: string, pageUrl?: string | null): string | null {
  if (!VACANCY_ID.test(vacancyId)) return null;
  return vacancyPageUrl(vacancyId, hhOriginOf(pageUrl));
}

/** An https page on an hh host (the questionnaire link the worker built, hh's own pages), else null. */
export function hhPageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && isHhHost(u.hostname) && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The employer's own site hh named for a "direct" vacancy (`response_url` of hh's answer): http(s) only, no
 * credentials in it; anything else (javascript:, data:, file:) is dropped.
 */
export function externalApplyUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}
