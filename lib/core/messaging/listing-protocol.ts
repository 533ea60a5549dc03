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
  /** When the first verdicts were drawn, on the page's clock (performance.now()): the benchmark's wall time. */
  firstDrawnAt: z.optional(z.number().check(z.nonnegative())),
  /** Of firstPassMs, the part before the worker's answer: reading the cards and sending them. */
  firstReadMs: z.optional(z.number().check(z.nonnegative())),
  /** The worker's script time scoring the first pass's cards (it runs in the extension, not the page). */
  workerMs: z.optional(z.number().check(z.nonnegative())),
  /** Cards judged from the page's embedded state / read from their DOM, and why the state was not used. */
  source: z.optional(z.object({ state: count, dom: count, problem: z.optional(z.string().check(z.maxLength(300))) })),
  /** Why the document_start gate was lifted: drawn (verdicts), bound (fail open), off, failed, stopped. */
  gate: z.optional(z.string().check(z.maxLength(20))),
});
export type TriageStats = z.infer<typeof triageStatsSchema>;

/**
 * Cards in one triageCards request. A settings change re-scores every card the page holds, and infinite scroll
 * can keep many: 40 pages of 50 before a request is refused (the page would then keep its last verdicts).
 */
const MAX_CARDS = 2000;

/** A listing card's raw fields (lib/core/hh/listing.ts `RawCard`): caps are generous, a real card is far below. */
const rawText = (max: number) => z.optional(z.string().check(z.maxLength(max)));
export const rawCardSchema = z.object({
  id: z.string().check(z.regex(/^\d{1,12}$/)),
  title: z.string().check(z.maxLength(2000)),
  href: rawText(4000),
  employer: rawText(2000),
  employerHref: rawText(4000),
  responseHref: rawText(4000),
  responseText: rawText(2000),
  statusMarker: z.optional(z.literal(true)),
  chat: z.optional(z.literal(true)),
  salary: rawText(2000),
  payoutQa: rawText(500),
  experienceQa: rawText(500),
  experienceText: rawText(2000),
  remote: rawText(2000),
  tags: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(100)),
  address: rawText(4000),
  snippetReq: rawText(20_000),
  snippetResp: rawText(20_000),
});

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
  /**
   * Content script → background, at document_start: start the worker now (MV3 stops it when idle and a cold
   * start takes a noticeable while), so it is up to score the cards by the time the page has parsed them.
   */
  wakeUp: {
    req: z.object({}),
    res: listingReplies.wakeUp,
  },
  /**
   * Content script → background: score these cards against the user's settings. The worker scores (its code
   * and the compiled profile stay warm across pages); the page only reads the DOM and draws the verdicts.
   */
  triageCards: {
    req: z.object({ lang: z.enum(['ru', 'en']), cards: z.array(rawCardSchema).check(z.maxLength(MAX_CARDS)) }),
    res: listingReplies.triageCards,
  },
  /**
   * Content script → background, as soon as the page's HH-Lux-InitialState is parsed: the template's text (the
   * worker parses it: the page pays only for handing it over), the page address and the card ids already on the
   * page (the freshness check). The answer judges every vacancy of the state, before hh's script renders them.
   */
  triageState: {
    req: z.object({
      lang: z.enum(['ru', 'en']),
      url: z.url().check(z.maxLength(8000)),
      state: z.string().check(z.maxLength(64_000_000)),
      pageIds: z.array(z.string().check(z.regex(/^\d{1,12}$/))).check(z.maxLength(MAX_CARDS)),
    }),
    res: listingReplies.triageState,
  },
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
   * features bundle (lib/worker/pages) into it. The worker checks the sender's URL itself.
   */
  loadPageFeatures: {
    req: z.object({}),
    res: listingReplies.loadPageFeatures,
  },
  /**
   * A badge's "relevant" / "not for me" (a user click: the badge checks isTrusted). Names the vacancy only: the
   * worker learns from its own read of it (lib/worker/feedback), never from what the page says the vacancy is.
   */
  triageFeedback: {
    req: z.object({
      vacancyId: z.string().check(z.regex(/^\d{1,12}$/)),
      label: z.enum(['relevant', 'not']),
      why: z.optional(z.enum(['role', 'level', 'salary', 'employer', 'location'])),
    }),
    res: listingReplies.triageFeedback,
  },
  ...listingQueueMessages,
} as const;
