/**
 * hh's warnings about an employer: `company.employersNegativeAttribute` of a vacancy in the embedded state
 * (`{employerId, hasBreaches, pdResale, hasFrequentComplaints, isReferral, reduction, misleadingVacancyAlert,
 * creationDate}`; LLR logged-in search 2026-08, its notes: YCLIENTS LLC with `hasBreaches: true`). The object is
 * absent for most employers. `employerId` and `creationDate` are not warnings.
 */
import { EMPLOYER_WARNINGS, type EmployerWarning } from '../match/vacancy';

/** The flags' list is the scorer's (lib/core/match/vacancy.ts), so a settings filter and hh's state name the same ones. */
export const NEGATIVE_FLAGS = EMPLOYER_WARNINGS;
export type NegativeFlag = EmployerWarning;

const FLAG_SET: ReadonlySet<string> = new Set(NEGATIVE_FLAGS);
export const isNegativeFlag = (s: string): s is NegativeFlag => FLAG_SET.has(s);

/** The flags set to `true` in hh's object, in NEGATIVE_FLAGS order (anything else — absent, null, odd — is none). */
export function negativeFlagsOf(attrs: unknown): NegativeFlag[] {
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) return [];
  const o = attrs as Record<string, unknown>;
  return NEGATIVE_FLAGS.filter((f) => o[f] === true);
}
