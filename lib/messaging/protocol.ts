import { z } from 'zod';
import { jobStateSchema, vacancySnapshotSchema } from '../db/schema';

/**
 * The one message map. Each entry: what the sender passes and what the receiver answers, both validated with
 * zod on receipt. `toBackground` messages are handled by the service worker (the only runtime.onMessage
 * router); `toContent` ones by the content script of one tab (tabs.sendMessage).
 */
export const triageStatsSchema = z.object({
  url: z.string().url(),
  total: z.number().int().nonnegative(),
  shown: z.number().int().nonnegative(),
  dimmed: z.number().int().nonnegative(),
  hidden: z.number().int().nonnegative(),
  /** Cards whose markup was not recognised (never scored). */
  unrecognised: z.number().int().nonnegative(),
  /** Script time of the first triage pass over the cards present at DOM ready (benchmark figure). */
  firstPassMs: z.number().nonnegative().optional(),
});
export type TriageStats = z.infer<typeof triageStatsSchema>;

// ── Apply queue (issue 4) ────────────────────────────────────────────────────────────────────────────────
const resumeHashSchema = z.string().regex(/^[0-9a-f]{20,64}$/i, 'not an hh resume hash');
const enqueueItemSchema = z.object({
  vacancy: vacancySnapshotSchema,
  /** Absent = the default resume of the settings. */
  resumeHash: resumeHashSchema.optional(),
  /** '' = no letter; absent = decided later (cover letters, issue 5). */
  letter: z.string().max(10_000).optional(),
});
export const enqueueResultSchema = z.object({
  jobId: z.number().int(),
  created: z.boolean(),
  state: jobStateSchema,
  /** Why nothing was created / what happened instead: already_queued, vacancy_queued_with_other_resume, blacklisted, revived. */
  reason: z.string().optional(),
  detail: z.string().optional(),
});
export const jobViewSchema = z.object({
  id: z.number().int(),
  vacancyId: z.string(),
  resumeHash: z.string(),
  title: z.string(),
  employer: z.string().nullable(),
  url: z.string(),
  score: z.number().optional(),
  state: jobStateSchema,
  reason: z.string().nullable(),
  /** Where the user can act (needs_user). */
  link: z.string().nullable(),
  lastError: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  outcome: z.object({ kind: z.string(), topicId: z.string().optional(), chatId: z.string().optional(), responseLabel: z.string().optional(), at: z.number() }).nullable(),
  /** One-line history ("queued → sent → retry → sent → applied"). */
  story: z.string(),
});
export type JobView = z.infer<typeof jobViewSchema>;
export const pauseSchema = z.object({
  reason: z.enum(['user', 'captcha', 'logged_out', 'daily_limit', 'xsrf']),
  message: z.string(),
  since: z.number(),
  until: z.number().optional(),
});
export const queueStatusSchema = z.object({
  counts: z.record(jobStateSchema, z.number().int().nonnegative()),
  pause: pauseSchema.nullable(),
  cap: z.object({ used: z.number().int(), cap: z.number().int(), freesAt: z.number().nullable() }),
  nextSendAt: z.number().nullable(),
  quietUntil: z.number().nullable(),
  interrupted: z.number().int(),
  defaultResumeHash: z.string().nullable(),
});
export type QueueStatusView = z.infer<typeof queueStatusSchema>;
const userActionResultSchema = z.object({ ok: z.boolean(), state: jobStateSchema.optional(), error: z.string().optional() });

export const queueMessages = {
  /** Listing card / vacancy page → queue one vacancy. Enqueueing twice is a no-op that says so (`created:false`). */
  enqueue: { req: enqueueItemSchema.extend({ source: z.enum(['listing', 'bulk', 'vacancy', 'other']).optional() }), res: enqueueResultSchema },
  /** "Queue all shown above score X": one result per item, in order. */
  enqueueMany: {
    req: z.object({ items: z.array(enqueueItemSchema).min(1).max(500) }),
    res: z.object({ results: z.array(enqueueResultSchema), created: z.number().int() }),
  },
  /** Counts per state, pause, cap use, pacing, quiet hours. */
  queueStatus: { req: z.object({}), res: queueStatusSchema },
  /** Jobs, most recently changed first. */
  listJobs: {
    req: z.object({ states: z.array(jobStateSchema).optional(), limit: z.number().int().min(1).max(1000).optional() }),
    res: z.object({ jobs: z.array(jobViewSchema) }),
  },
  /** What the queue knows of some vacancies (card buttons: queued / applied / needs you). */
  jobsForVacancies: {
    req: z.object({ vacancyIds: z.array(z.string().regex(/^\d{1,12}$/)).max(500) }),
    res: z.object({ jobs: z.record(z.string(), z.object({ jobId: z.number().int(), state: jobStateSchema, resumeHash: z.string() })) }),
  },
  /** The event log of one job. */
  jobHistory: {
    req: z.object({ jobId: z.number().int() }),
    res: z.object({ events: z.array(z.object({ at: z.number(), type: z.string(), state: jobStateSchema, detail: z.string() })) }),
  },
  pauseQueue: { req: z.object({}), res: z.object({ pause: pauseSchema }) },
  /** Clears any pause (after solving a captcha, logging in, or a user pause). */
  resumeQueue: { req: z.object({}), res: z.object({ resumed: z.boolean(), previous: pauseSchema.nullable() }) },
  retryJob: { req: z.object({ jobId: z.number().int() }), res: userActionResultSchema },
  removeJob: { req: z.object({ jobId: z.number().int() }), res: userActionResultSchema },
  /** The user's resumes, read from hh.ru with their session. */
  listResumes: {
    req: z.object({}),
    res: z.object({
      ok: z.boolean(),
      resumes: z.array(z.object({ hash: z.string(), title: z.string(), latest: z.boolean().optional() })),
      error: z.string().optional(),
    }),
  },
} as const;

export const toBackground = {
  ping: {
    req: z.object({}),
    res: z.object({ version: z.string(), context: z.literal('background') }),
  },
  /** Content script → background: what triage did on the sender's tab (drives the toolbar badge). */
  reportTriage: {
    req: triageStatsSchema,
    res: z.object({ recorded: z.boolean() }),
  },
  /** Content script → background: open the options page (content scripts cannot do it themselves). */
  openOptions: {
    req: z.object({}),
    res: z.object({ opened: z.boolean() }),
  },
  /** Popup → background: the triage stats of a tab. */
  getTabTriage: {
    req: z.object({ tabId: z.number().int() }),
    res: triageStatsSchema.nullable(),
  },
  ...queueMessages,
} as const;

export const toContent = {
  /** Popup/background → a tab: what the content script currently shows. */
  getTriage: {
    req: z.object({}),
    res: triageStatsSchema.nullable(),
  },
} as const;

export type MessageMap = Record<string, { req: z.ZodType; res: z.ZodType }>;
export type MessageType<M extends MessageMap> = keyof M & string;
export type Req<M extends MessageMap, K extends keyof M> = z.input<M[K]['req']>;
export type Res<M extends MessageMap, K extends keyof M> = z.output<M[K]['res']>;

/** What travels: a tagged envelope, so foreign messages are told apart from ours. */
export const envelopeSchema = z.object({
  otklik: z.literal(1),
  type: z.string().min(1),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof replySchema>;
