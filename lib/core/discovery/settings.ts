import * as z from 'zod/mini';

/**
 * Auto-discovery settings (issue 7): which hh lists to walk on the alarm, how politely, and what to do with
 * a strong match. Every field has a default so settings stored before this section existed keep parsing.
 */
const hash = z.string().check(z.regex(/^[0-9a-f]{20,64}$/i, 'not an hh resume hash'));

export const savedSearchSchema = z.object({
  /** What the user calls it (shown in suggestions as the source). */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  /** An hh search URL or just its query string (`text=python&area=1&work_format=REMOTE`). */
  query: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  enabled: z._default(z.boolean(), true),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

const pacingSchema = z
  .object({
    /**
     * Random pause between two page fetches; tests set it low, people should not. At most 20 s: the round runs
     * in the MV3 worker, which Chrome stops after 30 s without extension events.
     */
    minSeconds: z._default(z.number().check(z.gte(0.1), z.lte(20)), 4),
    maxSeconds: z._default(z.number().check(z.gte(0.1), z.lte(20)), 12),
  })
  .check(
    z.refine((p) => p.minSeconds <= p.maxSeconds, {
      message: 'minimum pause must not exceed the maximum',
      path: ['minSeconds'],
    }),
  );

export const discoverySchema = z.object({
  enabled: z._default(z.boolean(), false),
  /** suggest: strong matches wait in the popup; auto: they go straight into the apply queue. */
  mode: z._default(z.enum(['suggest', 'auto']), 'suggest'),
  /** hh's "similar to my resume" list first. */
  similar: z._default(z.boolean(), true),
  /** Resume whose similar list is walked; null = the apply queue's default resume. */
  resumeHash: z._default(z.nullable(hash), null),
  /** Also search the profile's query (options → profile → search query) with the profile's filters. */
  profileQuery: z._default(z.boolean(), true),
  searches: z._default(z.array(savedSearchSchema).check(z.maxLength(20)), () => []),
  intervalMinutes: z._default(z.int().check(z.gte(15), z.lte(24 * 60)), 120),
  pacing: z._default(pacingSchema, () => ({ minSeconds: 4, maxSeconds: 12 })),
  /** Page fetches per round over all sources (each source also stops at a page with nothing new). */
  maxPagesPerRound: z._default(z.int().check(z.gte(1), z.lte(40)), 6),
  /** Vacancy pages fetched per round to score promising cards on their full text. */
  maxFullTextPerRound: z._default(z.int().check(z.gte(0), z.lte(100)), 15),
  /** Score (0..1) from which a vacancy is suggested / queued. */
  threshold: z._default(z.number().check(z.gte(0), z.lte(1)), 0.7),
});
export type DiscoverySettings = z.infer<typeof discoverySchema>;
