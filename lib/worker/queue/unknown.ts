import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import type { Job } from '../../core/db/schema';
import type { NegotiationsFetch } from '../../core/hh/negotiations';
import { OUTCOME_UNKNOWN } from './commit';

/**
 * Applications whose answer hh gave in a shape it never sends (`unknown` outcome, lib/core/hh/apply-outcome.ts): the
 * job waits in needs_user with reason `outcome_unknown`, still counted against the cap (`maybeSentAt`), and the
 * queue is paused. The queue never re-sends it by itself: the worker reads hh's responses page with the user's
 * session (its own request, never a page's report) and settles each such job:
 *
 *  - hh lists a response for the vacancy → applied (a send record at the time it may have been sent);
 *  - hh lists responses with their vacancies and this one is not among them → it was not sent: back to the queue
 *    (still `unconfirmed`, so a later "already applied" counts as ours; it goes out only once the user resumes);
 *  - hh's page cannot tell (no vacancy ids on it, or it could not be read) → unchanged, checked again later.
 */

/** One response as the worker read it from hh (lib/core/hh/negotiations.ts topic). */
export interface SeenResponse {
  topicId: string;
  vacancyId: string | null;
  chatId: string | null;
}

export type ResponsesCheck = { ok: true; responses: readonly SeenResponse[] } | { ok: false; detail: string };

export function unknownOutcomeJobs(db: OtklikDb): Promise<Job[]> {
  return db.jobs
    .where('state')
    .equals('needs_user')
    .filter((j) => j.reason === OUTCOME_UNKNOWN)
    .toArray();
}

/**
 * Marks an outcome-unknown job applied because hh lists its response. Inside the caller's read-write transaction
 * over jobs, events and sends (the negotiations sync uses it too). The send dates from the attempt.
 */
export async function settleAsApplied(
  db: OtklikDb,
  job: Job,
  seen: SeenResponse,
  now: number,
  how: string,
): Promise<void> {
  const at = job.maybeSentAt ?? now;
  const outcome: Job['outcome'] = {
    kind: 'applied',
    topicId: seen.topicId,
    at,
    ...(seen.chatId ? { chatId: seen.chatId } : {}),
  };
  const next: Job = { ...job, state: 'applied', reason: null, lastError: null, link: null, outcome, updatedAt: now };
  delete next.maybeSentAt;
  await db.jobs.put(next);
  await db.sends.add({ at, jobId: job.id, vacancyId: job.vacancyId, confirmed: true });
  await logEvent(
    db,
    next,
    'already_applied',
    `${how} lists this application (topic ${seen.topicId}): the answer that was not understood had applied it`,
    now,
  );
}

export interface SettleResult {
  applied: number[];
  notSent: number[];
  /** Still unknown (the page could not tell). */
  open: number[];
}

/** Settles every outcome-unknown job against what hh's responses page shows (IndexedDB only inside). */
export function settleUnknown(db: OtklikDb, responses: readonly SeenResponse[], now: number): Promise<SettleResult> {
  return db.transaction('rw', [db.jobs, db.events, db.sends], async () => {
    const out: SettleResult = { applied: [], notSent: [], open: [] };
    const byVacancy = new Map(responses.filter((r) => r.vacancyId).map((r) => [r.vacancyId!, r] as const));
    // Only a page that names vacancies can say one is missing (hh's cards alone carry no vacancy id).
    const canTellAbsence = byVacancy.size > 0;
    for (const job of await unknownOutcomeJobs(db)) {
      const seen = byVacancy.get(job.vacancyId);
      if (seen) {
        await settleAsApplied(db, job, seen, now, "hh.ru's responses page");
        out.applied.push(job.id);
      } else if (canTellAbsence) {
        // Not sent. Still counted until its next attempt (maybeSentAt stays: conservative) and `unconfirmed`.
        await db.jobs.update(job.id, {
          state: 'pending',
          reason: null,
          lastError: null,
          nextAttemptAt: now,
          updatedAt: now,
        });
        await logEvent(
          db,
          { id: job.id, state: 'pending' },
          'retried',
          'not among your responses on hh.ru: it was not sent; back in the queue (it goes out when you resume)',
          now,
        );
        out.notSent.push(job.id);
      } else out.open.push(job.id);
    }
    return out;
  });
}

/**
 * The drain's check: when jobs wait with an unknown outcome, read hh's responses (`check`, the worker's own GET)
 * and settle them. Null when there was nothing to check or hh could not be read (tried again on the next step).
 */
export async function checkUnknownOutcomes(
  db: OtklikDb,
  check: () => Promise<ResponsesCheck>,
  now: () => number,
): Promise<SettleResult | null> {
  if (!(await unknownOutcomeJobs(db)).length) return null;
  let r: ResponsesCheck;
  try {
    r = await check();
  } catch {
    return null;
  }
  if (!r.ok) return null;
  return settleUnknown(db, r.responses, now());
}

/** Pages of hh's responses list the check reads (20 per page, newest first: the job's response, if any, is on top). */
export const CHECK_PAGES = 2;

/** The worker's read of hh's responses list (lib/core/hh/negotiations.ts `fetchNegotiationsPage`) as a check. */
export async function readResponses(fetchPage: (page: number) => Promise<NegotiationsFetch>): Promise<ResponsesCheck> {
  const responses: SeenResponse[] = [];
  for (let page = 0; page < CHECK_PAGES; page++) {
    const r = await fetchPage(page);
    if (!r.ok) {
      if (page === 0) return { ok: false, detail: `${r.error}: ${r.detail}` };
      break;
    }
    for (const t of r.page.topics) responses.push({ topicId: t.topicId, vacancyId: t.vacancyId, chatId: t.chatId });
    if (r.page.cards.length < 20 && r.page.topics.length < 20) break;
  }
  return { ok: true, responses };
}
