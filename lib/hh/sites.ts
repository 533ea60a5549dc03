/**
 * Every hh.ru-family site Otklik works on, listed once. Chrome's `*.host` match patterns also match the
 * bare host, so one pattern per registrable domain covers hh.ru, spb.hh.ru, izhevsk.hh.ru, …
 */
export const HH_DOMAINS = ['hh.ru', 'hh.kz', 'rabota.by', 'hh.uz'] as const;

export const HH_MATCH_PATTERNS: string[] = HH_DOMAINS.map((d) => `https://*.${d}/*`);

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
