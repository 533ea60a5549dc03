import '../../lib/core/zod-messages';
import { browser, defineBackground } from '#imports';
import { getDb } from '../../lib/worker/db';
import { handleBackgroundMessages } from '../../lib/core/messaging';
import { setTabBadge } from '../../lib/worker/platform/action-badge';
import { cachedSettings, getSettings, updateSettings } from '../../lib/core/settings/store';
import { badgeText, forgetTab, getTabStats, recordTabStats } from '../../lib/worker/triage/tab-stats';
import { createTriageScorers } from '../../lib/worker/triage/score-cards';
import { createFeedback } from '../../lib/worker/feedback/service';
import { FEEDBACK_KEY } from '../../lib/worker/feedback/model';
import { drainStep, registerQueue } from '../../lib/worker/queue/service';
import { signalMemory } from '../../lib/worker/triage/hh-signals';
import { createQueueHandlers } from '../../lib/worker/queue/handlers';
import { draftLetters, letterDeps, registerLetters } from '../../lib/worker/letters/service';
import { createLetterHandlers } from '../../lib/worker/letters/handlers';
import type { VacancySnapshot } from '../../lib/core/db/schema';
import { uiLang } from '../../lib/core/i18n/lang';
import { discoveryDeps, registerDiscovery } from '../../lib/worker/discovery/service';
import { createDiscoveryHandlers } from '../../lib/worker/discovery/handlers';
import { createProfileHandlers } from '../../lib/worker/profile/handlers';
import { negotiationDeps, registerNegotiations } from '../../lib/worker/negotiations/service';
import { createNegotiationHandlers } from '../../lib/worker/negotiations/handlers';
import { createPageFeaturesHandler } from '../../lib/worker/pages/inject';
import { type PAGE_FEATURES_FILE } from '../../lib/core/pages/kinds';
import { ensureScriptToken } from '../../lib/worker/platform/script-token';
import { migrateRememberedKeys } from '../../lib/worker/letters/keys';
import { getTelegramToken } from '../../lib/core/notify/token';

export default defineBackground(() => {
  // Listeners are registered synchronously on every worker start: MV3 may have woken us for this very event.
  // Secrets: session storage stays closed to content scripts (Chrome's default, made explicit), and what an
  // older version left in storage.local (which content scripts share) moves to IndexedDB now.
  void (browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined)?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
  void Promise.all([migrateRememberedKeys(), getTelegramToken()]).catch(() => console.warn('[otklik:background] moving stored secrets failed'));
  void ensureScriptToken(browser.storage.local as Parameters<typeof ensureScriptToken>[0]).catch((e) => console.warn('[otklik:background] script token', e));
  const queueHandlers = createQueueHandlers({
    db: getDb,
    now: Date.now,
    settings: getSettings,
    fetch: (i, init) => fetch(i, init),
    kick: () => void drainStep(),
    saveDefaultResume: async (hash) => void (await updateSettings((x) => ({ ...x, apply: { ...x.apply, defaultResumeHash: hash } }))),
    kickLetters: () => void draftLetters(() => void drainStep()),
  });
  /** Discovery queues through the same handler as the pages (default resume, blacklist, drain kick). */
  // What the user taught with the badges' "relevant" / "not for me" (lib/worker/feedback): kept by the worker only.
  const feedback = createFeedback({
    get: async () => (await browser.storage.local.get(FEEDBACK_KEY))[FEEDBACK_KEY],
    set: (value) => browser.storage.local.set({ [FEEDBACK_KEY]: value }),
  }, Date.now, (m) => console.warn('[otklik:background]', m));
  const { scoreCards, scoreState, scoreVacancy, preview } = createTriageScorers(cachedSettings(), async (vacancyIds) => (await queueHandlers.jobsForVacancies({ vacancyIds }, {})).jobs, feedback, signalMemory);
  const enqueueFound = async (vacancy: VacancySnapshot) => queueHandlers.enqueue({ vacancy, source: 'other' }, {});
  handleBackgroundMessages(
    {
      ping: () => ({ version: browser.runtime.getManifest().version, context: 'background' as const }),
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
        await setTabBadge(sender.tabId, badgeText(stats), `Otklik: ${stats.hidden} hidden, ${stats.dimmed} dimmed of ${stats.total}`);
        return { recorded: true };
      },
      getTabTriage: ({ tabId }) => getTabStats(tabId),
      // The vacancy / responses / questionnaire code, only into tabs showing such a page (lib/pages).
      loadPageFeatures: createPageFeaturesHandler({
        tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
        inject: (tabId, file) => browser.scripting.executeScript({ target: { tabId }, files: [file as typeof PAGE_FEATURES_FILE] }),
      }),
      triageFeedback: async ({ vacancyId, label, why }) => ({ learned: await feedback.label(vacancyId, label, 'badge', why) }),
      feedbackSummary: () => feedback.summary(),
      scoreVacancy: ({ vacancy, lang }) => scoreVacancy(vacancy, lang),
      scorePreview: async ({ profile, hideBelow, dimBelow, vacancies, lang }) => ({ results: await preview(profile, hideBelow, dimBelow, vacancies, lang) }),
      resetFeedback: async () => {
        await feedback.reset();
        return { reset: true };
      },
      knownSignals: ({ vacancyId, employerId }) => ({
        employer: (employerId ? signalMemory.employer(employerId) : undefined) ?? signalMemory.vacancy(vacancyId)?.employerNegative ?? null,
        acceptAutoResponse: signalMemory.vacancy(vacancyId)?.acceptAutoResponse ?? null,
      }),
      openOptions: async () => {
        await browser.runtime.openOptionsPage();
        return { opened: true };
      },
      ...queueHandlers,
      // A vacancy queued on its own from a listing badge is an implicit "relevant" (bulk "queue all" teaches nothing:
      // it acts on the scores themselves).
      enqueueMany: async (req, sender) => {
        const res = await queueHandlers.enqueueMany(req, sender);
        const only = req.items.length === 1 ? req.items[0] : undefined;
        if (only && res.created === 1 && sender.tabId !== undefined) void feedback.label(only.vacancy.id, 'relevant', 'queued').catch(() => undefined);
        return res;
      },
      ...createDiscoveryHandlers(discoveryDeps(enqueueFound), uiLang()),
      ...createProfileHandlers({ fetch: (i, init) => fetch(i, init) }),
      ...createLetterHandlers({ db: getDb, now: Date.now, settings: getSettings, ...letterDeps(() => void drainStep()) }),
      ...createNegotiationHandlers(negotiationDeps),
    },
    (m) => console.warn('[otklik:background]', m),
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  registerQueue();
  registerDiscovery(enqueueFound);
  registerLetters(() => void drainStep());
  registerNegotiations();
});
