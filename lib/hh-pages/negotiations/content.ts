import { liveCardsSignature, parseNegotiationsPage } from '../../core/hh/negotiations';
import { sendToBackground } from '../../core/messaging';
import { pickLang } from '../../core/i18n/lang';
import type { Settings } from '../../core/settings/schema';
import type { SettingsWatch } from '../../listing/settings/watch-stored';
import { prefillQuestionnaire, type PrefillResult } from './prefill';

/**
 * Content-script side of issue 8 (no Dexie here: everything goes to the worker as messages), run by the
 * page-features bundle (lib/hh-pages/start.ts) while its page is shown:
 *  - /applicant/negotiations: parse the live page and report it, again when the list changes (tabs, paging).
 *  - the apply form with employer questions: pre-fill answers from the Q&A bank (never submits).
 */
export async function watchResponses(signal: AbortSignal, watch: SettingsWatch<Settings>): Promise<void> {
  const enabled = await new Promise<boolean>((resolve) => {
    const stop = watch((s) => {
      queueMicrotask(() => stop());
      resolve(s.enabled);
    });
  });
  if (!enabled || signal.aborted) return;
  let last = '';
  let seen: string | null = null;
  const report = () => {
    const sig = liveCardsSignature(document);
    if (sig === seen) return;
    seen = sig;
    const page = parseNegotiationsPage(document.documentElement.outerHTML, location.href);
    // The same list twice (unrelated DOM churn) is not sent again.
    const key = JSON.stringify([
      page.cards.map((c) => [c.topicId, c.status]),
      page.topics.map((t) => [t.topicId, t.lastState, t.hasNewMessages, t.messagesCount]),
    ]);
    if (key === last || (!page.cards.length && !page.topics.length)) return;
    last = key;
    sendToBackground('reportNegotiations', {
      url: location.href,
      cards: page.cards.slice(0, 200),
      topics: page.topics.slice(0, 200),
    }).catch(() => {
      last = ''; // the worker may be restarting: the next change reports again
      seen = null;
    });
  };
  report();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(report, 800);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}

export function watchQuestionnaire(signal: AbortSignal, watch: SettingsWatch<Settings>): void {
  let done: PrefillResult | null = null;
  let bank: Parameters<typeof prefillQuestionnaire>[1] = [];
  let enabled = false;
  const tryFill = () => {
    if (!enabled || done || !bank.length) return;
    const r = prefillQuestionnaire(document, bank, pickLang(navigator.language));
    // hh may render the form after our start (client-side): no questions yet = try again on the next change.
    if (r.questions > 0) done = r;
  };
  const apply = (on: boolean, items: typeof bank) => {
    enabled = on;
    bank = items;
    if (!on) {
      done?.undo();
      done = null;
    }
    tryFill();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(tryFill, 300);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const stopWatching = setTimeout(() => observer.disconnect(), 30_000);
  const unwatch = watch((s) => apply(s.enabled, s.qa.items));
  signal.addEventListener('abort', () => {
    unwatch();
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(stopWatching);
  });
}
