import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import { freshAttempt } from '../queue/user-actions';
import type { Job, LetterDraft } from '../../core/db/schema';

/**
 * A job's cover letter in the queue's database. Flow (letters on):
 *
 *   enqueue ─▶ review, letter null ─claimDraft─▶ draft 'writing' ─(provider, NO transaction)─▶ saveDraft
 *     review mode: stays in review with the letter ─ user edits/approves ─▶ pending ─▶ drain sends it
 *     auto mode:   passed every check, the vacancy asks nothing, the chosen model wrote it ─▶ pending;
 *                  else stays in review, reason says why (letter_problems | letter_asks | letter_fallback)
 *
 * Each step is one short transaction; the provider call happens between them. A worker killed while writing
 * leaves a 'writing' draft older than WRITING_LEASE_MS, which the next pass reclaims.
 */
export const WRITING_LEASE_MS = 5 * 60_000;

const needsDraft = (j: Job, now: number) =>
  j.state === 'review' &&
  j.letter === null &&
  (!j.letterDraft || (j.letterDraft.status === 'writing' && now - j.letterDraft.at > WRITING_LEASE_MS));

/** Review jobs without a letter, oldest first. */
export async function jobsNeedingDraft(db: OtklikDb, now: number): Promise<Job[]> {
  const review = await db.jobs.where('state').equals('review').toArray();
  return review.filter((j) => needsDraft(j, now)).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
}

/** Marks a draft as being written; null when someone else has it (or the job changed). */
export function claimDraft(db: OtklikDb, jobId: number, now: number, lang: 'ru' | 'en' = 'ru'): Promise<Job | null> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!job || !needsDraft(job, now)) return null;
    const draft: LetterDraft = {
      status: 'writing',
      at: now,
      problems: [],
      asks: [],
      provider: null,
      fallbackReason: null,
      error: null,
      lang,
    };
    await db.jobs.update(jobId, { letterDraft: draft, updatedAt: now });
    return { ...job, letterDraft: draft };
  });
}

export interface DraftResult {
  letter: string;
  problems: string[];
  asks: string[];
  provider: string;
  fallbackReason: string | null;
  lang: 'ru' | 'en';
  noDescription: boolean;
}

/** Stores a written draft. Returns the job's new state, or null when the job left review meanwhile (removed…). */
export function saveDraft(
  db: OtklikDb,
  jobId: number,
  r: DraftResult,
  mode: 'review' | 'auto',
  now: number,
): Promise<Job['state'] | null> {
  return db.transaction('rw', db.jobs, db.events, async () => {
    const job = await db.jobs.get(jobId);
    if (!job || job.state !== 'review' || job.letter !== null || job.letterDraft?.status !== 'writing') return null;
    const draft: LetterDraft = {
      status: 'ready',
      at: now,
      problems: r.problems,
      asks: r.asks,
      provider: r.provider,
      fallbackReason: r.fallbackReason,
      error: null,
      lang: r.lang,
    };
    if (r.noDescription) draft.noDescription = true;
    // A template standing in for a failed model is not what the user chose to send unseen: it waits too.
    const passes = r.problems.length === 0 && r.asks.length === 0 && r.fallbackReason === null;
    const send = mode === 'auto' && passes;
    const reason = r.asks.length ? 'letter_asks' : r.problems.length ? 'letter_problems' : 'letter_fallback';
    const why = r.asks.length
      ? 'the vacancy asks for something in the letter'
      : r.problems.length
        ? `the letter failed checks: ${r.problems.join('; ')}`
        : `the model failed, the template wrote it: ${r.fallbackReason ?? ''}`;
    await db.jobs.update(jobId, {
      letter: r.letter,
      letterDraft: draft,
      state: send ? 'pending' : 'review',
      reason: send ? null : mode === 'auto' ? reason : null,
      nextAttemptAt: now,
      updatedAt: now,
    });
    const by = `${r.provider}${r.fallbackReason ? ` (fallback: ${r.fallbackReason})` : ''}`;
    await logEvent(
      db,
      { id: jobId, state: 'review' },
      'letter',
      `draft by ${by}${r.problems.length ? `; problems: ${r.problems.join('; ')}` : ''}${r.asks.length ? `; ${r.asks.length} request(s) from the vacancy` : ''}`,
      now,
    );
    if (send)
      await logEvent(db, { id: jobId, state: 'pending' }, 'approved', 'auto mode: the letter passed every check', now);
    else if (mode === 'auto')
      await logEvent(db, { id: jobId, state: 'review' }, 'letter', `waits for you: ${why}`, now);
    return send ? 'pending' : 'review';
  });
}

/** The writer failed outright (cancelled, or even the template could not run): the job waits for the user. */
export async function failDraft(db: OtklikDb, jobId: number, error: string, now: number): Promise<void> {
  await db.transaction('rw', db.jobs, db.events, async () => {
    const job = await db.jobs.get(jobId);
    if (!job || job.state !== 'review' || job.letterDraft?.status !== 'writing') return;
    await db.jobs.update(jobId, {
      letterDraft: { ...job.letterDraft, status: 'failed', at: now, error },
      updatedAt: now,
    });
    await logEvent(db, { id: jobId, state: 'review' }, 'letter', `no draft: ${error}`, now);
  });
}

export type LetterActionResult = { ok: true; state: Job['state'] } | { ok: false; error: string; state?: Job['state'] };

/** The user's text replaces the draft (problems are recomputed by the caller). Allowed while the job waits. */
export function updateLetter(
  db: OtklikDb,
  jobId: number,
  letter: string,
  problems: string[],
  now: number,
): Promise<LetterActionResult> {
  return db.transaction('rw', db.jobs, async (): Promise<LetterActionResult> => {
    const job = await db.jobs.get(jobId);
    if (!job) return { ok: false, error: 'no such job' };
    if (job.state !== 'review')
      return {
        ok: false,
        error: `the letter can only be edited before sending (job is ${job.state})`,
        state: job.state,
      };
    const draft: LetterDraft = {
      ...(job.letterDraft ?? { asks: [], fallbackReason: null, error: null, lang: 'ru' as const }),
      status: 'ready',
      at: now,
      problems,
      provider: 'user',
    };
    await db.jobs.update(jobId, { letter, letterDraft: draft, updatedAt: now });
    return { ok: true, state: job.state };
  });
}

/** review → pending with the (possibly edited) letter. */
export function approveJob(
  db: OtklikDb,
  jobId: number,
  letter: string | undefined,
  now: number,
): Promise<LetterActionResult> {
  return db.transaction('rw', db.jobs, db.events, async (): Promise<LetterActionResult> => {
    const job = await db.jobs.get(jobId);
    if (!job) return { ok: false, error: 'no such job' };
    if (job.state !== 'review')
      return { ok: false, error: `only a job awaiting review can be approved (job is ${job.state})`, state: job.state };
    const text = letter ?? job.letter;
    if (text === null)
      return { ok: false, error: 'the letter is not written yet: wait for the draft or type one', state: job.state };
    // hh said so when the worker read the vacancy (lib/worker/queue/hh-conditions.ts): it would be held again anyway.
    if (!text.trim() && job.hhSignals?.letterRequired === true)
      return {
        ok: false,
        error: 'hh.ru says this employer requires a cover letter: write one before approving',
        state: job.state,
      };
    await db.jobs.update(jobId, { letter: text, state: 'pending', reason: null, nextAttemptAt: now, updatedAt: now });
    await logEvent(
      db,
      { id: jobId, state: 'pending' },
      'approved',
      text === ''
        ? 'approved without a letter'
        : `approved (${text.length} chars)${letter !== undefined && letter !== job.letter ? ', edited' : ''}`,
      now,
    );
    return { ok: true, state: 'pending' };
  });
}

/** Drops the draft so the writer makes a new one. */
export function resetDraft(db: OtklikDb, jobId: number, now: number): Promise<LetterActionResult> {
  return db.transaction('rw', db.jobs, async (): Promise<LetterActionResult> => {
    const job = await db.jobs.get(jobId);
    if (!job) return { ok: false, error: 'no such job' };
    if (job.state !== 'review')
      return {
        ok: false,
        error: `only a job awaiting review gets a new draft (job is ${job.state})`,
        state: job.state,
      };
    if (job.letterDraft?.status === 'writing' && now - job.letterDraft.at <= WRITING_LEASE_MS)
      return { ok: false, error: 'a draft is being written right now', state: job.state };
    await db.jobs.update(jobId, { letter: null, letterDraft: undefined, updatedAt: now });
    return { ok: true, state: job.state };
  });
}

/**
 * hh said the vacancy needs a letter (needs_user, letter_required) and the user retries with letters on: the
 * job goes back to review without a letter, so it gets a draft first instead of failing the same way again.
 * null = not such a job (the caller retries it the usual way).
 */
export function retryForLetter(db: OtklikDb, jobId: number, now: number): Promise<LetterActionResult | null> {
  return db.transaction('rw', db.jobs, db.events, async (): Promise<LetterActionResult | null> => {
    const job = await db.jobs.get(jobId);
    if (!job || job.state !== 'needs_user' || job.reason !== 'letter_required' || (job.letter ?? '').trim() !== '')
      return null;
    await db.jobs.update(jobId, { state: 'review', letter: null, letterDraft: undefined, ...freshAttempt(now) });
    await logEvent(
      db,
      { id: jobId, state: 'review' },
      'retried',
      'by the user: the vacancy requires a letter, writing one first',
      now,
    );
    return { ok: true, state: 'review' };
  });
}
