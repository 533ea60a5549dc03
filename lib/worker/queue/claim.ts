import Dexie from 'dexie';
import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import type { Job, PauseState } from '../../core/db/schema';
import { WINDOW_MS, type QueueConfig } from './config';
import { employerBlockReason, pacingDelay, quietUntil } from './guards';
import { readPause } from './pause';

export type ClaimResult =
  | { kind: 'claimed'; job: Job; recovered: boolean }
  /** Nothing due; `wakeAt` = when the next job becomes due (null: the queue is empty). */
  | { kind: 'idle'; wakeAt: number | null }
  | { kind: 'paused'; pause: PauseState; wakeAt: number | null }
  /** Another claim holds a live lease (single flight); wake when it would expire. */
  | { kind: 'busy'; wakeAt: number }
  | { kind: 'quiet'; wakeAt: number }
  | { kind: 'pacing'; wakeAt: number }
  | { kind: 'capped'; used: number; cap: number; wakeAt: number };

export interface ClaimContext {
  now: number;
  /** Unique per worker lifetime: a restarted worker never mistakes an old lease for its own. */
  owner: string;
  random: () => number;
  config: QueueConfig;
}

/**
 * Applications that count against the cap at `now`: confirmed/inferred sends in the last 24 h, plus jobs
 * whose POST may have landed (maybeSentAt) — in flight, lost answers, crashed workers. `except` = the job
 * about to be (re)tried: its own possible application is the one it is about to confirm, not an extra one.
 */
export async function usedInWindow(
  db: OtklikDb,
  now: number,
  except?: number,
): Promise<{ used: number; oldest: number | null }> {
  const since = now - WINDOW_MS;
  const recent = db.sends.where('at').above(since);
  const sends = await recent.count();
  const oldestSend = sends ? ((await recent.first())?.at ?? null) : null;
  const maybe = (await db.jobs.where('maybeSentAt').above(since).toArray()).filter((j) => j.id !== except);
  const times = maybe.map((j) => j.maybeSentAt ?? now);
  if (oldestSend !== null) times.push(oldestSend);
  return { used: sends + maybe.length, oldest: times.length ? Math.min(...times) : null };
}

const MAX_SKIPS_PER_CLAIM = 200;

/**
 * Pending jobs whose earlier POST may have landed (a lost answer), by due time. A due one goes first: it settles
 * the uncertainty, and it never needs a new slot under the cap (its possible application is already counted), so
 * a full cap must not hold it behind fresh jobs — nor its wake-up behind the window.
 */
export async function pendingPossiblySent(db: OtklikDb): Promise<Job[]> {
  const maybe = await db.jobs.where('maybeSentAt').above(0).toArray();
  return maybe.filter((j) => j.state === 'pending').sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
}

/**
 * Claims the next job in ONE read-write transaction: the oldest due pending job, or first a processing job
 * whose lease expired (its worker died mid-way → recovery). Only IndexedDB work happens inside: no fetch,
 * no timers, no browser.* calls, no settings reads — any other await would commit the transaction early
 * (Dexie PrematureCommitError) and break the atomicity the single-flight rule relies on. Everything the
 * decision needs (blacklist, cap, quiet hours) arrives in `ctx.config`, read before.
 */
export function claimNext(db: OtklikDb, ctx: ClaimContext): Promise<ClaimResult> {
  const { now, owner, config } = ctx;
  return db.transaction('rw', [db.jobs, db.events, db.sends, db.meta], async (): Promise<ClaimResult> => {
    // 1. Global pause (a timed one ends by itself).
    const pause = await readPause(db);
    if (pause) {
      if (pause.until !== undefined && pause.until <= now) await db.meta.put({ key: 'pause', value: null });
      else return { kind: 'paused', pause, wakeAt: pause.until ?? null };
    }
    // 2. Single flight: one application at a time, whoever holds it.
    const processing = await db.jobs.where('state').equals('processing').toArray();
    const live = processing.filter((j) => j.leaseUntil > now);
    if (live.length) return { kind: 'busy', wakeAt: Math.min(...live.map((j) => j.leaseUntil)) };
    // 3. Quiet hours and pacing.
    const quiet = quietUntil(now, config);
    if (quiet !== null) return { kind: 'quiet', wakeAt: quiet };
    const pacing = await db.meta.get('pacing');
    if (pacing?.key === 'pacing' && pacing.value.nextAt > now) return { kind: 'pacing', wakeAt: pacing.value.nextAt };

    // 4. Candidate: expired leases first (oldest expiry), then the oldest due pending job.
    const expired = processing.sort((a, b) => a.leaseUntil - b.leaseUntil || a.id - b.id);
    for (let skips = 0; skips <= MAX_SKIPS_PER_CLAIM; skips++) {
      const recovered = expired.length > 0;
      const job =
        expired.shift() ??
        (await pendingPossiblySent(db)).find((j) => j.nextAttemptAt <= now) ??
        (await db.jobs
          .where('[state+nextAttemptAt]')
          .between(['pending', Dexie.minKey], ['pending', now], true, true)
          .first());
      if (!job) {
        const next = await db.jobs
          .where('[state+nextAttemptAt]')
          .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
          .first();
        return { kind: 'idle', wakeAt: next ? next.nextAttemptAt : null };
      }
      // 5. Blacklist / current employer, checked now (the list may have changed since enqueue).
      const blocked = employerBlockReason(job.vacancy, config.blacklist, config.currentEmployer);
      if (blocked) {
        // A recovered job may have been sent before the employer was blacklisted: its maybeSentAt stays,
        // so it keeps counting against the cap for 24 h (conservative), but it is never POSTed again.
        await db.jobs.update(job.id, {
          state: 'skipped',
          reason: 'blacklisted',
          leaseOwner: null,
          leaseUntil: 0,
          outcome: { kind: 'blacklisted', at: now },
          updatedAt: now,
        });
        await logEvent(
          db,
          { id: job.id, state: 'skipped' },
          'skipped',
          blocked + (recovered ? ' (lease had expired: an earlier attempt may have reached hh)' : ''),
          now,
        );
        continue;
      }
      // 6. The rolling daily cap.
      const { used, oldest } = await usedInWindow(db, now, job.id);
      if (used >= config.dailyCap) {
        // The window frees a slot for fresh jobs; a possibly-sent job in backoff is retried before that, when due.
        const retry = (await pendingPossiblySent(db)).find((j) => j.id !== job.id && j.nextAttemptAt > now);
        const frees = (oldest ?? now) + WINDOW_MS + 1;
        return {
          kind: 'capped',
          used,
          cap: config.dailyCap,
          wakeAt: Math.max(now + 1000, Math.min(frees, retry?.nextAttemptAt ?? frees)),
        };
      }
      // 7. Claim. maybeSentAt = now: from this moment an application may exist at hh until hh says otherwise.
      const claimed: Job = {
        ...job,
        state: 'processing',
        leaseOwner: owner,
        leaseUntil: now + config.leaseMs,
        attempts: job.attempts + 1,
        maybeSentAt: now,
        unconfirmed: job.unconfirmed || recovered,
        updatedAt: now,
      };
      await db.jobs.put(claimed);
      await db.meta.put({ key: 'pacing', value: { nextAt: now + pacingDelay(config, ctx.random), at: now } });
      await logEvent(
        db,
        claimed,
        recovered ? 'recovered' : 'claimed',
        recovered
          ? `lease of ${job.leaseOwner ?? '?'} expired (worker stopped mid-way); re-sending: hh answers "already applied" if the first POST landed — attempt ${claimed.attempts}`
          : `attempt ${claimed.attempts} (resume ${job.resumeHash.slice(0, 6)}…)`,
        now,
      );
      return { kind: 'claimed', job: claimed, recovered };
    }
    return { kind: 'idle', wakeAt: now + 1000 };
  });
}
