import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import type { Job, JobEvent, JobState } from '../../core/db/schema';
import { RETRYABLE } from './states';

/** The user's own actions on a job: retry it, remove it. Each change appends its event in the same transaction. */

export type UserActionResult = { ok: true; state: JobState } | { ok: false; error: string };

/** A job the user sends back (to the queue or to review): a fresh attempt from now, its last problem forgotten. */
export const freshAttempt = (now: number) =>
  ({
    transientFailures: 0,
    nextAttemptAt: now,
    reason: null,
    lastError: null,
    link: null,
    outcome: null,
    updatedAt: now,
  }) satisfies Partial<Job>;

/**
 * Whether the job's letter still waits for the user's (or auto mode's) approval: a draft was written (letters on)
 * and no `approved` event follows the last letter event. Such a job is never sent by a retry: it goes (back) to
 * review. A job queued with its letter decided (letters off, or the letter given at enqueue) has no draft.
 */
function letterUnapproved(job: Job, events: readonly JobEvent[]): boolean {
  if (job.letterDraft === undefined) return false;
  for (let i = events.length - 1; i >= 0; i--) {
    const t = events[i]!.type;
    if (t === 'approved') return false;
    if (t === 'letter') return true;
  }
  // A draft without any letter event (being written, or a user's edit only): not approved either.
  return true;
}

/**
 * The user asks to try again (after solving a test on hh, fixing the session, unblocking an employer…). A job
 * waiting for review, or whose letter was never approved (failed its checks, removed from review), goes back to
 * review instead of the send queue: "Retry" never sends a letter nobody approved. A failed draft is dropped so
 * the writer makes a new one.
 */
export async function retryJob(db: OtklikDb, jobId: number, now: number): Promise<UserActionResult> {
  return db.transaction('rw', db.jobs, db.events, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) return { ok: false, error: `no job ${jobId}` };
    if (!RETRYABLE.has(job.state)) return { ok: false, error: `job ${jobId} is ${job.state}: nothing to retry` };
    const from = job.state;
    const events = await db.events.where('jobId').equals(jobId).sortBy('id');
    if (from === 'review' || letterUnapproved(job, events)) {
      const changes: Partial<Job> = { state: 'review', ...freshAttempt(now) };
      if (job.letterDraft?.status === 'failed' || (job.letter === null && job.letterDraft?.status !== 'writing'))
        changes.letterDraft = undefined;
      await db.jobs.update(jobId, changes);
      await logEvent(
        db,
        { id: jobId, state: 'review' },
        'retried',
        `by the user (was ${from}): the letter waits for your review, nothing is sent before it`,
        now,
      );
      return { ok: true, state: 'review' as const };
    }
    await db.jobs.update(jobId, { state: 'pending', ...freshAttempt(now) });
    await logEvent(db, { id: jobId, state: 'pending' }, 'retried', `by the user (was ${from})`, now);
    return { ok: true, state: 'pending' as const };
  });
}

/**
 * The user removes a job: it becomes `cancelled` (kept, so its history and the dedup key survive). A job in
 * flight cannot be removed (its POST may be landing right now); an applied one is the record that it was sent.
 */
export async function removeJob(db: OtklikDb, jobId: number, now: number): Promise<UserActionResult> {
  return db.transaction('rw', db.jobs, db.events, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) return { ok: false, error: `no job ${jobId}` };
    if (job.state === 'processing')
      return { ok: false, error: 'the application is being sent right now; try again in a minute' };
    if (job.state === 'applied') return { ok: false, error: 'already applied: the record stays' };
    if (job.state === 'cancelled') return { ok: true, state: 'cancelled' as const };
    await db.jobs.update(jobId, { state: 'cancelled', reason: 'removed_by_user', updatedAt: now });
    await logEvent(db, { id: jobId, state: 'cancelled' }, 'cancelled', `removed by the user (was ${job.state})`, now);
    return { ok: true, state: 'cancelled' as const };
  });
}
