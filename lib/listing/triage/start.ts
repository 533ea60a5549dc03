import {
  absolutize,
  badgeAnchor,
  cardEmployer,
  cardTitle,
  findListingCards,
  listContainer,
  listingCardId,
  originOf,
  readListingCard,
  type RawCard,
} from '../../core/hh/listing';
import { isListingPage } from '../../core/hh/page-detect';
import { vacancyPageUrl } from '../../core/hh/urls';
import { openGate, templateText, watchParse } from './early';
import { sendFromListing, sendTriage } from '../messaging/content-client';
import type { TriageStats } from '../../core/messaging/listing-protocol';
import { parseListingSwitch, type ListingSwitch } from '../settings/listing-switch';
import { watchStoredSettings } from '../settings/watch-stored';
import { ListingTriage, type TriageDeps } from './controller';
import { listingQueue } from './queue-port';
import { whenParsed } from '../platform/when-parsed';
import { pickLang } from './texts';
import { decodeStateVerdicts, decodeVerdicts, type StateAnswer } from './verdicts';

/**
 * How long a card may be held back unpainted while its verdict is fetched, from the first card parsed (and how
 * long the first pass waits for the verdicts on the page's state): past it, hh's cards show as hh made them.
 */
export const GATE_MS = 500;

const timeout = (ms: number) => new Promise<null>((r) => setTimeout(() => r(null), ms));

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
  return {
    title: cardTitle(raw),
    employer: cardEmployer(raw),
    url: absolutize(raw.href, origin) ?? vacancyPageUrl(raw.id, origin),
  };
}

/**
 * Content-script entry: runs triage while Otklik is enabled, restores the page when it is turned off. May be
 * called while the page is still loading: the settings are read at once, the cards once the page is parsed.
 */
export function startTriage(signal: AbortSignal): void {
  const lang = pickLang(navigator.language);
  // On a listing page: hold back the cards from the first one parsed until their verdicts are drawn (bounded),
  // and hand the page's state to the worker the moment the parser is past it, so every vacancy of the page,
  // rendered now or later by hh's script, is judged before it is painted.
  const listing = isListingPage(location);
  const gate = listing ? openGate(document, GATE_MS, signal) : null;
  let stateText: string | null = null;
  const askState = async (): Promise<StateAnswer | null> => {
    if (stateText === null) return null;
    const pageIds = findListingCards(document)
      .map(listingCardId)
      .filter((id): id is string => id !== null);
    return decodeStateVerdicts(
      await sendTriage.send('triageState', { lang, url: location.href, state: stateText, pageIds }),
    );
  };
  let stateAnswer: Promise<StateAnswer | null> = Promise.resolve(null);
  if (listing) {
    let settle: (a: StateAnswer | null) => void = () => undefined;
    stateAnswer = new Promise((r) => (settle = r));
    watchParse(
      document,
      {
        firstCard: () => gate?.startClock(),
        state: (t) => {
          if (!t) return settle(null);
          stateText = templateText(t);
          askState().then(settle, () => settle(null));
        },
      },
      signal,
    );
  }
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
    cardId: listingCardId,
    ...(listing ? { state: { answer: stateAnswer, refresh: askState } } : {}),
    ...(gate ? { gate } : {}),
    lang,
    openSetup: () => void sendFromListing('openOptions', {}).catch(() => undefined),
    queue: listingQueue(sendFromListing),
    feedback: async (vacancyId, label, why) =>
      (await sendFromListing('triageFeedback', { vacancyId, label, why })).learned,
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
    if (!sw.enabled) gate?.lift('off'); // Otklik off: hh's cards show at once, as hh made them
    if (document.readyState === 'loading') return; // DOMContentLoaded applies the latest switch
    const { enabled } = sw;
    if (!enabled) {
      gate?.lift('off');
      triage?.stop();
      triage = null;
      deps.report?.({ url: location.href, total: 0, shown: 0, dimmed: 0, hidden: 0, unrecognised: 0 });
      return;
    }
    if (triage) triage.rescore();
    else {
      // The first pass waits for the verdicts on the page's state, within the bound (then it reads the cards).
      if (deps.state) deps.state = { ...deps.state, answer: Promise.race([deps.state.answer, timeout(GATE_MS)]) };
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
