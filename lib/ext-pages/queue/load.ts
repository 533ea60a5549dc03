import type { OtklikDb } from '../../worker/db/db';
import type { Job } from '../../core/db/schema';
import { queueConfigFromSettings, queueStatus, type QueueStatus } from '../../worker/queue';
import { FINISHED_STATES, OPEN_STATES } from '../../worker/queue/states';
import type { Settings } from '../../core/settings/schema';
import { GROUP_OF, type GroupId } from './model';

/** Rows shown per group; the rest are counted ("and 12 more") until the user unfolds them: the popup is short. */
export const ROWS_SHOWN = 8;
/** Finished jobs listed in an unfolded group (the newest; older ones are in the statistics). */
export const ROWS_UNFOLDED = 200;

export interface QueueSnapshot {
  jobs: Job[];
  status: QueueStatus;
  now: number;
}

/**
 * One read of everything the popup shows (run inside liveQuery: every table read here is observed). Open jobs
 * are all read; finished ones up to ROWS_SHOWN per state, ROWS_UNFOLDED for the groups in `unfolded`.
 */
export async function loadQueue(
  db: OtklikDb,
  settings: Settings,
  now: number,
  unfolded: ReadonlySet<GroupId> = new Set(),
): Promise<QueueSnapshot> {
  const open = await db.jobs.where('state').anyOf(OPEN_STATES).toArray();
  const finished = await Promise.all(
    FINISHED_STATES.map((state) => {
      const group = GROUP_OF[state];
      const limit = group && unfolded.has(group) ? ROWS_UNFOLDED : ROWS_SHOWN;
      return db.jobs
        .where('state')
        .equals(state)
        .reverse()
        .sortBy('updatedAt')
        .then((list) => list.slice(0, limit));
    }),
  );
  const status = await queueStatus(db, now, queueConfigFromSettings(settings));
  return { jobs: [...open, ...finished.flat()], status, now };
}
