import { retryAfterMs } from './urls';

/** An hh page as fetched with the user's session. */
export interface FetchedPage {
  status: number;
  /** Final URL after redirects. */
  url: string;
  text: string;
  /** Retry-After in ms when hh sent one. */
  retryAfterMs?: number;
}

/**
 * GET an hh HTML page with the user's session (credentials included), following redirects; throws on a network
 * failure or when `timeoutMs` passes. hh's Retry-After rides along for the caller's back-off.
 */
export async function fetchHtmlPage(fetchFn: typeof fetch, url: string, timeoutMs = 30_000): Promise<FetchedPage> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetchFn(url, {
      credentials: 'include',
      redirect: 'follow',
      signal: ctrl.signal,
      headers: { accept: 'text/html' },
    });
    const out: FetchedPage = { status: res.status, url: res.url || url, text: await res.text() };
    const ra = retryAfterMs(res.headers.get('retry-after'));
    if (ra !== undefined) out.retryAfterMs = ra;
    return out;
  } finally {
    clearTimeout(timer);
  }
}
