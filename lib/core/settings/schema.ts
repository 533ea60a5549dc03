import * as z from 'zod/mini';
import { lettersSchema } from '../letters/settings';
import { listingSettingsSchema } from './listing-schema';
import { discoverySchema } from '../discovery/settings';
import { notifySchema } from '../notify/settings';
import { qaSchema } from '../negotiations/settings';

export { SETTINGS_VERSION } from './version';
export { triageSchema } from './listing-schema';

const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (24 h)'));

const pacingSchema = z
  .object({ minSeconds: z._default(int(10, 3600), 30), maxSeconds: z._default(int(10, 3600), 90) })
  .check(
    z.refine((p) => p.minSeconds <= p.maxSeconds, {
      message: 'minimum pause must not exceed the maximum',
      path: ['minSeconds'],
    }),
  );

/** The apply queue (issue 4). Runtime state (pause, pacing) is not here but in the queue's database. */
export const applySchema = z.object({
  /** Applications per rolling 24 h; hh's own limit is 200. */
  dailyCap: z._default(int(1, 200), 50),
  /** Random pause between two applications, in seconds. */
  pacing: z._default(pacingSchema, () => ({ minSeconds: 30, maxSeconds: 90 })),
  /** No applications between `from` and `to` (local time; may span midnight). */
  quietHours: z._default(
    z.object({
      enabled: z._default(z.boolean(), false),
      from: z._default(clock, '23:00'),
      to: z._default(clock, '08:00'),
    }),
    () => ({ enabled: false, from: '23:00', to: '08:00' }),
  ),
  /** Resume used when a job does not name one (hash as in /resume/<hash>); null = not chosen yet. */
  defaultResumeHash: z._default(
    z.nullable(z.string().check(z.regex(/^[0-9a-f]{20,64}$/i, 'not an hh resume hash'))),
    null,
  ),
  /** The user's current employer: never applied to (besides profile.employerBlacklist). */
  currentEmployer: z._default(z.string().check(z.trim(), z.maxLength(300)), ''),
  /** Tests and debugging only (not in the options page): no pacing, short leases and backoff. */
  fast: z._default(z.boolean(), false),
});
export type ApplySettings = z.infer<typeof applySchema>;

/** enabled, profile, triage (what the listing content script reads, see ./listing-schema), then the rest. */
export const settingsSchema = z
  .extend(listingSettingsSchema, {
    apply: z._default(applySchema, () => applySchema.parse({})),
    /** Cover letters (issue 5): provider and its non-secret config. API keys are never here (lib/core/letters/keys.ts). */
    letters: z._default(lettersSchema, () => lettersSchema.parse({})),
    // ── Discovery & notifications (issue 7)
    discovery: z._default(discoverySchema, () => discoverySchema.parse({})),
    notify: z._default(notifySchema, () => notifySchema.parse({})),
    // ── Responses and employer chats (issue 8): Q&A bank, reply drafts, sync period
    qa: z._default(qaSchema, () => qaSchema.parse({})),
    /** Verbose console logs in every context (never includes secrets). */
    debug: z._default(z.boolean(), false),
  })
  .check(
    z.refine(
      (s) => s.triage.hideBelow === null || s.triage.dimBelow === null || s.triage.hideBelow <= s.triage.dimBelow,
      {
        message: 'hide threshold must not be above the dim threshold',
        path: ['triage', 'hideBelow'],
      },
    ),
  );

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});

// Lives on its own so the content bundles can describe errors without the whole settings schema.
export { describeZodError } from '../describe-zod-error';
