import { z } from 'zod';

/**
 * The one vacancy shape the scorer reads. Built from a listing card (lib/hh/listing), the page's embedded
 * state, or an hh API object (lib/hh/api-vacancy). Every field but id/title may be unknown.
 */
export const EXPERIENCE_IDS = ['noExperience', 'between1And3', 'between3And6', 'moreThan6'] as const;
export const experienceIdSchema = z.enum(EXPERIENCE_IDS);
export type ExperienceId = z.infer<typeof experienceIdSchema>;

export const WORK_FORMATS = ['ON_SITE', 'REMOTE', 'HYBRID', 'FIELD_WORK'] as const;
export const workFormatSchema = z.enum(WORK_FORMATS);
export type WorkFormat = z.infer<typeof workFormatSchema>;

export const salarySchema = z.object({
  from: z.number().nullable(),
  to: z.number().nullable(),
  /** hh currency code: RUR, USD, EUR, KZT, BYR, UZS … */
  currency: z.string().nullable(),
  /** true = before tax ("до вычета налогов"), false = net ("на руки"), null = unknown */
  gross: z.boolean().nullable(),
  /** The text as the site shows it, when parsed from the DOM. */
  text: z.string().optional(),
});
export type Salary = z.infer<typeof salarySchema>;

export const matchVacancySchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  employer: z.object({ id: z.string().optional(), name: z.string() }).nullable(),
  salary: salarySchema.nullable(),
  experience: experienceIdSchema.nullable(),
  /** Empty = unknown. */
  workFormats: z.array(workFormatSchema),
  /** Free text about schedule/employment ("Полная занятость, полный день", "Можно удалённо"). */
  scheduleText: z.string().optional(),
  /** City / area name. */
  area: z.string().optional(),
  address: z.string().optional(),
  /** Requirement + responsibility snippet, plain text. */
  snippet: z.string().optional(),
  /** Full description; may contain HTML. Present only for full vacancies. */
  description: z.string().optional(),
  keySkills: z.array(z.string()).optional(),
});
export type MatchVacancy = z.infer<typeof matchVacancySchema>;
