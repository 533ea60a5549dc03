import { browser } from '#imports';
import { setTabBadge } from '../platform/action-badge';
import { badgeText, forgetTab, getTabStats, recordTabStats } from './tab-stats';
import type { WorkerFeature } from '../feature';
import { signalMemory } from './hh-signals';

/** Listing triage, worker side: verdicts for the listing script, per-tab figures and the toolbar badge. */
export const triageFeature: WorkerFeature = {
  name: 'triage',
  handlers: ({ triage: { scoreCards, scoreState, scoreVacancy, preview } }) => ({
    triageCards: ({ cards, lang }) => scoreCards(cards, lang),
    // The address checked is the sender's own (the worker's view), not what the page says it is.
    triageState: ({ state, url, pageIds, lang }, sender) => scoreState(state, sender.url ?? url, pageIds, lang),
    wakeUp: () => {
      // An hh page is loading: read the settings and compile the profile now, while it parses, not when it asks.
      void scoreCards([], 'ru').catch(() => undefined);
      return { awake: true };
    },
    reportTriage: async (stats, sender) => {
      if (sender.tabId === undefined) return { recorded: false };
      await recordTabStats(sender.tabId, stats);
      await setTabBadge(
        sender.tabId,
        badgeText(stats),
        `Otklik: ${stats.hidden} hidden, ${stats.dimmed} dimmed of ${stats.total}`,
      );
      return { recorded: true };
    },
    getTabTriage: ({ tabId }) => getTabStats(tabId),
    scoreVacancy: ({ vacancy, lang }) => scoreVacancy(vacancy, lang),
    scorePreview: async ({ profile, hideBelow, dimBelow, vacancies, lang }) => ({
      results: await preview(profile, hideBelow, dimBelow, vacancies, lang),
    }),
    knownSignals: ({ vacancyId, employerId }) => ({
      employer:
        (employerId ? signalMemory.employer(employerId) : undefined) ??
        signalMemory.vacancy(vacancyId)?.employerNegative ??
        null,
      acceptAutoResponse: signalMemory.vacancy(vacancyId)?.acceptAutoResponse ?? null,
    }),
  }),
  register: () => browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId)),
};
