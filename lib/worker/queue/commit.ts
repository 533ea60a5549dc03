import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import type { Job, JobEventType, JobOutcome, PauseState } from '../../core/db/schema';
import { describeOutcome, type ApplyOutcome } from '../../core/hh/apply-outcome';
import { canonicalVacancyUrl, externalApplyUrl } from '../../core/hh/vacancy-url';
import { usedInWindow } from './claim';
import { WINDOW_MS, type QueueConfig } from './config';
import { backoffDelay, pacingDelay } from './guards';
import { PAUSE_MESSAGES, pauseRank, readPause } from './pause';

export interface CommitContext {
  now: number;
  owner: string;
  random: () => number;
  config: QueueConfig;
}

export type CommitResult =
  | { kind: 'committed'; job: Job; pause: PauseState | null; needsUser: boolean }
  /** The lease was lost (expired and re-claimed); only an "applied" truth was still recorded. */
  | { kind: 'stale'; job: Job | null };

/**
 * What the attempt did with the employer's questionnaire (issue 8), when it read it: recorded with the outcome.
 * `sent` = the answered POST was started (its answers may have reached hh, whatever the outcome says).
 */
export interface QuestionnaireNote {
  total: number;
  /** Questions left to the user (not in the bank, ambiguous, choice). */
  unknown: number;
  /** needs_user: why the user has to answer (the event's detail says it). */
  problem?: string;
  /** The answered POST: when it started and what it carried (question → answer). */
  sent?: { at: number; answers: ReadonlyArray<{ question: string; answer: string }>; description: string };
}

type Change = {
  patch: Partial<Job>;
  event: JobEventType;
  detail: string;
  pause?: PauseState;
  send?: { at: number; confirmed: boolean };
};

/** Job reason of an answer that was not understood (needs_user until hh's responses page settles it). */
export const OUTCOME_UNKNOWN = 'outcome_unknown';

/** `maybeSentAt` cleared: hh gave a definitive answer. */
const CLEARED = { maybeSentAt: undefined, leaseOwner: null, leaseUntil: 0 } as const;

/**
 * hh refused this request before applying (captcha, login, its daily limit): nothing was sent THIS time. An earlier
 * attempt whose answer was lost (`unconfirmed`) may still have landed: it stays possibly sent — counted against
 * the cap and retried first — until hh answers for it ("already applied" or a new application).
 */
const notSentNow = (job: Job): Partial<Job> => (job.unconfirmed ? { leaseOwner: null, leaseUntil: 0 } : CLEARED);

/** What an hh answer does to a job (pure). */
export function transition(
  job: Job,
  outcome: ApplyOutcome,
  ctx: Pick<CommitContext, 'now' | 'random' | 'config'>,
  oldestSend: number | null,
): Change {
  const { now, config } = ctx;
  const detail = describeOutcome(outcome);
  const done = (kind: JobOutcome['kind'], extra: Partial<JobOutcome> = {}): JobOutcome => ({ kind, at: now, ...extra });
  switch (outcome.kind) {
    case 'applied': {
      const o = done('applied');
      if (outcome.topicId) o.topicId = outcome.topicId;
      if (outcome.chatId) o.chatId = outcome.chatId;
      if (outcome.responseLabel) o.responseLabel = outcome.responseLabel;
      return {
        patch: { ...CLEARED, state: 'applied', outcome: o, reason: null, lastError: null },
        event: 'applied',
        detail,
        send: { at: now, confirmed: true },
      };
    }
    case 'already_applied': {
      const o = done('already_applied');
      if (outcome.topicId) o.topicId = outcome.topicId;
      if (outcome.chatId) o.chatId = outcome.chatId;
      // If an earlier attempt of ours lost its answer, this is almost surely that application: count it
      // (at the latest time it may have been sent — the conservative end for a rolling window).
      const send = job.unconfirmed ? { at: job.maybeSentAt ?? now, confirmed: false } : undefined;
      const why = job.unconfirmed
        ? ' — the earlier attempt had landed; counted as our application'
        : ' — applied before (by hand or elsewhere)';
      const change: Change = {
        patch: { ...CLEARED, state: 'applied', outcome: o, reason: 'already_applied', lastError: null },
        event: 'already_applied',
        detail: detail + why,
      };
      if (send) change.send = send;
      return change;
    }
    case 'test_required':
      return {
        patch: {
          ...CLEARED,
          state: 'needs_user',
          reason: 'test_required',
          link: outcome.link,
          outcome: done('test_required'),
        },
        event: 'needs_user',
        detail,
      };
    case 'letter_required':
      return {
        patch: {
          ...CLEARED,
          state: 'needs_user',
          reason: 'letter_required',
          link: canonicalVacancyUrl(job.vacancyId, job.vacancy.url),
          outcome: done('letter_required'),
        },
        event: 'needs_user',
        detail,
      };
    case 'external':
      return {
        patch: {
          ...CLEARED,
          state: 'needs_user',
          reason: 'external',
          link: externalApplyUrl(outcome.url) ?? canonicalVacancyUrl(job.vacancyId, job.vacancy.url),
          outcome: done('external'),
        },
        event: 'needs_user',
        detail,
      };
    case 'vacancy_gone':
      return {
        patch: { ...CLEARED, state: 'skipped', reason: 'vacancy_gone', outcome: done('vacancy_gone') },
        event: 'skipped',
        detail,
      };
    case 'rejected':
      return {
        patch: { ...CLEARED, state: 'failed', reason: outcome.code, lastError: detail, outcome: done('rejected') },
        event: 'failed',
        detail,
      };
    case 'daily_limit': {
      // Not sent (hh refused before counting). Back to the queue, due as before; the whole queue waits until
      // the oldest application we know of leaves the 24 h window (at least 30 min: hh may count applications
      // we never saw, made by hand).
      const until = Math.max(now + 30 * 60_000, oldestSend === null ? 0 : oldestSend + WINDOW_MS + 1);
      return {
        patch: { ...notSentNow(job), state: 'pending', lastError: detail },
        event: 'deferred',
        detail: `${detail}; queue paused until ${new Date(until).toISOString()}`,
        pause: { reason: 'daily_limit', message: PAUSE_MESSAGES.daily_limit, since: now, until },
      };
    }
    case 'captcha_or_login': {
      const reason = outcome.which === 'captcha' ? 'captcha' : 'logged_out';
      // The request never reached the apply handler: definitively not sent. The job waits at the head.
      return {
        patch: { ...notSentNow(job), state: 'pending', lastError: detail },
        event: 'deferred',
        detail: `${detail}; queue paused`,
        pause: { reason, message: PAUSE_MESSAGES[reason], since: now },
      };
    }
    case 'xsrf':
      return {
        patch: { ...CLEARED, state: 'failed', reason: 'xsrf', lastError: detail, outcome: done('rejected') },
        event: 'failed',
        detail: `${detail}; queue paused`,
        pause: { reason: 'xsrf', message: PAUSE_MESSAGES.xsrf, since: now },
      };
    case 'server_error':
    case 'network': {
      // The answer is lost or useless: the application MAY exist. maybeSentAt stays (counts against the cap)
      // and `unconfirmed` makes a later "already applied" count as ours. The retry is the same POST: hh
      // itself deduplicates ("already applied"), so a retry can never double-apply.
      const n = job.transientFailures + 1;
      if (n >= config.retry.maxTransientFailures) {
        return {
          patch: {
            state: 'failed',
            leaseOwner: null,
            leaseUntil: 0,
            transientFailures: n,
            unconfirmed: true,
            reason: outcome.kind,
            lastError: detail,
            outcome: done('exhausted'),
          },
          event: 'failed',
          detail: `${detail}; gave up after ${n} transient failures`,
        };
      }
      const delay = backoffDelay(
        n,
        config,
        ctx.random,
        outcome.kind === 'server_error' ? outcome.retryAfterMs : undefined,
      );
      return {
        patch: {
          state: 'pending',
          leaseOwner: null,
          leaseUntil: 0,
          transientFailures: n,
          unconfirmed: true,
          nextAttemptAt: now + delay,
          lastError: detail,
        },
        event: 'retry_scheduled',
        detail: `${detail}; retry ${n}/${config.retry.maxTransientFailures - 1} in ${Math.round(delay / 100) / 10} s`,
      };
    }
    case 'unknown':
      // hh answered, but not in any shape it sends: the application may exist. It stays counted (maybeSentAt)
      // and is never re-sent by the queue: the worker looks for it on hh's responses page (lib/worker/queue/unknown.ts),
      // and the whole queue waits for a person — hh may have changed its answers.
      return {
        patch: {
          state: 'needs_user',
          leaseOwner: null,
          leaseUntil: 0,
          unconfirmed: true,
          reason: OUTCOME_UNKNOWN,
          lastError: detail,
          link: null,
        },
        event: 'needs_user',
        detail: `${detail}; counted against the cap, queue paused, checking hh.ru's responses page`,
        pause: { reason: 'unknown_answer', message: PAUSE_MESSAGES.unknown_answer, since: now },
      };
  }
}

/** The questionnaire's part of the event line (needs_user: which questions; hh asking again after our answers). */
function withQuestionnaire(change: Change, outcome: ApplyOutcome, note: QuestionnaireNote): void {
  if (outcome.kind !== 'test_required') return;
  if (note.sent)
    change.detail = `hh asked for the questionnaire again after our answers — answer it on hh (${note.sent.answers.length} answers were sent)`;
  else if (note.problem) change.detail = `${change.detail}: ${note.problem}`;
}

/**
 * Extends the lease of a job we hold (between the phases of one attempt: questionnaire page, answered POST).
 * IndexedDB only inside. null = the job is no longer ours or the lease already ran out: the caller stops
 * and commits what it has (a recovery may be under way; never a second POST on a lost lease).
 */
export function renewLease(
  db: OtklikDb,
  jobId: number,
  ctx: Pick<CommitContext, 'now' | 'owner' | 'config'>,
): Promise<Job | null> {
  const { now } = ctx;
  return db.transaction('rw', [db.jobs], async () => {
    const job = await db.jobs.get(jobId);
    if (!job || job.state !== 'processing' || job.leaseOwner !== ctx.owner || job.leaseUntil <= now) return null;
    const next: Job = { ...job, leaseUntil: Math.max(job.leaseUntil, now + ctx.config.leaseMs), updatedAt: now };
    await db.jobs.put(next);
    return next;
  });
}

/**
 * Records the outcome of the work in a second read-write transaction (IndexedDB only inside). The job
 * must still be ours (processing, our lease owner); otherwise the commit is stale and only an "applied"
 * truth is kept — hh's answer is never thrown away when it says an application exists.
 */
export function commitOutcome(
  db: OtklikDb,
  jobId: number,
  outcome: ApplyOutcome,
  ctx: CommitContext,
  note?: QuestionnaireNote,
  opts: { preflight?: boolean } = {},
): Promise<CommitResult> {
  const { now } = ctx;
  return db.transaction('rw', [db.jobs, db.events, db.sends, db.meta], async (): Promise<CommitResult> => {
    const job = await db.jobs.get(jobId);
    const mine = job?.state === 'processing' && job.leaseOwner === ctx.owner;
    if (!job || !mine) {
      if (job && note?.sent) await logEvent(db, job, 'questionnaire', note.sent.description, now);
      if (job)
        await logEvent(
          db,
          job,
          'stale_commit',
          `answer arrived after the lease was lost (${job.state}, owner ${job.leaseOwner ?? '-'}): ${describeOutcome(outcome)}`,
          now,
        );
      const isApplied = outcome.kind === 'applied' || outcome.kind === 'already_applied';
      if (!job || !isApplied || job.state === 'applied') return { kind: 'stale', job: job ?? null };
      // Fall through with a synthetic view of the job as ours: hh says the application exists.
    }
    const { oldest } = await usedInWindow(db, now, job.id);
    const change = transition(job, outcome, ctx, oldest);
    if (note) withQuestionnaire(change, outcome, note);
    if (opts.preflight) {
      // The answer of the vacancy-page check before the POST (lib/worker/queue/verify.ts): nothing was sent this attempt.
      change.detail = `checking the vacancy on hh.ru: ${change.detail}`;
      delete change.send;
      change.patch.unconfirmed = job.unconfirmed;
      if (!job.unconfirmed) change.patch.maybeSentAt = undefined;
    }
    const next: Job = { ...job, ...change.patch, updatedAt: now };
    if (note)
      next.questionnaire = { total: note.total, unknown: note.unknown, answered: note.sent?.answers.length ?? 0 };
    // The answered POST is this attempt's send: a possible application dates from it (the conservative end).
    if (note?.sent && next.maybeSentAt !== undefined) next.maybeSentAt = Math.max(next.maybeSentAt, note.sent.at);
    if (next.maybeSentAt === undefined) delete next.maybeSentAt;
    await db.jobs.put(next);
    if (note?.sent) {
      // What the employer received (or may have), before the outcome (a stale commit logged it above) — and the
      // answered POST is paced like any send: the next POST waits a full gap after it, not only after the claim.
      if (mine) await logEvent(db, next, 'questionnaire', note.sent.description, now);
      const pacing = await db.meta.get('pacing');
      const nextAt = Math.max(
        pacing?.key === 'pacing' ? pacing.value.nextAt : 0,
        now + pacingDelay(ctx.config, ctx.random),
      );
      await db.meta.put({ key: 'pacing', value: { nextAt, at: now } });
    }
    await logEvent(db, next, change.event, change.detail, now);
    if (change.send)
      await db.sends.add({
        at: change.send.at,
        jobId: job.id,
        vacancyId: job.vacancyId,
        confirmed: change.send.confirmed,
      });
    let pause: PauseState | null = null;
    if (change.pause) {
      const cur = await readPause(db);
      if (!cur || pauseRank(cur.reason) <= pauseRank(change.pause.reason)) {
        await db.meta.put({ key: 'pause', value: change.pause });
        pause = change.pause;
      } else pause = cur;
    }
    // An unclear answer is told as the pause (its notice), not as a "needs you" for this vacancy.
    return {
      kind: 'committed',
      job: next,
      pause,
      needsUser: next.state === 'needs_user' && next.reason !== OUTCOME_UNKNOWN,
    };
  });
}
