import type { LettersSettings } from './settings';

/**
 * The hosts a provider talks to, as optional-host-permission patterns. Small on purpose: the options page
 * imports it to ask for the permission inside the click, without pulling in the providers.
 */
export const GIGACHAT_OAUTH_URL = 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth';
export const GIGACHAT_API_URL = 'https://gigachat.devices.sberbank.ru/api/v1';

/** `https://host:port/path` → `https://host/*` (match patterns ignore ports). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

export function providerHosts(s: LettersSettings, gigachatUrls?: { oauth: string; api: string }): string[] {
  try {
    if (s.provider === 'openai') return s.openai.baseUrl ? [originPattern(s.openai.baseUrl)] : [];
    if (s.provider === 'gigachat')
      return [
        originPattern(gigachatUrls?.oauth ?? GIGACHAT_OAUTH_URL),
        originPattern(gigachatUrls?.api ?? GIGACHAT_API_URL),
      ];
  } catch {
    return [];
  }
  return [];
}
