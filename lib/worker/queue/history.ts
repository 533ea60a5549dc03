import type { Job, JobEvent, JobEventType } from '../../core/db/schema';

/**
 * Reading a job's event log: a one-line story for the UI and a consistency check (used by the unit tests
 * and by the chaos e2e test: "the event log explains each job's history").
 */

const SHORT: Record<JobEventType, string> = {
  enqueued: 'queued',
  claimed: 'sent',
  recovered: 'recovered',
  applied: 'applied',
  already_applied: 'already-applied',
  needs_user: 'needs-you',
  skipped: 'skipped',
  retry_scheduled: 'retry',
  deferred: 'deferred',
  failed: 'failed',
  retried: 'retried',
  cancelled: 'cancelled',
  stale_commit: 'stale-answer',
  letter: 'letter',
  approved: 'approved',
  questionnaire: 'answered-questions',
  confirmed: 'confirmed',
};

export function storyOf(events: readonly JobEvent[]): string {
  return events.map((e) => SHORT[e.type]).join(' → ');
}

const AFTER_WORK: ReadonlySet<JobEventType> = new Set([
  'applied',
  'already_applied',
  'needs_user',
  'skipped',
  'retry_scheduled',
  'deferred',
  'failed',
]);

/** Problems found (empty = the log explains the job). */
export function checkHistory(job: Job, events: readonly JobEvent[]): string[] {
  const problems: string[] = [];
  if (!events.length) return ['no events'];
  if (events[0]!.type !== 'enqueued') problems.push(`first event is ${events[0]!.type}, not enqueued`);
  let inFlight = false;
  let sends = 0;
  let applied = 0;
  for (const [i, e] of events.entries()) {
    if (i > 0 && e.at < events[i - 1]!.at) problems.push(`event ${i} goes back in time`);
    switch (e.type) {
      case 'claimed':
        if (inFlight)
          problems.push(`event ${i}: claimed while a previous attempt was still in flight (expected "recovered")`);
        inFlight = true;
        sends++;
        break;
      case 'recovered':
        if (!inFlight) problems.push(`event ${i}: recovered without an attempt in flight`);
        inFlight = true;
        sends++;
        break;
      case 'stale_commit':
        break;
      default:
        if (AFTER_WORK.has(e.type)) {
          if (e.type === 'applied' || e.type === 'already_applied') applied++;
          // needs_user/skipped/failed may also come from enqueue or claim-time checks without a POST.
          if (!inFlight && (e.type === 'retry_scheduled' || e.type === 'deferred' || e.type === 'applied'))
            problems.push(`event ${i}: ${e.type} without an attempt in flight`);
          inFlight = false;
        }
    }
  }
  const last = events[events.length - 1]!;
  if (last.state !== job.state) problems.push(`last event leaves the job ${last.state}, but it is ${job.state}`);
  if (sends !== job.attempts) problems.push(`${sends} attempts in the log, ${job.attempts} on the job`);
  if (job.state === 'applied' && applied !== 1) problems.push(`applied job has ${applied} applied events`);
  if (job.state === 'processing' && !inFlight) problems.push('processing but the log shows no attempt in flight');
  return problems;
}
