/**
 * Otklik's relevance scorer: pure functions, no DOM, no storage. Compile a profile once, score many vacancies.
 *
 *   const m = compileProfile(profile);
 *   const { score, verdict, reasons } = m.score(vacancy);
 *   reasons.map((r) => formatReason(r, 'ru'));
 */
export { compileProfile, DEFAULT_THRESHOLDS, type Matcher, type MatchResult } from './score';
export { formatReason, type Reason } from './reasons';
export { normalizeText, stripHtml, tokenize } from './normalize';
export { stemRu, stemWord } from './stem';
export type { Profile } from './profile';
export type { MatchVacancy } from './vacancy';
export type { Thresholds, Verdict } from './types';
