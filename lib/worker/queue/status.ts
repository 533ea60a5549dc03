import type { OtklikDb } from '../db/db';
import { countByState } from '../db/jobs';
import type { JobState, PauseState } from '../../core/db/schema';
import { pendingPossiblySent, usedInWindow } from './claim';
import { WINDOW_MS, type QueueConfig } from './config';
import { quietUntil } from './guards';
import { readPause } from './pause';

export interface QueueStatus {
  counts: Record<JobState, number>;
  pause: PauseState | null;
  cap: { used: number; cap: number; freesAt: number | null };
  /** When the next application may go out (pacing), null = now. */
  nextSendAt: number | null;
  /** Quiet hours in force until this time, else null. */
  quietUntil: number | null;
  /** Processing jobs whose lease expired: they will be recovered (checked with hh) on the next step. */
  interrupted: number;
  /**
   * Pending jobs whose last POST may have reached hh (its answer was lost): each is retried before any other job
   * and whatever the cap (its possible application is already counted) until hh says whether it landed.
   */
  possiblySent: number;
}

/** One read transaction: the counts, the cap and the in-flight jobs are one moment's, never a drain step apart. */
export function queueStatus(db: OtklikDb, now: number, config: QueueConfig): Promise<QueueStatus> {
  return db.transaction('r', [db.jobs, db.sends, db.meta], async () => {
    const counts = await countByState(db);
    const pause = await readPause(db);
    const { used, oldest } = await usedInWindow(db, now);
    const pacing = await db.meta.get('pacing');
    const processing = await db.jobs.where('state').equals('processing').toArray();
    const nextAt = pacing?.key === 'pacing' && pacing.value.nextAt > now ? pacing.value.nextAt : null;
    return {
      counts,
      pause: pause && (pause.until === undefined || pause.until > now) ? pause : null,
      cap: {
        used,
        cap: config.dailyCap,
        freesAt: used >= config.dailyCap && oldest !== null ? oldest + WINDOW_MS : null,
      },
      nextSendAt: nextAt,
      quietUntil: quietUntil(now, config),
      interrupted: processing.filter((j) => j.leaseUntil <= now).length,
      possiblySent: (await pendingPossiblySent(db)).length,
    };
  });
}
