import Dexie from 'dexie';
import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import type { Job, JobState, VacancySnapshot } from '../../core/db/schema';
import { canonicalVacancyUrl } from '../../core/hh/vacancy-url';
import { HOLDS_VACANCY } from './states';

/**
 * A job's start: enqueue (idempotent per vacancy and resume). Each insert appends its event in the same
 * transaction. Claim and commit (./claim.ts, ./commit.ts) take it from there; the user's retry and remove are
 * in ./user-actions.ts.
 */

export interface EnqueueInput {
  vacancy: VacancySnapshot;
  resumeHash: string;
  /** '' = send without a letter; null/absent = not decided (issue 5 fills it in). */
  letter?: string | null;
  source?: Job['source'];
  /**
   * Cover letters are on and no letter was given: the job starts in 'review' (never claimed by the drain) and
   * waits for its draft (lib/worker/letters/jobs.ts), then for the user's approval or auto mode's checks.
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

/**
 * The snapshot as stored: its URL is the canonical hh one, rebuilt from the id (lib/core/hh/vacancy-url.ts) — a URL a
 * page supplied (`data:`, `javascript:`, another host) never reaches the popup or a notification.
 */
function storedSnapshot(v: VacancySnapshot): VacancySnapshot {
  const url = canonicalVacancyUrl(v.id, v.url);
  if (!url) throw new Error(`not an hh vacancy id: ${JSON.stringify(v.id).slice(0, 40)}`);
  return { ...v, url };
}

async function enqueueOne(
  db: OtklikDb,
  raw: EnqueueInput,
  now: number,
  block: EmployerBlock | undefined,
): Promise<EnqueueResult> {
  const input: EnqueueInput = { ...raw, vacancy: storedSnapshot(raw.vacancy) };
  const vacancyId = input.vacancy.id;
  const existing = await db.jobs.where('[vacancyId+resumeHash]').equals([vacancyId, input.resumeHash]).first();
  if (existing) {
    if (existing.state !== 'cancelled') {
      return {
        jobId: existing.id,
        created: false,
        state: existing.state,
        reason: 'already_queued',
        detail: `already in the queue (${existing.state})`,
      };
    }
  }
  const others = await db.jobs.where('vacancyId').equals(vacancyId).toArray();
  const rival = others.find((j) => j.resumeHash !== input.resumeHash && HOLDS_VACANCY.has(j.state));
  if (rival) {
    return {
      jobId: rival.id,
      created: false,
      state: rival.state,
      reason: 'vacancy_queued_with_other_resume',
      detail: `hh takes one response per vacancy; job ${rival.id} (${rival.state}) uses another resume`,
    };
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
    await logEvent(
      db,
      { id: existing.id, state },
      'retried',
      blocked ? `re-enqueued, skipped: ${blocked}` : 're-enqueued after cancel',
      now,
    );
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
  await logEvent(
    db,
    { id, state: blocked ? 'pending' : state },
    'enqueued',
    `${input.vacancy.title} — ${input.vacancy.employer?.name ?? 'employer unknown'} (resume ${input.resumeHash.slice(0, 6)}…)`,
    now,
  );
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
export async function enqueue(
  db: OtklikDb,
  input: EnqueueInput,
  now: number,
  block?: EmployerBlock,
): Promise<EnqueueResult> {
  try {
    return await db.transaction('rw', db.jobs, db.events, () => enqueueOne(db, input, now, block));
  } catch (e) {
    if (!isConstraintError(e)) throw e;
    const existing = await db.jobs.where('[vacancyId+resumeHash]').equals([input.vacancy.id, input.resumeHash]).first();
    if (!existing) throw e;
    return {
      jobId: existing.id,
      created: false,
      state: existing.state,
      reason: 'already_queued',
      detail: `already in the queue (${existing.state})`,
    };
  }
}

/** Many at once ("queue all shown above score X"): one transaction, one result per input, in order. */
export async function enqueueMany(
  db: OtklikDb,
  inputs: readonly EnqueueInput[],
  now: number,
  block?: EmployerBlock,
): Promise<EnqueueResult[]> {
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
