import * as z from 'zod/mini';
import { jobStateSchema } from '../db/job-state';

/*
 * What the worker answers to the listing content script's messages (./listing-protocol has the requests).
 * The only message schemas in that bundle, which is injected on every hh page: its client validates the
 * replies, and the worker validates each request on receipt.
 */
/** Job states of vacancies that have a job (a list, not a record: z.record's code would weigh on the bundle). */
const jobStates = z.array(z.object({ vacancyId: z.string(), state: jobStateSchema }));

export const listingReplies = {
  reportTriage: z.object({ recorded: z.boolean() }),
  wakeUp: z.object({ awake: z.boolean() }),
  /**
   * The worker's verdicts on the cards of one triageCards request, per card in request order, in flat columns:
   * a handful of checks for 50 cards instead of an object per card and reason (this runs in the page's first
   * pass, with cold code). ./triage-reply.ts turns it into per-card results and checks the lengths.
   */
  triageCards: z.object({
    /** on: scored; empty: nothing to score against (the bar offers the profile setup); off: Otklik is off. */
    mode: z.enum(['on', 'empty', 'off']),
    /** What the page does with a card the scorer hides (the user's triage.action). */
    action: z.enum(['hide', 'dim']),
    badges: z.boolean(),
    /** One letter per card: s(how), d(im), h(ide). */
    verdicts: z.string().check(z.regex(/^[sdh]*$/)),
    scores: z.array(z.number()),
    /** Per card, its badge reasons in order, one per line, each "+text" or "-text". */
    reasons: z.array(z.string()),
    /** One digit per card: 1 = the card says it was applied to on hh. */
    applied: z.string().check(z.regex(/^[01]*$/)),
    /** What the apply queue holds of these vacancies (the badges' queue buttons), answered with the verdicts. */
    jobs: jobStates,
    /** Worker script time for this request, ms (benchmark figure). */
    ms: z.number(),
  }),
  /**
   * The worker's verdicts on a search page's embedded state (every vacancy of the page, rendered or not), keyed
   * by `ids`; the columns are those of triageCards, plus hh's own signals per vacancy. `problem` (and no ids):
   * the state is absent, stale or unrecognised, and the page reads its cards instead.
   */
  triageState: z.object({
    mode: z.enum(['on', 'empty', 'off']),
    action: z.enum(['hide', 'dim']),
    badges: z.boolean(),
    ids: z.array(z.string()),
    verdicts: z.string().check(z.regex(/^[sdh]*$/)),
    scores: z.array(z.number()),
    reasons: z.array(z.string()),
    applied: z.string().check(z.regex(/^[01]*$/)),
    /** Per vacancy: its flags, letters of n(o automatic applications), l(etter required), t(est required). */
    flags: z.array(z.string()),
    /** Per vacancy: hh's warnings about the employer in the page's language, comma-separated ('' = none). */
    negative: z.array(z.string()),
    /** Per vacancy: hh's response count (-1 = not said). */
    responses: z.array(z.number()),
    jobs: jobStates,
    ms: z.number(),
    problem: z.optional(z.string()),
  }),
  openOptions: z.object({ opened: z.boolean() }),
  /** learned: false when the worker had not scored that vacancy lately (it restarted: the page re-scores). */
  triageFeedback: z.object({ learned: z.boolean() }),
  loadPageFeatures: z.object({ loaded: z.boolean() }),
  /** One result per item, in order: what the listing shows (the worker's full results, ./listing-protocol, carry more). */
  enqueueMany: z.object({
    results: z.array(z.object({ state: jobStateSchema, reason: z.optional(z.string()) })),
    created: z.number(),
  }),
  /** The job state of each vacancy that has a job. */
  jobsForVacancies: z.object({ jobs: jobStates }),
} as const;
