import { defineContentScript } from '#imports';
import { HH_MATCH_PATTERNS } from '../../lib/hh/sites';
import { startTriage } from '../../lib/triage/start';
import { requestPageFeatures } from '../../lib/pages/request';
import { sendFromListing } from '../../lib/messaging/content-client';

/**
 * Injected on every hh page, so kept small (budget: test/e2e/bundle-size.e2e.ts): listing triage, plus
 * asking the worker for the page-features bundle (entrypoints/hh-pages.content) where a page needs it.
 */
export default defineContentScript({
  matches: HH_MATCH_PATTERNS,
  // document_start only to wake the worker early (it scores the cards); the page is read once it is parsed.
  runAt: 'document_start',
  // No window.postMessage on start: hh's own message listeners never see Otklik.
  noScriptStartedPostMessage: true,
  main(ctx) {
    sendFromListing('wakeUp', {}).catch(() => undefined);
    const start = () => {
      if (ctx.signal.aborted) return;
      startTriage(ctx.signal);
      requestPageFeatures(ctx.signal, () => sendFromListing('loadPageFeatures', {}));
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true, signal: ctx.signal });
    else start();
  },
});
