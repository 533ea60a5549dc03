import { isNegotiationsPage, isVacancyPage, isVacancyResponsePage, type UrlLike } from '../hh/page-detect';

/**
 * Pages with features beyond listing triage: the vacancy panel, the responses page report, the questionnaire
 * pre-fill. Their code is a separate bundle the worker injects only into such pages (lib/worker/pages/inject.ts),
 * keeping the script that runs on every hh page small.
 */
export type FeaturePage = 'vacancy' | 'responses' | 'questionnaire';

export function featurePageOf(url: UrlLike): FeaturePage | null {
  if (isVacancyPage(url)) return 'vacancy';
  if (isNegotiationsPage(url)) return 'responses';
  if (isVacancyResponsePage(url)) return 'questionnaire';
  return null;
}

/** The built file of entrypoints/hh-pages.content (runtime-registered: not in the manifest). */
export const PAGE_FEATURES_FILE = '/content-scripts/hh-pages.js' as const;
