import type { OtklikDb } from './db';
import { JOB_STATES, type Job, type JobEvent, type JobEventType, type JobState } from '../../core/db/schema';

/**
 * Job rows: the event log every state change appends to (in the changer's transaction, so the log and the job
 * never disagree), and reads for the UI. What changes a job (enqueue, claim, commit, the user's retry/remove)
 * lives in lib/worker/queue.
 */

/** Appends an event (inside the caller's transaction when there is one). */
export function logEvent(
  db: OtklikDb,
  job: Pick<Job, 'id' | 'state'>,
  type: JobEventType,
  detail: string,
  at: number,
): Promise<number> {
  return db.events.add({ jobId: job.id, at, type, state: job.state, detail: detail.slice(0, 500) }) as Promise<number>;
}

export async function countByState(db: OtklikDb): Promise<Record<JobState, number>> {
  const out = {} as Record<JobState, number>;
  await db.transaction('r', db.jobs, async () => {
    for (const s of JOB_STATES) out[s] = await db.jobs.where('state').equals(s).count();
  });
  return out;
}

/** Most recently changed first. */
export async function listJobs(
  db: OtklikDb,
  opts: { states?: readonly JobState[]; limit?: number } = {},
): Promise<Job[]> {
  const limit = opts.limit ?? 100;
  if (opts.states?.length) {
    const jobs = await db.jobs
      .where('state')
      .anyOf([...opts.states])
      .toArray();
    return jobs.sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id).slice(0, limit);
  }
  return db.jobs.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export function jobEvents(db: OtklikDb, jobId: number): Promise<JobEvent[]> {
  return db.events.where('jobId').equals(jobId).sortBy('id');
}
