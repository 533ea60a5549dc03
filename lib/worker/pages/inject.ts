import type { Sender } from '../../core/messaging/router';
import { featurePageOf, PAGE_FEATURES_FILE } from '../../core/pages/kinds';

export interface PageFeaturesDeps {
  /** The tab's current URL (follows hh's client-side navigation, which a message's sender URL may not). */
  tabUrl(tabId: number): Promise<string | undefined>;
  inject(tabId: number, file: string): Promise<unknown>;
}

/**
 * Worker side of `loadPageFeatures`: injects the page-features bundle into the sender's tab (top frame, where
 * the listing script runs) when that tab shows a feature page. The URL is the browser's, never the message's:
 * nothing but hh feature pages ever gets the bundle.
 */
export function createPageFeaturesHandler(deps: PageFeaturesDeps) {
  return async (_payload: Record<string, never>, sender: Sender): Promise<{ loaded: boolean }> => {
    if (sender.tabId === undefined) return { loaded: false };
    const url = (await deps.tabUrl(sender.tabId).catch(() => undefined)) ?? sender.url;
    if (!url || !featurePageOf(url)) return { loaded: false };
    await deps.inject(sender.tabId, PAGE_FEATURES_FILE);
    return { loaded: true };
  };
}
