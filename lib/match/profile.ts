import { z } from 'zod';
import { experienceIdSchema, workFormatSchema } from './vacancy';

const words = z.array(z.string().trim().min(1).max(200)).max(500).default([]);

export const blacklistEntrySchema = z.object({
  /** hh employer id when known (most reliable); name is matched case-insensitively otherwise. */
  id: z.string().optional(),
  name: z.string().trim().min(1).max(300),
});
export type BlacklistEntry = z.infer<typeof blacklistEntrySchema>;

/**
 * What the user is looking for. Field names of the first block follow ../shared/bench/personas.json so a
 * persona file is a valid profile; the rest are the hard filters the user sets in the options page.
 */
export const profileSchema = z.object({
  desiredTitles: words,
  skills: words,
  resumeText: z.string().max(20_000).default(''),
  /** The user's own experience as an hh experience id; null = not said. */
  experience: experienceIdSchema.nullable().default(null),
  /** Stop-words: a vacancy whose title contains one is hidden. */
  excludeWords: words,
  /** The search query the user types (context only). */
  query: z.string().max(500).default(''),

  /** Hide vacancies whose known salary is below this (in RUB-equivalent, per month). null = no filter. */
  minSalary: z.number().int().nonnegative().nullable().default(null),
  /** Accepted work formats; empty = any. */
  workFormats: z.array(workFormatSchema).default([]),
  /** Accepted cities; empty = any. Remote vacancies pass regardless. */
  cities: words,
  employerBlacklist: z.array(blacklistEntrySchema).max(2000).default([]),
});
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

export const defaultProfile = (): Profile => profileSchema.parse({});
