import * as z from 'zod/mini';
import { vacancySnapshotSchema } from '../db/schema';
import { jobStateSchema } from '../db/job-state';
import { listingReplies } from './listing-replies';

/*
 * The messages of the listing content script (injected on every hh page), apart from the full map in
 * ./protocol.ts. protocol.ts spreads `listingMessages` into `toBackground`: one map, one router. The content
 * script itself loads only ./listing-replies (its client validates replies; the worker validates requests).
 */
const count = z.int().check(z.nonnegative());

export const triageStatsSchema = z.object({
  url: z.url(),
  total: count,
  shown: count,
  dimmed: count,
  hidden: count,
  /** Cards whose markup was not recognised (never scored). */
  unrecognised: count,
  /** Script time of the first triage pass over the cards present at DOM ready (benchmark figure). */
  firstPassMs: z.optional(z.number().check(z.nonnegative())),
  /** The latest pass over newly added cards (pagination, infinite scroll), with warm code. */
  lastPass: z.optional(z.object({ ms: z.number().check(z.nonnegative()), cards: z.int().check(z.nonnegative()) })),
});
export type TriageStats = z.infer<typeof triageStatsSchema>;

// ── Apply queue (issue 4) ────────────────────────────────────────────────────────────────────────────────
const resumeHashSchema = z.string().check(z.regex(/^[0-9a-f]{20,64}$/i, 'not an hh resume hash'));
export const enqueueItemSchema = z.object({
  vacancy: vacancySnapshotSchema,
  /** Absent = the default resume of the settings. */
  resumeHash: z.optional(resumeHashSchema),
  /** '' = no letter; absent = decided later (cover letters, issue 5). */
  letter: z.optional(z.string().check(z.maxLength(10_000))),
});
export const enqueueResultSchema = z.object({
  jobId: z.int(),
  created: z.boolean(),
  state: jobStateSchema,
  /** Why nothing was created / what happened instead: already_queued, vacancy_queued_with_other_resume, blacklisted, revived. */
  reason: z.optional(z.string()),
  detail: z.optional(z.string()),
});

/** The apply-queue messages of the listing (also part of protocol.ts `queueMessages`). */
export const listingQueueMessages = {
  /** "Queue all shown above score X": one result per item, in order. */
  enqueueMany: {
    req: z.object({ items: z.array(enqueueItemSchema).check(z.minLength(1), z.maxLength(500)) }),
    res: listingReplies.enqueueMany,
  },
  /** What the queue knows of some vacancies (card buttons: queued / applied / needs you). */
  jobsForVacancies: {
    req: z.object({ vacancyIds: z.array(z.string().check(z.regex(/^\d{1,12}$/))).check(z.maxLength(500)) }),
    res: listingReplies.jobsForVacancies,
  },
} as const;

export const listingMessages = {
  /** Content script → background: what triage did on the sender's tab (drives the toolbar badge). */
  reportTriage: {
    req: triageStatsSchema,
    res: listingReplies.reportTriage,
  },
  /** Content script → background: open the options page (content scripts cannot do it themselves). */
  openOptions: {
    req: z.object({}),
    res: listingReplies.openOptions,
  },
  /**
   * Content script → background: this tab shows a vacancy, responses or questionnaire page; inject the page
   * features bundle (lib/pages) into it. The worker checks the sender's URL itself.
   */
  loadPageFeatures: {
    req: z.object({}),
    res: listingReplies.loadPageFeatures,
  },
  ...listingQueueMessages,
} as const;
