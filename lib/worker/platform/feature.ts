import { browser } from '#imports';
import type { WorkerFeature } from '../feature';

/** The worker itself: liveness and the options page. */
export const platformFeature: WorkerFeature = {
  name: 'platform',
  handlers: () => ({
    ping: () => ({ version: browser.runtime.getManifest().version, context: 'background' as const }),
    openOptions: async () => {
      await browser.runtime.openOptionsPage();
      return { opened: true };
    },
  }),
};
