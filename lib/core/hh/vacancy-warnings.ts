import type { NegativeFlag } from './employer-warnings';
import type { VacancyPage } from './vacancy-page';

/**
 * What hh itself warns about on a vacancy page, for the vacancy panel: the employer's questions (test), a
 * required cover letter, "you will probably be rejected", and an earlier application. Flags come from the
 * parsed page (DOM + current page state, see vacancy-page.ts) plus the reject warning's own marker.
 * Evidence for the marker: `[data-qa="response-reject-warning"]` (hh-site.md §1.3, AXI vacancy_page.py 2026-08);
 * no saved real page shows it, so its text is not relied on.
 */
export interface VacancyWarnings {
  applied: boolean;
  testRequired: boolean;
  letterRequired: boolean;
  rejectLikely: boolean;
  /** The employer refuses automatic applications (hh's `acceptAutoResponse: false`). */
  noAuto: boolean;
  /** hh's warnings about the employer; null = not known from this page (the worker may know them from a search). */
  employer: NegativeFlag[] | null;
}

export const REJECT_WARNING = '[data-qa="response-reject-warning"]';

export function vacancyWarnings(
  root: ParentNode,
  page: Pick<VacancyPage, 'applied' | 'testRequired' | 'letterRequired' | 'acceptAutoResponse' | 'employerWarnings'>,
): VacancyWarnings {
  return {
    applied: page.applied === true,
    testRequired: page.testRequired === true,
    letterRequired: page.letterRequired === true,
    rejectLikely: root.querySelector(REJECT_WARNING) !== null,
    noAuto: page.acceptAutoResponse === false,
    employer: page.employerWarnings,
  };
}
