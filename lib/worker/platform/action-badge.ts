import { browser } from '#imports';

/**
 * The toolbar badge. MV3 Chrome has `action`, Firefox MV2 builds have `browserAction`: the one place that
 * knows the difference.
 */
function actionApi() {
  return browser.action ?? browser.browserAction;
}

export async function setTabBadge(tabId: number, text: string, title?: string): Promise<void> {
  const api = actionApi();
  if (!api) return;
  await api.setBadgeBackgroundColor({ tabId, color: '#5b5f66' });
  await api.setBadgeText({ tabId, text });
  if (title !== undefined) await api.setTitle({ tabId, title });
}
