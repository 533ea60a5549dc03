import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import { freshAttempt, type UserActionResult } from './user-actions';
import type { Job } from '../../core/db/schema';
import type { VacancySignals } from '../../core/hh/vacancy-facts';
import { canonicalVacancyUrl } from '../../core/hh/vacancy-url';

/**
 * hh's conditions on applying, acted on by the queue before any POST (issue 18). The facts are the worker's own
 * read of the vacancy (lib/core/hh/vacancy-facts.ts, stored on the job as `hhSignals` when the vacancy is checked);
 * where hh's vacancy page does not say, what the worker itself read from hh's search state for that vacancy
 * (`known`, lib/worker/triage/hh-signal-memory.ts) — never what a page claims when it queues.
 *
 *  - `letterRequired` and the job has no letter (letters off, or queued without one) → the job goes to review
 *    without a letter: the letter flow writes one (the user's provider, or the template when there is none) and
 *    it is sent after the user approves it, or at once in auto mode when it passes every check. Never sent empty.
 *  - `acceptAutoResponse: false` (the employer refuses automatic applications) and the user has not confirmed this
 *    job → needs_user (`no_auto_response`): the popup and side panel offer "Confirm and send"; nothing is sent
 *    before. Discovery never queues such a vacancy by itself and "queue all" leaves it out; this catches the
 *    rest (queued by hand from a card or a vacancy page, or hh's flag learnt only now).
 *
 * The letter comes first: a job held for both gets its letter written while it waits for the confirmation.
 */

export type HhSignals = NonNullable<Job['hhSignals']>;

/** hh's vacancy page first; where it is silent, what the worker read from hh's search state. */
export function mergeSignals(
  page: VacancySignals | undefined,
  known: Partial<VacancySignals> | undefined,
  at: number,
): HhSignals {
  return {
    acceptAutoResponse: page?.acceptAutoResponse ?? known?.acceptAutoResponse ?? null,
    letterRequired: page?.letterRequired ?? known?.letterRequired ?? null,
    testRequired: page?.testRequired ?? known?.testRequired ?? null,
    at,
  };
}

export type Hold = { kind: 'letter'; detail: string } | { kind: 'confirm'; detail: string };

export const NO_AUTO_RESPONSE = 'no_auto_response';

/** What keeps the job from being sent now (pure); null = nothing. */
export function holdBeforeSend(job: Pick<Job, 'hhSignals' | 'letter' | 'autoConfirmedAt'>): Hold | null {
  const s = job.hhSignals;
  if (!s) return null;
  if (s.letterRequired === true && !(job.letter ?? '').trim())
    return {
      kind: 'letter',
      detail: 'hh.ru says the employer requires a cover letter: writing one first; nothing sent',
    };
  if (s.acceptAutoResponse === false && job.autoConfirmedAt === undefined) {
    return {
      kind: 'confirm',
      detail:
        'hh.ru says the employer does not accept automatic applications: it is sent only after you confirm it; nothing sent',
    };
  }
  return null;
}

/**
 * Records a hold on a claimed job (one transaction; null when the job is no longer ours). The attempt's "maybe
 * sent" is taken back: no POST was made.
 */
export function commitHold(
  db: OtklikDb,
  jobId: number,
  hold: Hold,
  ctx: { now: number; owner: string },
): Promise<Job | null> {
  const { now } = ctx;
  return db.transaction('rw', db.jobs, db.events, async () => {
    const job = await db.jobs.get(jobId);
    if (!job || job.state !== 'processing' || job.leaseOwner !== ctx.owner || job.leaseUntil <= now) return null;
    const base: Job = { ...job, leaseOwner: null, leaseUntil: 0, updatedAt: now };
    if (!job.unconfirmed) delete base.maybeSentAt;
    const next: Job =
      hold.kind === 'letter'
        ? // No draft and no letter: lib/worker/letters/jobs.ts writes one (the template when no model is set).
          { ...base, state: 'review', letter: null, reason: null, lastError: null, link: null, nextAttemptAt: now }
        : {
            ...base,
            state: 'needs_user',
            reason: NO_AUTO_RESPONSE,
            lastError: hold.detail,
            link: canonicalVacancyUrl(job.vacancyId, job.vacancy.url),
            nextAttemptAt: now,
          };
    if (hold.kind === 'letter') delete next.letterDraft;
    await db.jobs.put(next);
    await logEvent(db, next, hold.kind === 'letter' ? 'deferred' : 'needs_user', hold.detail, now);
    return next;
  });
}

/**
 * The user confirms, in Otklik's own UI, a job whose employer refuses automatic applications: it goes back to
 * the queue and is sent (unless hh holds it for something else). null = not such a job (the caller retries it
 * the usual way).
 */
export function confirmSend(db: OtklikDb, jobId: number, now: number): Promise<UserActionResult | null> {
  return db.transaction('rw', db.jobs, db.events, async (): Promise<UserActionResult | null> => {
    const job = await db.jobs.get(jobId);
    if (!job || job.state !== 'needs_user' || job.reason !== NO_AUTO_RESPONSE) return null;
    await db.jobs.update(jobId, { state: 'pending', autoConfirmedAt: now, ...freshAttempt(now) });
    await logEvent(
      db,
      { id: jobId, state: 'pending' },
      'confirmed',
      'by you: send although the employer does not accept automatic applications',
      now,
    );
    return { ok: true, state: 'pending' };
  });
}
