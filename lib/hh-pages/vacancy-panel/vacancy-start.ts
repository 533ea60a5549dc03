import { sendToBackground } from '../../core/messaging';
import { readTrustedState, stateVacancyView } from '../../core/hh/initial-state';
import { parseVacancyPage, vacancyPanelAnchor } from '../../core/hh/vacancy-page';
import { vacancyWarnings } from '../../core/hh/vacancy-warnings';
import { generateLetter } from '../letters/port-client';
import type { Settings } from '../../core/settings/schema';
import type { SettingsWatch } from '../../listing/settings/watch-stored';
import { listingQueue } from '../../listing/triage/queue-port';
import { sendFromListing } from '../../listing/messaging/content-client';
import { pickLang } from '../../listing/triage/texts';
import { VacancyPanel } from './vacancy-panel';

/**
 * The vacancy page's panel (page-features bundle): shown while Otklik is enabled, removed when it is turned
 * off or the page is left (`signal`). `watch` delivers the settings now and on every change.
 */
export function runVacancyPanel(signal: AbortSignal, watch: SettingsWatch<Settings>): void {
  const lang = pickLang(navigator.language);
  let panel: VacancyPanel | null = null;
  const create = (settings: Settings) => {
    const p = new VacancyPanel(
      document,
      {
        read: () => {
          try {
            // The page's own state (when current) fills what the DOM lacks: hh's test / letter flags.
            const state = readTrustedState(document, location);
            const page = parseVacancyPage(document, {
              url: location.href,
              state: state ? stateVacancyView(state) : null,
            });
            return {
              vacancy: page.vacancy,
              url: location.href.split('?')[0]!,
              applied: page.applied,
              warnings: vacancyWarnings(document, page),
            };
          } catch {
            return null; // not a recognisable vacancy page: no panel
          }
        },
        anchor: () => vacancyPanelAnchor(document),
        // Scored by the worker, as the listing is (role model, feedback): one score everywhere.
        score: async (vacancy) => {
          const r = await sendToBackground('scoreVacancy', { vacancy, lang });
          return r.mode === 'on'
            ? {
                score: r.score,
                verdict: r.verdict,
                reasons: r.reasons.map((l) => ({ text: l.slice(1), minus: l.startsWith('-') })),
              }
            : null;
        },
        lang,
        queue: listingQueue(sendFromListing),
        // Vacancy panel actions (issue 7).
        enqueueWithLetter: (item, letter) =>
          sendToBackground('enqueue', { vacancy: item.vacancy, letter, source: 'vacancy' }).then((r) => ({
            vacancyId: item.vacancy.id,
            state: r.state,
            ...(r.reason ? { reason: r.reason } : {}),
          })),
        hideEmployer: (employer, vacancyId) => sendToBackground('hideEmployer', { employer, vacancyId }),
        // hh's vacancy page carries no employer warnings: the worker's read of hh's search pages (issue 18).
        knownSignals: (vacancyId, employerId) =>
          sendToBackground('knownSignals', { vacancyId, ...(employerId ? { employerId } : {}) }),
        writeLetter: (req, s) => generateLetter(req, s),
      },
      settings,
    );
    p.start();
    return p;
  };
  const unwatch = watch((settings) => {
    if (!settings.enabled) {
      panel?.stop();
      panel = null;
    } else if (panel) panel.update(settings);
    else panel = create(settings);
  });
  signal.addEventListener(
    'abort',
    () => {
      unwatch();
      panel?.stop();
      panel = null;
    },
    { once: true },
  );
}
