import { defineContentScript } from '#imports';
import { startPageFeatures } from '../../lib/hh-pages/start';

/**
 * Vacancy panel, responses page, questionnaire pre-fill: not in the manifest (registration 'runtime'); the
 * worker injects this file into a tab when the listing script reports such a page (lib/worker/pages/inject.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  // No window.postMessage on start: hh's own message listeners never see Otklik.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startPageFeatures(ctx.signal);
  },
});
