import Dexie from 'dexie';
import type { OtklikDb } from './db';
import { canonicalVacancyUrl } from '../hh/vacancy-url';
import { JOB_STATES, type Job, type JobEvent, type JobEventType, type JobState, type VacancySnapshot } from './schema';

/**
 * Job records: enqueue (idempotent), user actions (retry, remove), reads for the UI. Every state change
 * appends an event in the same transaction, so the log and the job can never disagree.
 */

export interface EnqueueInput {
  vacancy: VacancySnapshot;
  resumeHash: string;
  /** '' = send without a letter; null/absent = not decided (issue 5 fills it in). */
  letter?: string | null;
  source?: Job['source'];
  /**
   * Cover letters are on and no letter was given: the job starts in 'review' (never claimed by the drain) and
   * waits for its draft (lib/letters/jobs.ts), then for the user's approval or auto mode's checks.
   */
  awaitLetter?: boolean;
}

export type EnqueueReason =
  /** The same (vacancy, resume) pair is already in the queue or done: nothing changed. */
  | 'already_queued'
  /** hh allows one response per vacancy: another resume's job for it is active or applied. */
  | 'vacancy_queued_with_other_resume'
  /** Created, but immediately skipped: the employer is blacklisted (or is the user's current employer). */
  | 'blacklisted'
  /** A cancelled job for the pair was put back into the queue. */
  | 'revived';

export interface EnqueueResult {
  jobId: number;
  created: boolean;
  state: JobState;
  reason?: EnqueueReason;
  detail?: string;
}

/** Returns why a vacancy must never be applied to (blacklist / current employer), or null. */
export type EmployerBlock = (vacancy: VacancySnapshot) => string | null;

/** Appends an event (inside the caller's transaction when there is one). */
export function logEvent(db: OtklikDb, job: Pick<Job, 'id' | 'state'>, type: JobEventType, detail: string, at: number): Promise<number> {
  return db.events.add({ jobId: job.id, at, type, state: job.state, detail: detail.slice(0, 500) }) as Promise<number>;
}

/**
 * The snapshot as stored: its URL is the canonical hh one, rebuilt from the id (lib/hh/vacancy-url.ts) — a URL a
 * page supplied (`data:`, `javascript:`, another host) never reaches the popup or a notification.
 */
function storedSnapshot(v: VacancySnapshot): VacancySnapshot {
  const url = canonicalVacancyUrl(v.id, v.url);
  if (!url) throw new Error(`not an hh vacancy id: ${JSON.stringify(v.id).slice(0, 40)}`);
  return { ...v, url };
}

async function enqueueOne(db: OtklikDb, raw: EnqueueInput, now: number, block: EmployerBlock | undefined): Promise<EnqueueResult> {
  const input: EnqueueInput = { ...raw, vacancy: storedSnapshot(raw.vacancy) };
  const vacancyId = input.vacancy.id;
  const existing = await db.jobs.where('[vacancyId+resumeHash]').equals([vacancyId, input.resumeHash]).first();
  if (existing) {
    if (existing.state !== 'cancelled') {
      return { jobId: existing.id, created: false, state: existing.state, reason: 'already_queued', detail: `already in the queue (${existing.state})` };
    }
  }
  const others = await db.jobs.where('vacancyId').equals(vacancyId).toArray();
  const rival = others.find((j) => j.resumeHash !== input.resumeHash && (j.state === 'pending' || j.state === 'processing' || j.state === 'review' || j.state === 'applied'));
  if (rival) {
    return { jobId: rival.id, created: false, state: rival.state, reason: 'vacancy_queued_with_other_resume', detail: `hh takes one response per vacancy; job ${rival.id} (${rival.state}) uses another resume` };
  }
  const blocked = block?.(input.vacancy) ?? null;
  if (existing) {
    // A cancelled job comes back: same id, history continues.
    const waits = input.awaitLetter === true && input.letter === undefined && existing.letter === null;
    const state: JobState = blocked ? 'skipped' : waits ? 'review' : 'pending';
    const changes: Partial<Job> = {
      state,
      vacancy: input.vacancy,
      reason: blocked ? 'blacklisted' : null,
      lastError: null,
      link: null,
      transientFailures: 0,
      nextAttemptAt: now,
      updatedAt: now,
    };
    if (input.letter !== undefined) changes.letter = input.letter;
    // A stale letter draft of the cancelled job is not this job's: a new one is written (undefined removes the field).
    if (waits) changes.letterDraft = undefined;
    await db.jobs.update(existing.id, changes);
    await logEvent(db, { id: existing.id, state }, 'retried', blocked ? `re-enqueued, skipped: ${blocked}` : 're-enqueued after cancel', now);
    return blocked
      ? { jobId: existing.id, created: true, state, reason: 'blacklisted', detail: blocked }
      : { jobId: existing.id, created: true, state, reason: 'revived' };
  }
  const waits = input.awaitLetter === true && (input.letter === undefined || input.letter === null);
  const state: JobState = blocked ? 'skipped' : waits ? 'review' : 'pending';
  const job: Omit<Job, 'id'> = {
    vacancyId,
    resumeHash: input.resumeHash,
    vacancy: input.vacancy,
    letter: input.letter ?? null,
    state,
    attempts: 0,
    transientFailures: 0,
    leaseOwner: null,
    leaseUntil: 0,
    nextAttemptAt: now,
    lastError: null,
    reason: blocked ? 'blacklisted' : null,
    link: null,
    outcome: blocked ? { kind: 'blacklisted', at: now } : null,
    unconfirmed: false,
    source: input.source ?? 'other',
    createdAt: now,
    updatedAt: now,
  };
  const id = (await db.jobs.add(job as Job)) as number;
  await logEvent(db, { id, state: blocked ? 'pending' : state }, 'enqueued', `${input.vacancy.title} — ${input.vacancy.employer?.name ?? 'employer unknown'} (resume ${input.resumeHash.slice(0, 6)}…)`, now);
  if (blocked) {
    await logEvent(db, { id, state }, 'skipped', blocked, now);
    return { jobId: id, created: true, state, reason: 'blacklisted', detail: blocked };
  }
  return { jobId: id, created: true, state };
}

function isConstraintError(e: unknown): boolean {
  return e instanceof Dexie.ConstraintError || (e instanceof Error && e.name === 'ConstraintError');
}

/**
 * Adds a job unless the (vacancy, resume) pair is already known; says which. Idempotent under races: a
 * concurrent insert of the same pair loses on the unique index and reads as `already_queued`.
 */
export async function enqueue(db: OtklikDb, input: EnqueueInput, now: number, block?: EmployerBlock): Promise<EnqueueResult> {
  try {
    return await db.transaction('rw', db.jobs, db.events, () => enqueueOne(db, input, now, block));
  } catch (e) {
    if (!isConstraintError(e)) throw e;
    const existing = await db.jobs.where('[vacancyId+resumeHash]').equals([input.vacancy.id, input.resumeHash]).first();
    if (!existing) throw e;
    return { jobId: existing.id, created: false, state: existing.state, reason: 'already_queued', detail: `already in the queue (${existing.state})` };
  }
}

/** Many at once ("queue all shown above score X"): one transaction, one result per input, in order. */
export async function enqueueMany(db: OtklikDb, inputs: readonly EnqueueInput[], now: number, block?: EmployerBlock): Promise<EnqueueResult[]> {
  try {
    return await db.transaction('rw', db.jobs, db.events, async () => {
      const out: EnqueueResult[] = [];
      for (const input of inputs) out.push(await enqueueOne(db, input, now, block));
      return out;
    });
  } catch (e) {
    if (!isConstraintError(e)) throw e;
    // A racing context inserted one of the pairs: redo one by one (each now sees the other's insert).
    const out: EnqueueResult[] = [];
    for (const input of inputs) out.push(await enqueue(db, input, now, block));
    return out;
  }
}

export type UserActionResult = { ok: true; state: JobState } | { ok: false; error: string };

const RETRYABLE: ReadonlySet<JobState> = new Set(['needs_user', 'failed', 'skipped', 'cancelled', 'review']);

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
      const changes: Partial<Job> = { state: 'review', transientFailures: 0, nextAttemptAt: now, reason: null, lastError: null, link: null, outcome: null, updatedAt: now };
      if (job.letterDraft?.status === 'failed' || (job.letter === null && job.letterDraft?.status !== 'writing')) changes.letterDraft = undefined;
      await db.jobs.update(jobId, changes);
      await logEvent(db, { id: jobId, state: 'review' }, 'retried', `by the user (was ${from}): the letter waits for your review, nothing is sent before it`, now);
      return { ok: true, state: 'review' as const };
    }
    await db.jobs.update(jobId, { state: 'pending', transientFailures: 0, nextAttemptAt: now, reason: null, lastError: null, link: null, outcome: null, updatedAt: now });
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
    if (job.state === 'processing') return { ok: false, error: 'the application is being sent right now; try again in a minute' };
    if (job.state === 'applied') return { ok: false, error: 'already applied: the record stays' };
    if (job.state === 'cancelled') return { ok: true, state: 'cancelled' as const };
    await db.jobs.update(jobId, { state: 'cancelled', reason: 'removed_by_user', updatedAt: now });
    await logEvent(db, { id: jobId, state: 'cancelled' }, 'cancelled', `removed by the user (was ${job.state})`, now);
    return { ok: true, state: 'cancelled' as const };
  });
}

export async function countByState(db: OtklikDb): Promise<Record<JobState, number>> {
  const out = {} as Record<JobState, number>;
  await db.transaction('r', db.jobs, async () => {
    for (const s of JOB_STATES) out[s] = await db.jobs.where('state').equals(s).count();
  });
  return out;
}

/** Most recently changed first. */
export async function listJobs(db: OtklikDb, opts: { states?: readonly JobState[]; limit?: number } = {}): Promise<Job[]> {
  const limit = opts.limit ?? 100;
  if (opts.states?.length) {
    const jobs = await db.jobs.where('state').anyOf([...opts.states]).toArray();
    return jobs.sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id).slice(0, limit);
  }
  return db.jobs.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function jobEvents(db: OtklikDb, jobId: number): Promise<JobEvent[]> {
  return db.events.where('jobId').equals(jobId).sortBy('id');
}
