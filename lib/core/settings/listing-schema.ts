import * as z from 'zod/mini';
import { profileSchema } from '../match/profile';

/*
 * The listing part of the settings (on/off, profile, triage): ./schema.ts extends this object into the full
 * settings. The listing content script itself reads only the master switch (./listing-switch.ts); the worker,
 * which scores the cards, reads the rest through the full schema.
 */
const threshold = z.number().check(z.gte(0), z.lte(1));

/**
 * Their order (hide ≤ dim) is checked by the full settings schema (./schema.ts), which every write goes through;
 * the listing's read does not need it (inverted cut-offs only mean nothing is dimmed) and so skips zod's
 * refinement code.
 */
export const triageSchema = z.object({
  /** What happens to a vacancy the scorer says to hide: removed from view, or only dimmed. */
  action: z._default(z.enum(['hide', 'dim']), 'hide'),
  showBadges: z._default(z.boolean(), true),
  /** Score cut-offs; null = the scorer's tuned defaults. */
  hideBelow: z._default(z.nullable(threshold), null),
  dimBelow: z._default(z.nullable(threshold), null),
});

export const listingSettingsSchema = z.object({
  /** Master switch: off = Otklik leaves hh.ru pages exactly as they are. */
  enabled: z._default(z.boolean(), true),
  profile: z._default(profileSchema, () => profileSchema.parse({})),
  triage: z._default(triageSchema, () => triageSchema.parse({})),
});

export type ListingSettings = z.infer<typeof listingSettingsSchema>;
