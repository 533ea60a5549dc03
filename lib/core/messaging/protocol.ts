import * as z from 'zod/mini';
import { jobStateSchema } from '../db/schema';
import { profileSchema } from '../match/profile';
import { matchVacancySchema } from '../match/vacancy';
import { negotiationMessages } from '../negotiations/protocol';
import {
  enqueueItemSchema,
  enqueueResultSchema,
  listingMessages,
  listingQueueMessages,
  triageStatsSchema,
} from './listing-protocol';

export { enqueueResultSchema, listingMessages, triageStatsSchema, type TriageStats } from './listing-protocol';
export {
  envelopeSchema,
  replySchema,
  type Envelope,
  type MessageMap,
  type MessageType,
  type Reply,
  type Req,
  type Res,
} from './envelope';

const count = z.int().check(z.nonnegative());
const oneScoreSchema = z.object({
  mode: z.enum(['on', 'empty', 'off']),
  score: z.number(),
  verdict: z.enum(['show', 'dim', 'hide']),
  reasons: z.array(z.string()),
});

export const jobViewSchema = z.object({
  id: z.int(),
  vacancyId: z.string(),
  resumeHash: z.string(),
  title: z.string(),
  employer: z.nullable(z.string()),
  url: z.string(),
  score: z.optional(z.number()),
  state: jobStateSchema,
  reason: z.nullable(z.string()),
  /** Where the user can act (needs_user). */
  link: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  attempts: z.int(),
  nextAttemptAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  outcome: z.nullable(
    z.object({
      kind: z.string(),
      topicId: z.optional(z.string()),
      chatId: z.optional(z.string()),
      responseLabel: z.optional(z.string()),
      at: z.number(),
    }),
  ),
  /** One-line history ("queued → sent → retry → sent → applied"). */
  story: z.string(),
});
export type JobView = z.infer<typeof jobViewSchema>;
export const pauseSchema = z.object({
  reason: z.enum(['user', 'captcha', 'logged_out', 'daily_limit', 'xsrf', 'unknown_answer']),
  message: z.string(),
  since: z.number(),
  until: z.optional(z.number()),
});
export const queueStatusSchema = z.object({
  counts: z.record(jobStateSchema, count),
  pause: z.nullable(pauseSchema),
  cap: z.object({ used: z.int(), cap: z.int(), freesAt: z.nullable(z.number()) }),
  nextSendAt: z.nullable(z.number()),
  quietUntil: z.nullable(z.number()),
  interrupted: z.int(),
  possiblySent: z.int(),
  defaultResumeHash: z.nullable(z.string()),
});
export type QueueStatusView = z.infer<typeof queueStatusSchema>;
const userActionResultSchema = z.object({
  ok: z.boolean(),
  state: z.optional(jobStateSchema),
  error: z.optional(z.string()),
});

export const queueMessages = {
  /** Listing card / vacancy page → queue one vacancy. Enqueueing twice is a no-op that says so (`created:false`). */
  enqueue: {
    req: z.extend(enqueueItemSchema, { source: z.optional(z.enum(['listing', 'bulk', 'vacancy', 'other'])) }),
    res: enqueueResultSchema,
  },
  /** "Queue all shown above score X" and the card buttons' job states (./listing-protocol). */
  ...listingQueueMessages,
  /** Counts per state, pause, cap use, pacing, quiet hours. */
  queueStatus: { req: z.object({}), res: queueStatusSchema },
  /** Jobs, most recently changed first. */
  listJobs: {
    req: z.object({
      states: z.optional(z.array(jobStateSchema)),
      limit: z.optional(z.int().check(z.gte(1), z.lte(1000))),
    }),
    res: z.object({ jobs: z.array(jobViewSchema) }),
  },
  /** The event log of one job. */
  jobHistory: {
    req: z.object({ jobId: z.int() }),
    res: z.object({
      events: z.array(z.object({ at: z.number(), type: z.string(), state: jobStateSchema, detail: z.string() })),
    }),
  },
  pauseQueue: { req: z.object({}), res: z.object({ pause: pauseSchema }) },
  /** Clears any pause (after solving a captcha, logging in, or a user pause). */
  resumeQueue: { req: z.object({}), res: z.object({ resumed: z.boolean(), previous: z.nullable(pauseSchema) }) },
  retryJob: { req: z.object({ jobId: z.int() }), res: userActionResultSchema },
  removeJob: { req: z.object({ jobId: z.int() }), res: userActionResultSchema },
  /** The user's resumes, read from hh.ru with their session. */
  listResumes: {
    req: z.object({}),
    res: z.object({
      ok: z.boolean(),
      resumes: z.array(z.object({ hash: z.string(), title: z.string(), latest: z.optional(z.boolean()) })),
      error: z.optional(z.string()),
    }),
  },
} as const;

// ── Letters (issue 5) ─────────────────────────────────────────────────────────────────────────────────────
// "Write a letter now" streams over the 'otklik:letter' Port instead (lib/core/letters/port-protocol.ts).
const letterViewSchema = z.object({
  jobId: z.int(),
  state: jobStateSchema,
  title: z.string(),
  employer: z.nullable(z.string()),
  url: z.string(),
  /** null = no draft yet. */
  letter: z.nullable(z.string()),
  status: z.enum(['none', 'writing', 'ready', 'failed']),
  problems: z.array(z.string()),
  asks: z.array(z.string()),
  provider: z.nullable(z.string()),
  fallbackReason: z.nullable(z.string()),
  error: z.nullable(z.string()),
  /** Why the job waits (auto mode: letter_asks / letter_problems / letter_fallback). */
  reason: z.nullable(z.string()),
  noDescription: z.boolean(),
});
export type LetterView = z.infer<typeof letterViewSchema>;
const letterActionSchema = z.object({
  ok: z.boolean(),
  state: z.optional(jobStateSchema),
  error: z.optional(z.string()),
});
const localModelViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  tier: z.string(),
  id: z.string(),
  variant: z.enum(['q4f16', 'q4f32']),
  downloadMB: z.number(),
  vramMB: z.number(),
  cached: z.boolean(),
  fits: z.boolean(),
});
export const providerStatusSchema = z.object({
  provider: z.string(),
  /** Where the key of the chosen API provider is kept (null = none), and its last 4 characters. */
  key: z.object({
    openai: z.nullable(z.enum(['session', 'local'])),
    gigachat: z.nullable(z.enum(['session', 'local'])),
    openaiMask: z.string(),
    gigachatMask: z.string(),
  }),
  /** WebLLM: null when not asked (other providers) or the host could not start. */
  capability: z.nullable(
    z.object({
      webgpu: z.boolean(),
      f16: z.boolean(),
      maxBufferMB: z.nullable(z.number()),
      reason: z.optional(z.string()),
      adapter: z.optional(z.string()),
    }),
  ),
  capabilityError: z.nullable(z.string()),
  models: z.array(localModelViewSchema),
  download: z.nullable(
    z.object({
      modelId: z.string(),
      fraction: z.number(),
      text: z.string(),
      done: z.boolean(),
      error: z.nullable(z.string()),
    }),
  ),
});
export type ProviderStatus = z.infer<typeof providerStatusSchema>;

export const letterMessages = {
  /** The letter of a job (review UI). */
  getLetter: { req: z.object({ jobId: z.int() }), res: letterViewSchema },
  /** The user's edit; answers with the re-checked view. */
  updateLetter: {
    req: z.object({ jobId: z.int(), letter: z.string().check(z.maxLength(10_000)) }),
    res: letterViewSchema,
  },
  /** review → pending (sent by the drain), with the letter as shown (edited or not). */
  approveJob: {
    req: z.object({ jobId: z.int(), letter: z.optional(z.string().check(z.maxLength(10_000))) }),
    res: letterActionSchema,
  },
  /** Throw the draft away and write a new one. */
  regenerateLetter: { req: z.object({ jobId: z.int() }), res: letterActionSchema },
  /** A short real request to the chosen provider (call after the optional host permission was granted). */
  testProvider: {
    req: z.object({}),
    res: z.object({
      ok: z.boolean(),
      provider: z.string(),
      sample: z.optional(z.string()),
      error: z.optional(z.string()),
    }),
  },
  /** Keys, WebGPU capability, local models with sizes and cache state, download progress. */
  providerStatus: { req: z.object({ checkGpu: z.optional(z.boolean()) }), res: providerStatusSchema },
  /** Starts downloading the chosen local model (progress via providerStatus). */
  downloadModel: {
    req: z.object({ key: z.optional(z.string()) }),
    res: z.object({ started: z.boolean(), error: z.optional(z.string()) }),
  },
  /** Frees the disk space of a downloaded local model. */
  deleteModel: {
    req: z.object({ key: z.string() }),
    res: z.object({ ok: z.boolean(), error: z.optional(z.string()) }),
  },
  /** Saves (or, with '', removes) an API key in session or local storage; never synced, never in settings. */
  setApiKey: {
    req: z.object({
      provider: z.enum(['openai', 'gigachat']),
      key: z.string().check(z.maxLength(4000)),
      storage: z.enum(['session', 'local']),
    }),
    res: z.object({ ok: z.boolean(), mask: z.string() }),
  },
  /** "Remember keys" changed: moves the stored keys to session or local storage. */
  moveApiKeys: { req: z.object({ storage: z.enum(['session', 'local']) }), res: z.object({ ok: z.boolean() }) },
} as const;

// ── Discovery & notifications (issue 7) ───────────────────────────────────────────────────────────────────
const sourceRunSchema = z.object({
  key: z.string(),
  label: z.string(),
  pages: count,
  vacancies: count,
  fresh: count,
  stop: z.enum(['end', 'nothing_new', 'page_cap', 'blocked', 'error']),
  error: z.optional(z.string()),
});
export const roundSummarySchema = z.object({
  startedAt: z.number(),
  finishedAt: z.number(),
  sources: z.array(sourceRunSchema),
  pages: count,
  fullTextFetches: count,
  fresh: count,
  suggested: count,
  queued: count,
  outcome: z.enum(['done', 'captcha', 'logged_out', 'throttled', 'error', 'no_sources', 'no_profile']),
  error: z.optional(z.string()),
});
export type RoundSummaryView = z.infer<typeof roundSummarySchema>;
export const suggestionViewSchema = z.object({
  vacancyId: z.string(),
  title: z.string(),
  employer: z.nullable(z.string()),
  url: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  source: z.string(),
  fullText: z.boolean(),
  at: z.number(),
});
export type SuggestionView = z.infer<typeof suggestionViewSchema>;
export const discoveryStatusSchema = z.object({
  enabled: z.boolean(),
  mode: z.enum(['suggest', 'auto']),
  running: z.boolean(),
  lastRun: z.nullable(roundSummarySchema),
  pause: z.nullable(z.object({ reason: z.enum(['captcha', 'logged_out']), message: z.string(), since: z.number() })),
  backoffUntil: z.number(),
  nextRunAt: z.nullable(z.number()),
  suggestions: count,
  seen: count,
});
export type DiscoveryStatusView = z.infer<typeof discoveryStatusSchema>;
const vacancyIdSchema = z.string().check(z.regex(/^\d{1,12}$/, 'vacancy id must be digits'));

export const discoveryMessages = {
  discoveryStatus: { req: z.object({}), res: discoveryStatusSchema },
  /** Suggestions waiting in the popup, newest first. */
  listSuggestions: {
    req: z.object({ limit: z.optional(z.int().check(z.gte(1), z.lte(500))) }),
    res: z.object({ suggestions: z.array(suggestionViewSchema) }),
  },
  /** Queue (with the default resume) or dismiss one suggestion. */
  suggestionAction: {
    req: z.object({ vacancyId: vacancyIdSchema, action: z.enum(['queue', 'dismiss']) }),
    res: z.object({ ok: z.boolean(), error: z.optional(z.string()), state: z.optional(jobStateSchema) }),
  },
  /** Run a round now (popup "check now", tests); resolves when it ends. Refused while paused. */
  runDiscovery: {
    req: z.object({}),
    res: z.object({ ran: z.boolean(), why: z.optional(z.string()), summary: z.optional(roundSummarySchema) }),
  },
  /** After a captcha / login: discovery may run again. */
  resumeDiscovery: { req: z.object({}), res: z.object({ resumed: z.boolean() }) },
  /** "Look at everything again": forget what discovery has seen (suggestions too). */
  forgetDiscovered: { req: z.object({}), res: z.object({ forgotten: z.boolean() }) },
  /** Vacancy page "hide this employer": adds it to profile.employerBlacklist (listings re-score live). */
  hideEmployer: {
    req: z.object({
      /** The vacancy whose panel hid it: feedback labels it "not for me — employer" if the worker scored it. */
      vacancyId: z.optional(z.string().check(z.regex(/^\d{1,12}$/))),
      employer: z.object({
        id: z.optional(z.string().check(z.maxLength(40))),
        name: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      }),
    }),
    res: z.object({ added: z.boolean() }),
  },
  /** Options "send test message": sends one through the saved token and chat id. */
  telegramTest: {
    req: z.object({}),
    res: z.object({ ok: z.boolean(), error: z.optional(z.string()), bot: z.optional(z.string()) }),
  },
} as const;

// ── Options: profile from a resume (issue 6) ─────────────────────────────────────────────────────────────
export const resumeProfileSchema = z.object({
  hash: z.string(),
  title: z.string(),
  skills: z.array(z.string()),
  experience: z.nullable(z.enum(['noExperience', 'between1And3', 'between3And6', 'moreThan6'])),
  totalExperienceMonths: z.nullable(z.number()),
  salary: z.nullable(z.number()),
  city: z.nullable(z.string()),
  text: z.string(),
  professionalRoles: z.array(z.string()),
  driverLicences: z.array(z.string()),
  languages: z.array(z.object({ code: z.string(), level: z.string() })),
});
export const profileMessages = {
  /** Options "fill in from my hh.ru resume": reads /resume/<hash> with the user's session (lib/core/hh/resume-profile). */
  importResume: {
    req: z.object({ hash: z.string().check(z.regex(/^[0-9a-f]{20,64}$/i, 'not an hh resume hash')) }),
    res: z.object({
      ok: z.boolean(),
      profile: z.optional(resumeProfileSchema),
      textFound: z.optional(z.boolean()),
      error: z.optional(z.string()),
    }),
  },
} as const;

/**
 * The one message map. Each entry: what the sender passes and what the receiver answers, both validated with
 * zod on receipt. They are all handled by the service worker (the only runtime.onMessage router); nothing is
 * sent to content scripts: the popup asks the worker for a tab's triage (getTabTriage).
 */
export const toBackground = {
  ping: {
    req: z.object({}),
    res: z.object({ version: z.string(), context: z.literal('background') }),
  },
  /** Popup → background: the triage stats of a tab. */
  getTabTriage: {
    req: z.object({ tabId: z.int() }),
    res: z.nullable(triageStatsSchema),
  },
  ...listingMessages,
  /** Options "What Otklik learned": the labels counted and the strongest learned adjustments. */
  feedbackSummary: {
    req: z.object({}),
    res: z.object({
      relevant: z.int(),
      notForMe: z.int(),
      /** Labels per signal (badge, queued, applied, employer_hidden). */
      bySource: z.record(z.string(), z.int()),
      adjustments: z.array(
        z.object({ kind: z.enum(['title', 'employer', 'role']), value: z.string(), weight: z.number() }),
      ),
    }),
  },
  /** Options: forget every label and learned adjustment. */
  resetFeedback: { req: z.object({}), res: z.object({ reset: z.boolean() }) },
  /**
   * Vacancy panel: hh's warnings about an employer and its refusal of automatic applications, as the worker read
   * them from hh's search states (the vacancy page's own state carries neither). null = not known.
   */
  knownSignals: {
    req: z.object({
      vacancyId: z.string().check(z.regex(/^\d{1,12}$/)),
      employerId: z.optional(z.string().check(z.regex(/^\d{1,12}$/))),
    }),
    res: z.object({
      employer: z.nullable(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10))),
      acceptAutoResponse: z.nullable(z.boolean()),
    }),
  },
  /** The vacancy page's chip: the page's vacancy scored by the worker (role model, feedback), as on the listing. */
  scoreVacancy: {
    req: z.object({ vacancy: matchVacancySchema, lang: z.enum(['ru', 'en']) }),
    res: oneScoreSchema,
  },
  /** Options "what to hide" preview: sample vacancies scored with the profile and cut-offs being edited. */
  scorePreview: {
    req: z.object({
      profile: profileSchema,
      hideBelow: z.number().check(z.gte(0), z.lte(1)),
      dimBelow: z.number().check(z.gte(0), z.lte(1)),
      vacancies: z.array(matchVacancySchema).check(z.maxLength(500)),
      lang: z.enum(['ru', 'en']),
    }),
    res: z.object({ results: z.array(oneScoreSchema) }),
  },
  ...queueMessages,
  ...letterMessages,
  ...discoveryMessages,
  ...profileMessages,
  // ── Negotiations (issue 8): responses funnel, employer replies
  ...negotiationMessages,
} as const;
