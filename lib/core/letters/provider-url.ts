/*
 * Where a provider URL may point: the API key and the vacancy and profile text go there, so https, or plain http
 * only to this computer (a local Ollama or LM Studio). Small and pure: the settings schema, the options page and
 * the OpenAI-compatible client all check with it.
 */

/** The rule, in words, for error messages. */
export const PROVIDER_URL_RULE =
  'must be an https:// URL (plain http:// only to this computer: localhost, 127.0.0.1, [::1])';

/** localhost, 127.0.0.0/8 and ::1, as the URL parser writes hostnames (IPv4 forms normalised, IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Why `url` may not be a provider URL (in English, for the schema and logs); null when it may. */
export function providerUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return `"${url.slice(0, 100)}" is not a URL; it ${PROVIDER_URL_RULE}`;
  }
  // user:password@ in front of the host hides where requests really go ("https://openrouter.ai@evil.example").
  if (u.username || u.password) return 'must not contain a user name or password before the host';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:')
    return isLoopbackHost(u.hostname)
      ? null
      : `plain http is allowed only to this computer: ${u.hostname} is not localhost; use https://`;
  return `"${u.protocol}" is not allowed: a provider URL ${PROVIDER_URL_RULE}`;
}

/** scheme://host:port of a URL; null when it is not one. */
export function urlOrigin(url: string): string | null {
  try {
    const o = new URL(url.trim()).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

/**
 * The stored API key of the OpenAI-compatible provider belongs to the origin it was entered for: when the base
 * URL's origin (scheme, host, port) changes, the key must go. Any of `before` (what the key was used with:
 * the URL as read, and as stored when that failed to read) differing from `after` counts.
 */
export function originChanged(before: readonly (string | undefined)[], after: string): boolean {
  const next = urlOrigin(after);
  // A URL that was never one (empty, unparsable) had no key sent anywhere: nothing to drop for it.
  return before.some((b) => b !== undefined && b !== after && urlOrigin(b) !== null && urlOrigin(b) !== next);
}
