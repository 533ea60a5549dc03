import { watchUrl } from '../dom/url-watch';
import { featurePageOf } from '../../core/pages/kinds';

/**
 * Listing content script side: when this document is (or client-side navigates to) a feature page, asks the
 * worker once to inject the page-features bundle. A failed or refused ask (worker restarting, URL changed
 * meanwhile) is retried on the next URL change. Once loaded, the bundle follows navigation itself, so the
 * URL watch stops.
 */
export function requestPageFeatures(signal: AbortSignal, load: () => Promise<{ loaded: boolean }>): void {
  const watch = new AbortController();
  signal.addEventListener('abort', () => watch.abort(), { once: true });
  let asking = false;
  watchUrl(() => {
    if (asking || !featurePageOf(location)) return;
    asking = true;
    load().then(
      (r) => {
        if (r.loaded) watch.abort();
        else asking = false;
      },
      () => {
        asking = false;
      },
    );
  }, watch.signal);
}
