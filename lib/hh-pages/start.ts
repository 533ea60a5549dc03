import { watchUrl } from '../listing/dom/url-watch';
import { watchQuestionnaire, watchResponses } from './negotiations/content';
import { parseStoredSettings } from '../core/settings/parse';
import type { Settings } from '../core/settings/schema';
import { watchStoredSettings, type SettingsWatch } from '../listing/settings/watch-stored';
import { runVacancyPanel } from './vacancy-panel/vacancy-start';
import { featurePageOf, type FeaturePage } from '../core/pages/kinds';

const watchSettings: SettingsWatch<Settings> = (cb) =>
  watchStoredSettings((raw) => parseStoredSettings(raw, (m) => console.warn('[otklik]', m)), cb);

const RUN: Record<FeaturePage, (signal: AbortSignal, watch: SettingsWatch<Settings>) => unknown> = {
  vacancy: runVacancyPanel,
  responses: watchResponses,
  questionnaire: watchQuestionnaire,
};

/**
 * The page-features bundle (injected by the worker into vacancy, responses and questionnaire pages): runs the
 * feature of the page shown, and — hh being an SPA — switches when a client-side navigation changes the page,
 * stopping the previous one.
 */
export function startPageFeatures(signal: AbortSignal): void {
  let current: AbortController | null = null;
  watchUrl(() => {
    current?.abort();
    current = null;
    const kind = featurePageOf(location);
    if (!kind) return;
    current = new AbortController();
    void RUN[kind](current.signal, watchSettings);
  }, signal);
  signal.addEventListener('abort', () => current?.abort(), { once: true });
}
