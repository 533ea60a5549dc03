import { findListingCards, isCardProblem, parseListingCard, type ListingCard } from './listing';
import { listingStateFromText, type ListingVacancy, type StateProblem } from './listing-state';
import type { UrlLike } from './page-detect';

/** One vacancy of a listing page, and where its facts came from. */
export type PageVacancy = ListingVacancy & { source: 'state' | 'dom' };

export interface ListingPage {
  vacancies: PageVacancy[];
  /** Why the state was not used (the cards' DOM was read instead); absent when it was. */
  stateProblem?: { reason: StateProblem; detail?: string };
  /** Cards whose markup was not recognised (never half-read). */
  problems: string[];
}

/**
 * Every vacancy of a search page: from its embedded state when that is this page's (all of them, including
 * those hh's script has not rendered yet), plus any card the state lacks, read from the DOM; without a usable
 * state, the cards' DOM as before (with the reason). What the DOM does not show is null/empty there.
 */
export function readListingPage(doc: Document, stateText: string | null, pageUrl: UrlLike | null): ListingPage {
  const cards = findListingCards(doc).map(parseListingCard);
  const problems = cards.filter(isCardProblem).map((c) => c.reason);
  const dom = cards.filter((c): c is ListingCard => !isCardProblem(c));
  const state = listingStateFromText(
    stateText,
    pageUrl,
    dom.map((c) => c.id),
  );
  const out: ListingPage = { vacancies: [], problems };
  if (state.ok) out.vacancies = state.vacancies.map((v) => ({ ...v, source: 'state' as const }));
  else out.stateProblem = state.detail ? { reason: state.reason, detail: state.detail } : { reason: state.reason };
  const seen = new Set(out.vacancies.map((v) => v.id));
  for (const c of dom) {
    if (seen.has(c.id)) continue;
    const v: PageVacancy = {
      id: c.id,
      title: c.title,
      employer: c.employer ? { ...c.employer, negative: [] } : null,
      salary: c.salary,
      experience: c.experience,
      workFormats: c.workFormats,
      professionalRoleIds: [],
      acceptAutoResponse: null,
      letterRequired: null,
      testRequired: null,
      applied: c.applied ? true : null,
      responsesCount: null,
      source: 'dom',
    };
    if (c.snippet) v.snippet = c.snippet;
    if (c.area) v.area = c.area;
    if (c.url) v.url = c.url;
    out.vacancies.push(v);
  }
  return out;
}
