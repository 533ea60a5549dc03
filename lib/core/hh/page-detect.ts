import { isHhHost } from './urls';

/**
 * Which hh.ru page a URL is. Pure functions of the URL (github-url-detection style); every detector is tested
 * with URLs it must accept and against every other detector's URLs (page-detect.test.ts).
 *
 * Hosts: hh.ru, hh.kz, rabota.by, hh.uz and their regional subdomains (spb.hh.ru, izhevsk.hh.ru, almaty.hh.kz …),
 * see ./sites. Service subdomains that are not the job site (api.hh.ru, i.hh.ru, chatik.hh.ru, feedback.hh.ru …)
 * are rejected by every detector.
 *
 * Paths (evidence: /work/shared/docs/hh-site.md §1, §2.5; fixtures 2026-03/04):
 *   search     /search/vacancy?…            (not /search/vacancy/advanced, /search/vacancy/map, /search/resume)
 *   catalog    /vacancies/<slug>            (SEO listings, e.g. /vacancies/automation_engineer; same cards)
 *   vacancy    /vacancy/<digits>
 *   response   /applicant/vacancy_response?vacancyId=<digits>   (full-page apply form)
 *   resumes    /applicant/resumes, /applicant/my_resumes        (the logged-in resume list)
 *   resume     /resume/<hash>
 *   negotiations /applicant/negotiations
 *   employer   /employer/<digits>
 */

export type UrlLike = string | URL | Location | { href: string };

/** Subdomains of hh domains that are services, not the job site. */
const SERVICE_SUBDOMAINS = new Set([
  'api',
  'i',
  'img',
  'chatik',
  'feedback',
  'rating',
  'chatbot',
  'career',
  'dev',
  'nko',
  'investor',
  'websocket',
  'cpa',
  'hhcdn',
  'stats',
  'media',
  'sentry',
]);

/** The URL if it is a page of an hh job site (http/https, hh host, not a service subdomain); else null. */
export function hhSiteUrl(url: UrlLike): URL | null {
  let u: URL;
  try {
    u = url instanceof URL ? url : new URL(typeof url === 'string' ? url : url.href);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase();
  if (!isHhHost(host)) return null;
  const first = host.split('.')[0] ?? '';
  const labels = host.split('.').length;
  // hh.ru has 2 labels; a subdomain has 3+. Check the leftmost label only for subdomains.
  if (labels > 2 && SERVICE_SUBDOMAINS.has(first)) return null;
  return u;
}

/** Path without a trailing slash (but "/" stays "/"). */
function pathOf(url: UrlLike): string | null {
  const u = hhSiteUrl(url);
  if (!u) return null;
  const p = u.pathname.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

const VACANCY_PATH = /^\/vacancy\/(\d+)$/;
const EMPLOYER_PATH = /^\/employer\/(\d+)$/;
const RESUME_PATH = /^\/resume\/([0-9a-f]{20,64})$/i;
const CATALOG_PATH = /^\/vacancies\/[\w-]+$/;

/** Vacancy search results: /search/vacancy (any query, incl. `?resume=<hash>` "similar to resume"). */
export function isSearchPage(url: UrlLike = location): boolean {
  return pathOf(url) === '/search/vacancy';
}

/** SEO catalog listing /vacancies/<slug>: the same listing cards as the search page. */
export function isVacancyCatalogPage(url: UrlLike = location): boolean {
  const p = pathOf(url);
  return p !== null && CATALOG_PATH.test(p);
}

/** A page whose main content is vacancy listing cards (search or catalog). Not part of the cross-check. */
export function isListingPage(url: UrlLike = location): boolean {
  return isSearchPage(url) || isVacancyCatalogPage(url);
}

/** A single vacancy: /vacancy/<id>. */
export function isVacancyPage(url: UrlLike = location): boolean {
  const p = pathOf(url);
  return p !== null && VACANCY_PATH.test(p);
}

/** Full-page apply form /applicant/vacancy_response?vacancyId=<id>. */
export function isVacancyResponsePage(url: UrlLike = location): boolean {
  const p = pathOf(url);
  return p === '/applicant/vacancy_response';
}

/** The logged-in applicant's resume list. */
export function isResumesPage(url: UrlLike = location): boolean {
  const p = pathOf(url);
  return p === '/applicant/resumes' || p === '/applicant/my_resumes';
}

/** One resume /resume/<hash>. */
export function isResumePage(url: UrlLike = location): boolean {
  const p = pathOf(url);
  return p !== null && RESUME_PATH.test(p);
}

/** The applicant's responses ("Отклики") list. */
export function isNegotiationsPage(url: UrlLike = location): boolean {
  return pathOf(url) === '/applicant/negotiations';
}

/** Employer page /employer/<id>. */
export function isEmployerPage(url: UrlLike = location): boolean {
  const p = pathOf(url);
  return p !== null && EMPLOYER_PATH.test(p);
}

/**
 * Vacancy id a URL refers to: /vacancy/<id>, or the `vacancyId` query of /applicant/vacancy_response.
 * null for anything else.
 */
export function vacancyIdFromUrl(url: UrlLike = location): string | null {
  const u = hhSiteUrl(url);
  if (!u) return null;
  const p = u.pathname.replace(/\/+$/, '');
  const m = VACANCY_PATH.exec(p);
  if (m?.[1]) return m[1];
  if (p === '/applicant/vacancy_response') {
    const id = u.searchParams.get('vacancyId');
    return id && /^\d+$/.test(id) ? id : null;
  }
  return null;
}

/** Employer id of /employer/<id>. */
export function employerIdFromUrl(url: UrlLike = location): string | null {
  const p = pathOf(url);
  return p === null ? null : (EMPLOYER_PATH.exec(p)?.[1] ?? null);
}

/**
 * Ids from hrefs as they appear in markup (relative or absolute, any host): `/vacancy/123?…`, `/employer/5?…`,
 * `…vacancy_response?vacancyId=123`. For parsing links inside cards; not a page detector.
 */
export function vacancyIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  return /\/vacancy\/(\d+)(?:[/?#]|$)/.exec(href)?.[1] ?? /[?&]vacancyId=(\d+)/.exec(href)?.[1] ?? null;
}

export function employerIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  return /\/employer\/(\d+)(?:[/?#]|$)/.exec(href)?.[1] ?? /[?&]employerId=(\d+)/.exec(href)?.[1] ?? null;
}

export type PageKind =
  'search' | 'catalog' | 'vacancy' | 'vacancyResponse' | 'resumes' | 'resume' | 'negotiations' | 'employer' | 'other';

/** The kind of hh page, 'other' for unclassified hh pages, null for non-hh URLs. */
export function detectPage(url: UrlLike = location): PageKind | null {
  if (!hhSiteUrl(url)) return null;
  if (isSearchPage(url)) return 'search';
  if (isVacancyCatalogPage(url)) return 'catalog';
  if (isVacancyPage(url)) return 'vacancy';
  if (isVacancyResponsePage(url)) return 'vacancyResponse';
  if (isResumesPage(url)) return 'resumes';
  if (isResumePage(url)) return 'resume';
  if (isNegotiationsPage(url)) return 'negotiations';
  if (isEmployerPage(url)) return 'employer';
  return 'other';
}
