import { formatReason } from '../match';
import { findListingCards, parseListingCard, badgeAnchor, listContainer } from '../hh/listing';
import { sendFromListing } from '../messaging/content-client';
import type { TriageStats } from '../messaging/listing-protocol';
import { parseListingSettings, type ListingSettings } from '../settings/listing-schema';
import { watchStoredSettings } from '../settings/watch-stored';
import { ListingTriage, type TriageDeps } from './controller';
import { makeScorer } from './scorer';
import { listingQueue } from './queue-port';
import { pickLang } from './texts';

function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number) {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
}

/** Content-script entry: runs triage while Otklik is enabled, restores the page when it is turned off. */
export function startTriage(signal: AbortSignal): void {
  const deps: TriageDeps = {
    findCards: findListingCards,
    parseCard: (el) => {
      const r = parseListingCard(el);
      if ('reason' in r) return { ok: false, reason: r.reason };
      return { ok: true, vacancy: r, applied: r.applied, ...(r.url ? { url: r.url } : {}) };
    },
    badgeAnchor,
    listContainer,
    makeScorer,
    formatReason,
    lang: pickLang(navigator.language),
    openSetup: () => void sendFromListing('openOptions', {}).catch(() => undefined),
    queue: listingQueue(sendFromListing),
    report: debounce((stats: TriageStats) => {
      sendFromListing('reportTriage', stats).catch(() => {
        /* the worker may be restarting; the next report will carry the same numbers */
      });
    }, 250),
  };

  let triage: ListingTriage | null = null;
  const apply = (settings: ListingSettings) => {
    if (!settings.enabled) {
      triage?.stop();
      triage = null;
      deps.report?.({ url: location.href, total: 0, shown: 0, dimmed: 0, hidden: 0, unrecognised: 0 });
      return;
    }
    if (triage) triage.update(settings);
    else {
      triage = new ListingTriage(document, deps, settings);
      triage.start();
    }
  };

  const unwatch = watchStoredSettings((raw) => parseListingSettings(raw, (m) => console.warn('[otklik]', m)), apply);
  signal.addEventListener('abort', () => {
    unwatch();
    triage?.stop();
  });
}
