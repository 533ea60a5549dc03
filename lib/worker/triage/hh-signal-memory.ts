import type { NegativeFlag } from '../../core/hh/employer-warnings';
import type { ListingVacancy } from '../../core/hh/listing-state';
import type { VacancySignals } from '../../core/hh/vacancy-facts';

/**
 * What the worker read from hh's search states it scored (lib/worker/triage/score-cards.ts), kept in the worker's
 * memory for the pages that come next: hh's vacancy page says nothing about automatic applications or the
 * employer's warnings (KHR vacancy-page state 2026-09), the search item does. The queue asks it when hh's
 * vacancy page is silent (lib/worker/queue/hh-conditions.ts), the vacancy panel for the employer's warnings. Bounded
 * (oldest first out); lost when the worker stops, which only means "not known" again.
 */
export interface SignalMemory {
  remember(v: ListingVacancy): void;
  vacancy(id: string): Partial<VacancySignals> | undefined;
  /** hh's warnings about an employer, by hh employer id; undefined = no search state named this employer. */
  employer(id: string): NegativeFlag[] | undefined;
}

export function createSignalMemory(max = 5000): SignalMemory {
  const vacancies = new Map<string, Partial<VacancySignals>>();
  const employers = new Map<string, NegativeFlag[]>();
  const put = <T>(m: Map<string, T>, k: string, v: T) => {
    m.delete(k);
    m.set(k, v);
    if (m.size > max) m.delete(m.keys().next().value!);
  };
  return {
    remember(v) {
      const s: Partial<VacancySignals> = {};
      if (v.acceptAutoResponse !== null) s.acceptAutoResponse = v.acceptAutoResponse;
      if (v.letterRequired !== null) s.letterRequired = v.letterRequired;
      if (v.testRequired !== null) s.testRequired = v.testRequired;
      if (v.employer) s.employerNegative = v.employer.negative;
      put(vacancies, v.id, s);
      if (v.employer?.id) put(employers, v.employer.id, v.employer.negative);
    },
    vacancy: (id) => vacancies.get(id),
    employer: (id) => employers.get(id),
  };
}
