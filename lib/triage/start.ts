import { absolutize, badgeAnchor, cardEmployer, cardTitle, findListingCards, listContainer, originOf, readListingCard, type RawCard } from '../hh/listing';
import { sendFromListing, sendTriage } from '../messaging/content-client';
import type { TriageStats } from '../messaging/listing-protocol';
import { parseListingSwitch, type ListingSwitch } from '../settings/listing-switch';
import { watchStoredSettings } from '../settings/watch-stored';
import { ListingTriage, type TriageDeps } from './controller';
import { listingQueue } from './queue-port';
import { whenParsed } from '../platform/when-parsed';
import { pickLang } from './texts';
import { decodeVerdicts } from './verdicts';

function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number) {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
}

/** What the apply queue gets of a card the user queues from the listing. */
function queueVacancy(raw: RawCard) {
  const origin = originOf(document) ?? location.origin;
  return { title: cardTitle(raw), employer: cardEmployer(raw), url: absolutize(raw.href, origin) ?? `${origin}/vacancy/${raw.id}` };
}

/**
 * Content-script entry: runs triage while Otklik is enabled, restores the page when it is turned off. May be
 * called while the page is still loading: the settings are read at once, the cards once the page is parsed.
 */
export function startTriage(signal: AbortSignal): void {
  const lang = pickLang(navigator.language);
  const deps: TriageDeps = {
    findCards: findListingCards,
    readCard: (el) => {
      const r = readListingCard(el);
      return 'reason' in r ? { ok: false, reason: r.reason } : { ok: true, raw: r.raw, anchor: r.anchor };
    },
    score: async (cards) => {
      const reply = await sendTriage.send('triageCards', { lang, cards });
      return { ...decodeVerdicts(reply, cards.length), receiveMs: performance.now() - sendTriage.answeredAt() };
    },
    queueVacancy,
    badgeAnchor,
    listContainer,
    lang,
    openSetup: () => void sendFromListing('openOptions', {}).catch(() => undefined),
    queue: listingQueue(sendFromListing),
    report: debounce((stats: TriageStats) => {
      sendFromListing('reportTriage', stats).catch(() => {
        /* the worker may be restarting; the next report will carry the same numbers */
      });
    }, 250),
  };

  let triage: ListingTriage | null = null;
  let latest: ListingSwitch | null = null;
  const apply = (sw: ListingSwitch) => {
    latest = sw;
    if (document.readyState === 'loading') return; // DOMContentLoaded applies the latest switch
    const { enabled } = sw;
    if (!enabled) {
      triage?.stop();
      triage = null;
      deps.report?.({ url: location.href, total: 0, shown: 0, dimmed: 0, hidden: 0, unrecognised: 0 });
      return;
    }
    if (triage) triage.rescore();
    else {
      triage = new ListingTriage(document, deps);
      triage.start();
    }
  };

  whenParsed(document, () => latest && apply(latest), signal);
  const unwatch = watchStoredSettings((raw) => parseListingSwitch(raw, (m) => console.warn('[otklik]', m)), apply);
  signal.addEventListener('abort', () => {
    unwatch();
    triage?.stop();
  });
}
