import { browser, defineBackground } from '#imports';
import { handleBackgroundMessages } from '../../lib/messaging';
import { setTabBadge } from '../../lib/platform/action-badge';
import { badgeText, forgetTab, getTabStats, recordTabStats } from '../../lib/triage/tab-stats';

export default defineBackground(() => {
  // Listeners are registered synchronously on every worker start: MV3 may have woken us for this very event.
  handleBackgroundMessages(
    {
      ping: () => ({ version: browser.runtime.getManifest().version, context: 'background' as const }),
      reportTriage: async (stats, sender) => {
        if (sender.tabId === undefined) return { recorded: false };
        await recordTabStats(sender.tabId, stats);
        await setTabBadge(sender.tabId, badgeText(stats), `Otklik: ${stats.hidden} hidden, ${stats.dimmed} dimmed of ${stats.total}`);
        return { recorded: true };
      },
      getTabTriage: ({ tabId }) => getTabStats(tabId),
      openOptions: async () => {
        await browser.runtime.openOptionsPage();
        return { opened: true };
      },
    },
    (m) => console.warn('[otklik:background]', m),
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
