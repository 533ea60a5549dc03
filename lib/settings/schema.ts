import { z } from 'zod';
import { profileSchema } from '../match/profile';

/** Bump together with a new entry in ./migrations.ts (and its test fixture). */
export const SETTINGS_VERSION = 3;

const threshold = z.number().min(0).max(1);

export const triageSchema = z
  .object({
    /** What happens to a vacancy the scorer says to hide: removed from view, or only dimmed. */
    action: z.enum(['hide', 'dim']).default('hide'),
    showBadges: z.boolean().default(true),
    /** Score cut-offs; null = the scorer's tuned defaults. */
    hideBelow: threshold.nullable().default(null),
    dimBelow: threshold.nullable().default(null),
  })
  .refine((t) => t.hideBelow === null || t.dimBelow === null || t.hideBelow <= t.dimBelow, {
    message: 'hide threshold must not be above the dim threshold',
    path: ['hideBelow'],
  });

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (24 h)');

/** The apply queue (issue 4). Runtime state (pause, pacing) is not here but in the queue's database. */
export const applySchema = z.object({
  /** Applications per rolling 24 h; hh's own limit is 200. */
  dailyCap: z.number().int().min(1).max(200).default(50),
  /** Random pause between two applications, in seconds. */
  pacing: z
    .object({ minSeconds: z.number().int().min(10).max(3600).default(30), maxSeconds: z.number().int().min(10).max(3600).default(90) })
    .refine((p) => p.minSeconds <= p.maxSeconds, { message: 'minimum pause must not exceed the maximum', path: ['minSeconds'] })
    .default(() => ({ minSeconds: 30, maxSeconds: 90 })),
  /** No applications between `from` and `to` (local time; may span midnight). */
  quietHours: z
    .object({ enabled: z.boolean().default(false), from: clock.default('23:00'), to: clock.default('08:00') })
    .default(() => ({ enabled: false, from: '23:00', to: '08:00' })),
  /** Resume used when a job does not name one (hash as in /resume/<hash>); null = not chosen yet. */
  defaultResumeHash: z.string().regex(/^[0-9a-f]{20,64}$/i, 'not an hh resume hash').nullable().default(null),
  /** The user's current employer: never applied to (besides profile.employerBlacklist). */
  currentEmployer: z.string().trim().max(300).default(''),
  /** Tests and debugging only (not in the options page): no pacing, short leases and backoff. */
  fast: z.boolean().default(false),
});
export type ApplySettings = z.infer<typeof applySchema>;

export const settingsSchema = z.object({
  /** Master switch: off = Otklik leaves hh.ru pages exactly as they are. */
  enabled: z.boolean().default(true),
  profile: profileSchema.default(() => profileSchema.parse({})),
  triage: triageSchema.default(() => triageSchema.parse({})),
  apply: applySchema.default(() => applySchema.parse({})),
  /** Verbose console logs in every context (never includes secrets). */
  debug: z.boolean().default(false),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});

/** One line per problem, with the path of the bad field: what a person needs to fix a file. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
