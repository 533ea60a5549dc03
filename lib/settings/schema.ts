import { z } from 'zod';
import { profileSchema } from '../match/profile';

/** Bump together with a new entry in ./migrations.ts (and its test fixture). */
export const SETTINGS_VERSION = 2;

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

export const settingsSchema = z.object({
  /** Master switch: off = Otklik leaves hh.ru pages exactly as they are. */
  enabled: z.boolean().default(true),
  profile: profileSchema.default(() => profileSchema.parse({})),
  triage: triageSchema.default(() => triageSchema.parse({})),
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
