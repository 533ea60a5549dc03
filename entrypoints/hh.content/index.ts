import { defineContentScript } from '#imports';
import { HH_MATCH_PATTERNS } from '../../lib/core/hh/urls';
import { startTriage } from '../../lib/listing/triage/start';
import { requestPageFeatures } from '../../lib/listing/pages/request';
import { sendFromListing } from '../../lib/listing/messaging/content-client';
import { whenParsed } from '../../lib/listing/platform/when-parsed';

/**
 * Injected on every hh page, so kept small (budget: test/e2e/bundle-size.e2e.ts): listing triage, plus
 * asking the worker for the page-features bundle (entrypoints/hh-pages.content) where a page needs it.
 */
export default defineContentScript({
  matches: HH_MATCH_PATTERNS,
  // document_start to wake the worker (it scores the cards) and read the settings early; the page is read once parsed.
  runAt: 'document_start',
  // No window.postMessage on start: hh's own message listeners never see Otklik.
  noScriptStartedPostMessage: true,
  main(ctx) {
    sendFromListing('wakeUp', {}).catch(() => undefined);
    // The settings read starts now, while the page parses; the cards are read once it is parsed.
    startTriage(ctx.signal);
    whenParsed(
      document,
      () => requestPageFeatures(ctx.signal, () => sendFromListing('loadPageFeatures', {})),
      ctx.signal,
    );
  },
});
