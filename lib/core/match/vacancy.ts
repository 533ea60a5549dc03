import * as z from 'zod/mini';

/**
 * The one vacancy shape the scorer reads. Built from a listing card (lib/core/hh/listing), the page's embedded
 * state, or an hh API object (lib/core/hh/api-vacancy). Every field but id/title may be unknown.
 * zod/mini everywhere in product code: it ships in the content script, whose budget is 30 KB gzipped.
 */
export const EXPERIENCE_IDS = ['noExperience', 'between1And3', 'between3And6', 'moreThan6'] as const;
export const experienceIdSchema = z.enum(EXPERIENCE_IDS);
export type ExperienceId = z.infer<typeof experienceIdSchema>;

export const WORK_FORMATS = ['ON_SITE', 'REMOTE', 'HYBRID', 'FIELD_WORK'] as const;
export const workFormatSchema = z.enum(WORK_FORMATS);
export type WorkFormat = z.infer<typeof workFormatSchema>;

/**
 * hh's warnings about an employer (`company.employersNegativeAttribute` in hh's state; lib/core/hh/employer-warnings.ts
 * reads them): breaches of law, resale of personal data, frequent complaints, a misleading vacancy, staff cuts, a
 * referral vacancy.
 */
export const EMPLOYER_WARNINGS = [
  'hasBreaches',
  'pdResale',
  'hasFrequentComplaints',
  'misleadingVacancyAlert',
  'reduction',
  'isReferral',
] as const;
export type EmployerWarning = (typeof EMPLOYER_WARNINGS)[number];

export const salarySchema = z.object({
  from: z.nullable(z.number()),
  to: z.nullable(z.number()),
  /** hh currency code: RUR, USD, EUR, KZT, BYR, UZS … */
  currency: z.nullable(z.string()),
  /** true = before tax ("до вычета налогов"), false = net ("на руки"), null = unknown */
  gross: z.nullable(z.boolean()),
  /** The text as the site shows it, when parsed from the DOM. */
  text: z.optional(z.string()),
});
export type Salary = z.infer<typeof salarySchema>;

export const matchVacancySchema = z.object({
  id: /* @__PURE__ */ z.string().check(z.minLength(1)), // pure: keeps this schema out of the listing bundle
  title: z.string(),
  employer: z.nullable(z.object({ id: z.optional(z.string()), name: z.string() })),
  salary: z.nullable(salarySchema),
  experience: z.nullable(experienceIdSchema),
  /** Empty = unknown. */
  workFormats: z.array(workFormatSchema),
  /** Free text about schedule/employment ("Полная занятость, полный день", "Можно удалённо"). */
  scheduleText: z.optional(z.string()),
  /** City / area name. */
  area: z.optional(z.string()),
  address: z.optional(z.string()),
  /** Requirement + responsibility snippet, plain text. */
  snippet: z.optional(z.string()),
  /** Full description; may contain HTML. Present only for full vacancies. */
  description: z.optional(z.string()),
  keySkills: z.optional(z.array(z.string())),
  /** hh professional role ids (API `professional_roles`, search state `professionalRoleIds`); absent = unknown. */
  professionalRoleIds: z.optional(z.array(z.string())),
  /** Driving licence categories the vacancy requires (API `driver_license_types`). */
  driverLicences: z.optional(z.array(z.string())),
  /** Languages the vacancy requires (API `languages`): hh language id and level id. */
  languages: z.optional(z.array(z.object({ id: z.string(), level: z.string() }))),
  /** hh's warnings about the employer (EMPLOYER_WARNINGS); absent = unknown, [] = none. */
  employerWarnings: z.optional(z.array(z.string())),
});
export type MatchVacancy = z.infer<typeof matchVacancySchema>;

/** hh's driving licence categories (dictionary `driver_license_types`). */
export const DRIVER_LICENCES = ['A', 'B', 'C', 'D', 'E', 'BE', 'CE', 'DE', 'TM', 'TB'] as const;
/** hh's language levels (dictionary `language_level`): CEFR, l1 = native. */
export const LANGUAGE_LEVELS = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'l1'] as const;
export const languageSchema = z.object({
  /** hh language id: eng, deu, fra, zho … (rus for Russian) */
  code: z.string().check(z.regex(/^[a-z]{3}$/, 'an hh language id of three letters (eng, deu …)')),
  level: z.enum(LANGUAGE_LEVELS),
});
export type Language = z.infer<typeof languageSchema>;
