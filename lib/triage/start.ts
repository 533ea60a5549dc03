import { compileProfile, DEFAULT_THRESHOLDS, formatReason, type Matcher } from '../match';
import { findListingCards, parseListingCard } from '../hh/listing';
import { handleContentMessages, sendToBackground } from '../messaging';
import type { TriageStats } from '../messaging/protocol';
import { getSettings, watchSettings } from '../settings/store';
import type { Settings } from '../settings/schema';
import { ListingTriage, type TriageDeps } from './controller';
import { pickLang } from './texts';
import { badgeAnchor, listContainer } from '../hh/listing';
import { isVacancyPage } from '../hh/page-detect';
import { parseVacancyPage, vacancyPanelAnchor } from '../hh/vacancy-page';
import { VacancyPanel } from './vacancy-panel';
import { readTrustedState, stateVacancyView } from '../hh/initial-state';
import { vacancyWarnings } from '../hh/vacancy-warnings';
import { generateLetter } from '../letters/port-client';
import type { Profile } from '../match/profile';

/** Nothing to judge against: no titles, skills, resume or filters. Triage then stays out of the way. */
export function isProfileEmpty(p: Profile): boolean {
  return !p.desiredTitles.length && !p.skills.length && !p.resumeText.trim() && !p.excludeWords.length &&
    p.minSalary === null && !p.workFormats.length && !p.cities.length && !p.employerBlacklist.length;
}

/** A scorer for these settings, or null when there is nothing to score against (empty profile). */
function makeScorer(settings: Settings) {
  if (isProfileEmpty(settings.profile)) return null;
  const matcher: Matcher = compileProfile(settings.profile);
  const { hideBelow, dimBelow } = settings.triage;
  const thresholds = hideBelow !== null || dimBelow !== null
    ? { hide: hideBelow ?? DEFAULT_THRESHOLDS.hide, dim: dimBelow ?? DEFAULT_THRESHOLDS.dim }
    : undefined;
  return (v: Parameters<Matcher['score']>[0]) => matcher.score(v, thresholds);
}

function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number) {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
}

/** Content-script entry: runs triage while Otklik is enabled, restores the page when it is turned off. */
export async function startTriage(signal: AbortSignal): Promise<void> {
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
    openSetup: () => void sendToBackground('openOptions', {}).catch(() => undefined),
    queue: {
      async enqueue(items) {
        const { results } = await sendToBackground('enqueueMany', { items: items.map((i) => ({ vacancy: i.vacancy })) });
        return results.map((r, k) => ({ vacancyId: items[k]!.vacancy.id, state: r.state, ...(r.reason ? { reason: r.reason } : {}) }));
      },
      async states(vacancyIds) {
        const { jobs } = await sendToBackground('jobsForVacancies', { vacancyIds });
        return Object.fromEntries(Object.entries(jobs).map(([id, j]) => [id, j.state]));
      },
    },
    report: debounce((stats: TriageStats) => {
      sendToBackground('reportTriage', stats).catch(() => {
        /* the worker may be restarting; the next report will carry the same numbers */
      });
    }, 250),
  };

  let triage: ListingTriage | null = null;
  let panel: VacancyPanel | null = null;
  const startPanel = (settings: Settings) => {
    if (!isVacancyPage(location)) return null;
    const p = new VacancyPanel(document, {
      read: () => {
        try {
          // The page's own state (when current) fills what the DOM lacks: hh's test / letter flags.
          const state = readTrustedState(document, location);
          const page = parseVacancyPage(document, { url: location.href, state: state ? stateVacancyView(state) : null });
          return { vacancy: page.vacancy, url: location.href.split('?')[0]!, applied: page.applied, warnings: vacancyWarnings(document, page) };
        } catch {
          return null; // not a recognisable vacancy page: no panel
        }
      },
      anchor: () => vacancyPanelAnchor(document),
      makeScorer,
      formatReason,
      lang: deps.lang,
      ...(deps.queue ? { queue: deps.queue } : {}),
      // Vacancy panel actions (issue 7).
      enqueueWithLetter: (item, letter) => sendToBackground('enqueue', { vacancy: item.vacancy, letter, source: 'vacancy' }).then((r) => ({ vacancyId: item.vacancy.id, state: r.state, ...(r.reason ? { reason: r.reason } : {}) })),
      hideEmployer: (employer) => sendToBackground('hideEmployer', { employer }),
      writeLetter: (req, s) => generateLetter(req, s),
    }, settings);
    p.start();
    return p;
  };
  const apply = (settings: Settings) => {
    if (panel) panel.update(settings);
    if (!settings.enabled) {
      panel?.stop();
      panel = null;
      triage?.stop();
      triage = null;
      deps.report?.({ url: location.href, total: 0, shown: 0, dimmed: 0, hidden: 0, unrecognised: 0 });
      return;
    }
    if (!panel) panel = startPanel(settings);
    if (triage) triage.update(settings);
    else {
      triage = new ListingTriage(document, deps, settings);
      triage.start();
    }
  };

  const unwatch = watchSettings(apply);
  const unlisten = handleContentMessages({ getTriage: () => triage?.stats() ?? null });
  signal.addEventListener('abort', () => {
    unwatch();
    unlisten();
    panel?.stop();
    triage?.stop();
  });
  apply(await getSettings());
}
