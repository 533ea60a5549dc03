import { defineContentScript } from '#imports';
import { HH_MATCH_PATTERNS } from '../../lib/hh/sites';
import { startTriage } from '../../lib/triage/start';
import { requestPageFeatures } from '../../lib/pages/request';
import { sendFromListing } from '../../lib/messaging/content-client';

/**
 * Injected on every hh page, so kept small (budget: test/unit/bundle-size.test.ts): listing triage, plus
 * asking the worker for the page-features bundle (entrypoints/hh-pages.content) where a page needs it.
 */
export default defineContentScript({
  matches: HH_MATCH_PATTERNS,
  runAt: 'document_end',
  // No window.postMessage on start: hh's own message listeners never see Otklik.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startTriage(ctx.signal);
    requestPageFeatures(ctx.signal, () => sendFromListing('loadPageFeatures', {}));
  },
});
