/**
 * hh's addresses, listed once: the sites Otklik works on, the pages and endpoints it opens or calls, and how
 * hh asks a client to slow down. Code outside lib/core/hh builds no hh URL and knows no hh path; it asks here
 * (test/unit/conventions.test.ts holds it to that).
 */

/**
 * Every hh.ru-family site. Chrome's `*.host` match patterns also match the bare host, so one pattern per
 * registrable domain covers hh.ru, spb.hh.ru, izhevsk.hh.ru, …
 */
export const HH_DOMAINS = ['hh.ru', 'hh.kz', 'rabota.by', 'hh.uz'] as const;

export const HH_MATCH_PATTERNS: string[] = HH_DOMAINS.map((d) => `https://*.${d}/*`);

/** The origin used when nothing names another family site. */
export const HH_ORIGIN = 'https://hh.ru';

/** Employer chats (hh-site.md §1.4): their own host, sharing hh.ru's session. */
export const CHATIK_ORIGIN = 'https://chatik.hh.ru';

/** hh's paths, by what they serve. */
export const HH_PATHS = {
  /** The questionnaire page a test-required vacancy sends the applicant to. */
  applyPage: '/applicant/vacancy_response',
  /** The endpoint hh's own "Откликнуться" button posts to (lib/core/hh/apply-client). */
  applyPopup: '/applicant/vacancy_response/popup',
  negotiations: '/applicant/negotiations',
  resumes: '/applicant/resumes',
  search: '/search/vacancy',
} as const;

export function isHhHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return HH_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The origin whose cookies/endpoints serve a given page (regional subdomains share hh.ru's session). */
export function hhOriginFor(hostname: string): string {
  const host = hostname.toLowerCase();
  const domain = HH_DOMAINS.find((d) => host === d || host.endsWith(`.${d}`)) ?? 'hh.ru';
  return `https://${domain}`;
}

/** The front page of an hh site (where a logged-out user logs in, or solves a captcha). */
export function hhHomeUrl(origin: string = HH_ORIGIN): string {
  return `${origin}/`;
}

/** `https://hh.ru/vacancy/<id>` on the given origin; the id is the caller's (see vacancy-url.ts for checks). */
export function vacancyPageUrl(vacancyId: string, origin: string = HH_ORIGIN): string {
  return `${origin}/vacancy/${vacancyId}`;
}

/** A vacancy search with these parameters. */
export function searchUrl(params: URLSearchParams | string, origin: string = HH_ORIGIN): string {
  const q = params.toString();
  return `${origin}${HH_PATHS.search}${q ? `?${q}` : ''}`;
}

/** A search for one text, as the user would type it into hh's search box. */
export function searchTextUrl(text: string, origin: string = HH_ORIGIN): string {
  return `${origin}${HH_PATHS.search}?text=${encodeURIComponent(text)}`;
}

/** True for a search page on an hh host (any protocol check is the caller's). */
export function isHhSearchUrl(u: URL): boolean {
  return isHhHost(u.hostname) && u.pathname.startsWith(HH_PATHS.search);
}

/** True when `link` is hh's questionnaire page on `origin` (the only page the queue answers questions on). */
export function isApplyPageUrl(link: URL, origin: string | undefined): boolean {
  return origin !== undefined && link.origin === origin && link.pathname === HH_PATHS.applyPage;
}

/** The user's responses page (where invitations and employer replies show). */
export function negotiationsPageUrl(origin: string = HH_ORIGIN): string {
  return `${origin}${HH_PATHS.negotiations}`;
}

/** A chat's page on chatik, as hh links it from a response card. */
export function chatPageUrl(chatId: string): string {
  return `${CHATIK_ORIGIN}/chat/${chatId}`;
}

/** hh's `Retry-After` header (seconds; hh sends no HTTP dates) in ms; undefined when absent or not a number. */
export function retryAfterMs(header: string | null | undefined): number | undefined {
  return header && /^\d+$/.test(header) ? Number(header) * 1000 : undefined;
}
