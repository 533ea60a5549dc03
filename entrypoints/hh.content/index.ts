import { defineContentScript } from '#imports';
import { HH_MATCH_PATTERNS } from '../../lib/hh/sites';
import { startTriage } from '../../lib/triage/start';
import { startNegotiationsPage } from '../../lib/negotiations/content';

export default defineContentScript({
  matches: HH_MATCH_PATTERNS,
  runAt: 'document_end',
  main(ctx) {
    void startTriage(ctx.signal);
    void startNegotiationsPage(ctx.signal);
  },
});
