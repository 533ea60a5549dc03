import { browser } from '#imports';
import { createPageFeaturesHandler } from './inject';
import type { PAGE_FEATURES_FILE } from '../../core/pages/kinds';
import type { WorkerFeature } from '../feature';

/** The vacancy / responses / questionnaire code, only into tabs showing such a page (lib/core/pages). */
export const pagesFeature: WorkerFeature = {
  name: 'pages',
  handlers: () => ({
    loadPageFeatures: createPageFeaturesHandler({
      tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
      inject: (tabId, file) =>
        browser.scripting.executeScript({ target: { tabId }, files: [file as typeof PAGE_FEATURES_FILE] }),
    }),
  }),
};
