import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import type { Job, JobOutcome, VacancySnapshot } from '../../core/db/schema';
import type { ApplyOutcome } from '../../core/hh/apply-outcome';
import type { VacancyFacts, VacancyFactsRead, VacancySignals } from '../../core/hh/vacancy-facts';
import { mergeSignals } from './hh-conditions';
import type { QueueConfig } from './config';
import { employerBlockReason, normEmployer } from './guards';

/**
 * Before its first POST a job's vacancy is read from hh by the worker (lib/core/hh/vacancy-facts.ts, the session's
 * GET of the vacancy page, under the job's lease). A listing card or vacancy panel is page DOM: a page script can
 * forge its vacancy id and employer. So:
 *
 *  - hh's vacancy id must be the job's and hh's employer must be the one the page claimed (by hh employer id when
 *    both know it, else by normalised name) — otherwise the job is skipped (`page_mismatch`), the stored employer
 *    becomes hh's, and nothing is sent (a Retry checks again, against hh's employer);
 *  - the blacklist and the current employer are checked against hh's employer (`blacklisted`);
 *  - gone / captcha / login / 5xx / network answers of the page act as the apply's would, except that nothing was
 *    sent: no "maybe sent", no `unconfirmed`;
 *  - a page that says neither (markup changed) fails the job (`unverified`): it is never sent on the page's word.
 *
 * Once matched, the job records `employerCheckedAt`; later attempts (retries, recovery) rely on the stored
 * employer, which the claim checks against the blacklist each time.
 */

export type Verdict =
  | { kind: 'ok'; facts: VacancyFacts }
  | { kind: 'refuse'; reason: 'blacklisted' | 'page_mismatch' | 'unverified'; detail: string; facts?: VacancyFacts }
  /** The page's answer as an apply outcome (nothing was sent). */
  | { kind: 'outcome'; outcome: ApplyOutcome };

const describeEmployer = (e: VacancySnapshot['employer']): string =>
  e ? `«${e.name}»${e.id ? ` (id ${e.id})` : ''}` : 'no employer';

/** Does hh's employer agree with the page's claim? */
function sameEmployer(claimed: VacancySnapshot['employer'], hh: VacancyFacts['employer']): boolean {
  if (!claimed) return true; // a page that named no employer claimed nothing (hh's is checked below)
  if (!hh) return false; // hh hides the employer, the page named one
  if (claimed.id && hh.id) return claimed.id === hh.id;
  return normEmployer(claimed.name) === normEmployer(hh.name);
}

/** What the worker's read of the vacancy means for the job (pure). */
export function judgeVacancy(
  job: Pick<Job, 'vacancyId' | 'vacancy'>,
  read: VacancyFactsRead,
  config: Pick<QueueConfig, 'blacklist' | 'currentEmployer'>,
): Verdict {
  if (read.kind === 'outcome') return read;
  if (read.kind === 'unreadable')
    return {
      kind: 'refuse',
      reason: 'unverified',
      detail: `could not check the vacancy on hh.ru (${read.reason}); not sent on the page's word`,
    };
  const facts = read.facts;
  if (facts.id !== job.vacancyId) {
    return {
      kind: 'refuse',
      reason: 'page_mismatch',
      detail: `hh.ru shows vacancy ${facts.id} for ${job.vacancyId}: the page that queued it was not hh's; not sent`,
      facts,
    };
  }
  if (!sameEmployer(job.vacancy.employer, facts.employer)) {
    return {
      kind: 'refuse',
      reason: 'page_mismatch',
      detail: `the page said the employer is ${describeEmployer(job.vacancy.employer)}, hh.ru says ${describeEmployer(facts.employer)}; not sent`,
      facts,
    };
  }
  const blocked = employerBlockReason(
    { ...job.vacancy, employer: facts.employer },
    config.blacklist,
    config.currentEmployer,
  );
  if (blocked)
    return {
      kind: 'refuse',
      reason: 'blacklisted',
      detail: `hh.ru says the employer is ${describeEmployer(facts.employer)}: ${blocked}`,
      facts,
    };
  return { kind: 'ok', facts };
}

/** The snapshot with hh's employer (and title when hh gave one). */
function withFacts(v: VacancySnapshot, facts: VacancyFacts): VacancySnapshot {
  return { ...v, employer: facts.employer, ...(facts.title.trim() ? { title: facts.title.trim().slice(0, 500) } : {}) };
}

/**
 * Records a verdict on a claimed job (IndexedDB only inside). ok → the employer is stored and the job stays ours
 * for its POST; refuse → skipped/failed, nothing sent. The attempt's "maybe sent" is taken back: no POST left.
 * null when the job is no longer ours (lease lost).
 */
export function commitVerdict(
  db: OtklikDb,
  jobId: number,
  verdict: Exclude<Verdict, { kind: 'outcome' }>,
  ctx: { now: number; owner: string; leaseMs: number; known?: Partial<VacancySignals> },
): Promise<Job | null> {
  const { now } = ctx;
  return db.transaction('rw', db.jobs, db.events, async () => {
    const job = await db.jobs.get(jobId);
    if (!job || job.state !== 'processing' || job.leaseOwner !== ctx.owner || job.leaseUntil <= now) return null;
    if (verdict.kind === 'ok') {
      // The POST comes next, under a lease renewed for it (the page's GET used part of the first one).
      const next: Job = {
        ...job,
        vacancy: withFacts(job.vacancy, verdict.facts),
        employerCheckedAt: now,
        // hh's conditions on applying (lib/worker/queue/hh-conditions.ts), checked before every POST from now on.
        hhSignals: mergeSignals(verdict.facts.signals, ctx.known, now),
        leaseUntil: Math.max(job.leaseUntil, now + ctx.leaseMs),
        updatedAt: now,
      };
      await db.jobs.put(next);
      return next;
    }
    const outcome: JobOutcome = {
      kind:
        verdict.reason === 'blacklisted' ? 'blacklisted' : verdict.reason === 'page_mismatch' ? 'mismatch' : 'rejected',
      at: now,
    };
    const state = verdict.reason === 'unverified' ? 'failed' : 'skipped';
    const next: Job = {
      ...job,
      ...(verdict.facts ? { vacancy: withFacts(job.vacancy, verdict.facts), employerCheckedAt: now } : {}),
      state,
      reason: verdict.reason,
      lastError: verdict.detail,
      outcome,
      leaseOwner: null,
      leaseUntil: 0,
      updatedAt: now,
    };
    // Nothing was POSTed in this attempt: only an earlier lost attempt keeps the job counted.
    if (!job.unconfirmed) delete next.maybeSentAt;
    await db.jobs.put(next);
    await logEvent(db, next, state, verdict.detail, now);
    return next;
  });
}
