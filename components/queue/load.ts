import type { OtklikDb } from '../../lib/db/db';
import type { Job, JobState } from '../../lib/db/schema';
import { queueConfigFromSettings, queueStatus, type QueueStatus } from '../../lib/queue';
import type { Settings } from '../../lib/settings/schema';

/** Rows shown per group; the rest are counted ("and 12 more"), not listed: the popup is at most 600 px tall. */
export const ROWS_SHOWN = 8;
const OPEN_STATES: JobState[] = ['pending', 'processing', 'review', 'needs_user'];
const FINISHED_STATES: JobState[] = ['applied', 'failed', 'skipped'];

export interface QueueSnapshot {
  jobs: Job[];
  status: QueueStatus;
  now: number;
}

/** One read of everything the popup shows (run inside liveQuery: every table read here is observed). */
export async function loadQueue(db: OtklikDb, settings: Settings, now: number): Promise<QueueSnapshot> {
  const open = await db.jobs.where('state').anyOf(OPEN_STATES).toArray();
  const finished = await Promise.all(
    FINISHED_STATES.map((state) => db.jobs.where('state').equals(state).reverse().sortBy('updatedAt').then((list) => list.slice(0, ROWS_SHOWN))),
  );
  const status = await queueStatus(db, now, queueConfigFromSettings(settings));
  return { jobs: [...open, ...finished.flat()], status, now };
}
