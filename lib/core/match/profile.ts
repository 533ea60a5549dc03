import * as z from 'zod/mini';
import { DRIVER_LICENCES, EMPLOYER_WARNINGS, experienceIdSchema, languageSchema, workFormatSchema } from './vacancy';

const word = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const words = z._default(z.array(word(200)).check(z.maxLength(500)), () => []);

export { DRIVER_LICENCES, LANGUAGE_LEVELS, languageSchema, type Language } from './vacancy';

export const blacklistEntrySchema = z.object({
  /** hh employer id when known (most reliable); name is matched case-insensitively otherwise. */
  id: z.optional(z.string()),
  name: word(300),
});
export type BlacklistEntry = z.infer<typeof blacklistEntrySchema>;

/**
 * What the user is looking for. Field names of the first block follow ../shared/bench/personas.json so a
 * persona file is a valid profile; the rest are the hard filters the user sets in the options page.
 */
export const profileSchema = z.object({
  desiredTitles: words,
  skills: words,
  resumeText: z._default(z.string().check(z.maxLength(20_000)), ''),
  /** The user's own experience as an hh experience id; null = not said. */
  experience: z._default(z.nullable(experienceIdSchema), null),
  /** Stop-words: a vacancy whose title contains one is hidden. */
  excludeWords: words,
  /** hh professional role ids (hh's catalogue; filled from an hh resume). Empty = inferred from desiredTitles. */
  professionalRoles: z._default(
    z.array(z.string().check(z.regex(/^\d{1,4}$/, 'an hh professional role id (digits)'))).check(z.maxLength(50)),
    () => [],
  ),
  /** Driving licence categories the user holds. Empty = not said (then read from skills/resume text when they say). */
  driverLicences: z._default(z.array(z.enum(DRIVER_LICENCES)), () => []),
  /** Languages the user speaks, with levels. Empty = not said. */
  languages: z._default(z.array(languageSchema).check(z.maxLength(30)), () => []),
  /** The search query the user types (context only). */
  query: z._default(z.string().check(z.maxLength(500)), ''),

  /**
   * Hide vacancies whose known salary is below this (in RUB-equivalent, per month). null = no filter. Any
   * amount up to 10⁹ (the options page asks for whole roubles); not z.int(), whose number-format code would
   * weigh on the listing bundle.
   */
  minSalary: z._default(z.nullable(z.number().check(z.nonnegative(), z.lte(1e9))), null),
  /** Accepted work formats; empty = any. */
  workFormats: z._default(z.array(workFormatSchema), () => []),
  /** Accepted cities; empty = any. Remote vacancies pass regardless. */
  cities: words,
  employerBlacklist: z._default(z.array(blacklistEntrySchema).check(z.maxLength(2000)), () => []),
  /** Hide vacancies of employers hh warns about for these reasons (hh's `employersNegativeAttribute`); empty = off. */
  hideEmployerWarnings: z._default(z.array(z.enum(EMPLOYER_WARNINGS)), () => []),
});
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
