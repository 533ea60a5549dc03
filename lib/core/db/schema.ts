import * as z from 'zod/mini';
import type { JobState } from './job-state';

/**
 * Records of the apply queue (IndexedDB, extension origin only — content scripts reach it through messages).
 *
 * Job states:
 *
 *   pending ──claim──▶ processing ──commit──▶ applied | needs_user | skipped | failed
 *      ▲                   │  │
 *      │                   │  └─ lease expired (worker died) ──claim (recovery: re-POST, "already applied" = success)
 *      └── retry/deferred ─┘
 *
 *   review     (reserved for cover-letter review, issue 5: never claimed by the drain)
 *   cancelled  (the user removed the job; kept so the event log still explains it)
 *
 * "Waiting" = pending (due now, or later at `nextAttemptAt` after a transient failure) or processing with an
 * expired lease (will be recovered). Terminal = applied, skipped, failed, cancelled; needs_user waits for a
 * person (test/letter/external site) and may be retried by them.
 */
export { JOB_STATES, jobStateSchema, type JobState } from './job-state';

/** What the queue keeps of a vacancy: enough to show the job, check the blacklist and link to hh. */
export const vacancySnapshotSchema = z.object({
  id: z.string().check(z.regex(/^\d{1,12}$/, 'vacancy id must be digits')),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  employer: z.nullable(
    z.object({ id: z.optional(z.string().check(z.maxLength(40))), name: z.string().check(z.maxLength(300)) }),
  ),
  url: z.url().check(z.maxLength(2000)),
  /** Relevance score 0..1 when the enqueuer knew it. */
  score: z.optional(z.number().check(z.gte(0), z.lte(1))),
});
export type VacancySnapshot = z.infer<typeof vacancySnapshotSchema>;

/** What hh answered for a finished job (ids are strings as hh sends them). */
export interface JobOutcome {
  /** mismatch: hh's vacancy page disagreed with what the page that queued it claimed (id or employer). */
  kind:
    | 'applied'
    | 'already_applied'
    | 'test_required'
    | 'letter_required'
    | 'vacancy_gone'
    | 'external'
    | 'rejected'
    | 'blacklisted'
    | 'exhausted'
    | 'mismatch';
  topicId?: string;
  chatId?: string;
  responseLabel?: string;
  at: number;
}

/** Where a job's cover letter stands (issue 5). The letter itself is `Job.letter`. */
export interface LetterDraft {
  status: 'writing' | 'ready' | 'failed';
  /** When the status was set (a 'writing' draft older than the writer's lease was abandoned by a killed worker). */
  at: number;
  /** Validation problems left after the one regeneration (or after the user's edit). */
  problems: string[];
  /** What the vacancy asks applicants to write (code word, question, bot traps): for the user. */
  asks: string[];
  /** Who wrote it: openai | gigachat | webllm | template | user. */
  provider: string | null;
  /** The chosen provider failed and the template stood in: its error, saying what to do. */
  fallbackReason: string | null;
  /** status 'failed': why. */
  error: string | null;
  lang: 'ru' | 'en';
  /** The description could not be fetched: the letter was written from the title and profile only. */
  noDescription?: boolean;
}

export interface Job {
  id: number;
  vacancyId: string;
  resumeHash: string;
  vacancy: VacancySnapshot;
  /** Cover letter to send ('' = none). null = not decided yet (letters arrive with issue 5). */
  letter: string | null;
  state: JobState;
  /** POSTs started for this job (each claim is one). */
  attempts: number;
  /** Consecutive transient failures (5xx/network/timeouts); bounded, drives the backoff. */
  transientFailures: number;
  leaseOwner: string | null;
  /** ms epoch; 0 when not leased (IndexedDB does not index null). */
  leaseUntil: number;
  /** Not before this time (ms epoch); createdAt for a fresh job. */
  nextAttemptAt: number;
  lastError: string | null;
  /** Short machine code why the job is in needs_user / skipped / failed (e.g. "test_required", "blacklisted"). */
  reason: string | null;
  /** Where the user can act (needs_user): the vacancy, the questionnaire, or the employer's own site. */
  link: string | null;
  outcome: JobOutcome | null;
  /**
   * Set when a POST for this job starts; cleared when hh gives a definitive answer. While set, an application
   * MAY exist at hh (request sent, answer lost: crash, timeout, 5xx) — it counts against the daily cap.
   * Indexed; absent = nothing uncertain.
   */
  maybeSentAt?: number;
  /** true once an attempt's result was lost: a later "already applied" then is most likely our own. */
  unconfirmed: boolean;
  source: 'listing' | 'bulk' | 'vacancy' | 'other';
  /**
   * The employer questionnaire as the queue last read it (issue 8): how many questions, how many the bank could
   * not answer, how many answers were sent. Absent = never read. Not indexed.
   */
  questionnaire?: { total: number; unknown: number; answered: number };
  /**
   * When the worker read the vacancy's employer from hh itself (lib/worker/queue/verify.ts) and stored it in `vacancy`;
   * absent = the employer is still what the page that queued the job claimed. Not indexed.
   */
  employerCheckedAt?: number;
  /**
   * What hh said about applying to this vacancy when the worker read it (lib/worker/queue/hh-conditions.ts): the
   * employer refuses automatic applications, a letter is required, a questionnaire. Absent = not read yet.
   */
  hhSignals?: {
    acceptAutoResponse: boolean | null;
    letterRequired: boolean | null;
    testRequired: boolean | null;
    at: number;
  };
  /** The user confirmed sending although the employer refuses automatic applications (in Otklik's own UI). */
  autoConfirmedAt?: number;
  /** Cover-letter draft bookkeeping (issue 5, lib/worker/letters/jobs.ts); absent = no draft asked for. Not indexed. */
  letterDraft?: LetterDraft;
  createdAt: number;
  updatedAt: number;
}

export const EVENT_TYPES = [
  'enqueued',
  'claimed',
  'recovered',
  'applied',
  'already_applied',
  'needs_user',
  'skipped',
  'retry_scheduled',
  'deferred',
  'failed',
  'retried',
  'cancelled',
  'stale_commit',
  // Cover letters (issue 5): a draft was written / failed; the user (or auto mode) approved the letter.
  'letter',
  'approved',
  // Employer questionnaire answered from the Q&A bank (issue 8): the questions and the answers sent.
  'questionnaire',
  // The user confirmed a job hh's employer refuses automatic applications for (issue 18).
  'confirmed',
] as const;
export type JobEventType = (typeof EVENT_TYPES)[number];

/** Append-only history of one job. `detail` is a short human-readable line (never secrets, never the letter). */
export interface JobEvent {
  id?: number;
  jobId: number;
  at: number;
  type: JobEventType;
  /** State after the event. */
  state: JobState;
  detail: string;
}

/** One successful application we sent (or most likely sent): the rolling 24 h window is counted from these. */
export interface SendRecord {
  id?: number;
  at: number;
  jobId: number;
  vacancyId: string;
  /** true = hh confirmed our POST; false = inferred (a lost answer, then "already applied"). */
  confirmed: boolean;
}

/** unknown_answer: hh answered an application in a shape it never sends; a person looks before more go out. */
export type PauseReason = 'user' | 'captcha' | 'logged_out' | 'daily_limit' | 'xsrf' | 'unknown_answer';

export interface PauseState {
  reason: PauseReason;
  /** Human-readable line for the popup and the notification. */
  message: string;
  since: number;
  /** Auto-resume at this time (daily limit); absent = until the user resumes. */
  until?: number;
}

/** Small key-value rows the drain reads inside its claim transaction. */
/**
 * pacing: not before `nextAt`; `at` = when it was written (the clock-jump rebase shifts only what the old clock
 * wrote). clock: the drain's last reading of the wall and monotonic clocks (lib/worker/queue/clock.ts).
 */
export type MetaRow =
  | { key: 'pause'; value: PauseState | null }
  | { key: 'pacing'; value: { nextAt: number; at?: number } }
  | { key: 'clock'; value: { wall: number; mono: number; life: string } };
export type MetaKey = MetaRow['key'];
