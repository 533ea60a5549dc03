import type { OtklikDb } from '../db/db';
import type { Job } from '../../core/db/schema';

/**
 * Wall-clock jumps. Every queue time (leases, pacing, retries, the send log of the rolling 24-hour cap, pauses)
 * is stored as wall time, so a clock set back 3 h would make every "not before" lie 3 h ahead (a stalled queue)
 * and a clock set forward 25 h would age every send out of the window at once (a cap of 3 sending 6 within a
 * real minute). The drain reads both clocks at the start of every step and compares them with the last reading
 * (meta row `clock`):
 *
 *  - same worker life: the wall clock moved `wall − prev.wall`, the monotonic clock (performance.now)
 *    `mono − prev.mono`; the difference is the jump, either way;
 *  - a new worker life (no shared monotonic clock): a wall clock earlier than the last reading is a jump back by
 *    that much (assuming no time passed, the conservative end); a forward jump between two lives cannot be told
 *    from time that really passed (the browser closed for a day) and is taken as real.
 *
 * A jump of more than JUMP_TOLERANCE_MS rebases what the old clock wrote by the jump, in one transaction before
 * the claim: "not before" times, leases, pause ends, the send log and the event log move with the clock, so the
 * queue waits exactly the real time it meant to wait and the cap counts sends over real elapsed time. What was
 * written after the jump (a job queued from a page meanwhile) is recognised by its write time and left alone.
 */
export interface ClockReading {
  wall: number;
  mono: number;
  /** The worker life that read it (the drain's owner id): monotonic readings compare only within one. */
  life: string;
}

/** Smaller differences are timer noise, not a jump. */
export const JUMP_TOLERANCE_MS = 2_000;

/** The jump between two readings (ms; > 0 = the wall clock went forward more than time passed). */
export function measureJump(prev: ClockReading | null, cur: ClockReading): number {
  if (!prev) return 0;
  if (prev.life === cur.life) return cur.wall - prev.wall - (cur.mono - prev.mono);
  return cur.wall < prev.wall ? cur.wall - prev.wall : 0;
}

export interface RebaseResult {
  jump: number;
  jobs: number;
  sends: number;
  events: number;
}

const shift = (t: number | undefined, j: number): number | undefined => (t === undefined ? undefined : t + j);

function shiftJob(job: Job, j: number, now: number): Job {
  const next: Job = {
    ...job,
    nextAttemptAt: job.nextAttemptAt + j,
    createdAt: job.createdAt + j,
    updatedAt: job.updatedAt + j,
  };
  if (job.leaseUntil > 0) next.leaseUntil = job.leaseUntil + j;
  // A possible send counts against the cap like a logged one: never moved earlier (see the send log below).
  if (job.maybeSentAt !== undefined) next.maybeSentAt = j > 0 ? job.maybeSentAt + j : Math.min(job.maybeSentAt, now);
  if (job.outcome) next.outcome = { ...job.outcome, at: job.outcome.at + j };
  if (job.letterDraft) next.letterDraft = { ...job.letterDraft, at: job.letterDraft.at + j };
  if (job.employerCheckedAt !== undefined) next.employerCheckedAt = job.employerCheckedAt + j;
  return next;
}

/**
 * Reads the clocks against the last reading, rebases the queue's times when they jumped, stores the new reading.
 * IndexedDB only inside one transaction. Returns what was moved (jump 0 = nothing).
 */
export function observeClock(db: OtklikDb, cur: ClockReading): Promise<RebaseResult> {
  return db.transaction('rw', [db.jobs, db.events, db.sends, db.meta], async (): Promise<RebaseResult> => {
    const row = await db.meta.get('clock');
    const prev = row?.key === 'clock' ? row.value : null;
    const jump = measureJump(prev, cur);
    await db.meta.put({ key: 'clock', value: cur });
    if (!prev || Math.abs(jump) <= JUMP_TOLERANCE_MS) return { jump: 0, jobs: 0, sends: 0, events: 0 };
    // Written by the old clock: at most its last reading (plus the tolerance). After a jump back, everything was.
    const bound = jump > 0 ? prev.wall + JUMP_TOLERANCE_MS : Infinity;
    const old = (t: number) => t <= bound;
    const jobs = (await db.jobs.toArray()).filter((j) => old(j.updatedAt)).map((j) => shiftJob(j, jump, cur.wall));
    if (jobs.length) await db.jobs.bulkPut(jobs);
    // The send log decides the cap: after a jump back, a send cannot be told apart from one written since (by the new
    // clock), so none is moved earlier — one "in the future" counts from now (never an under-count).
    const sends =
      jump > 0
        ? await db.sends.filter((s) => old(s.at)).modify((s) => void (s.at += jump))
        : await db.sends.filter((s) => s.at > cur.wall).modify((s) => void (s.at = cur.wall));
    const events = await db.events.filter((e) => old(e.at)).modify((e) => void (e.at += jump));
    const pacing = await db.meta.get('pacing');
    if (pacing?.key === 'pacing' && old(pacing.value.at ?? pacing.value.nextAt)) {
      await db.meta.put({
        key: 'pacing',
        value: { nextAt: pacing.value.nextAt + jump, at: (pacing.value.at ?? pacing.value.nextAt) + jump },
      });
    }
    const pause = await db.meta.get('pause');
    if (pause?.key === 'pause' && pause.value && old(pause.value.since)) {
      const p = { ...pause.value, since: pause.value.since + jump };
      const until = shift(pause.value.until, jump);
      if (until !== undefined) p.until = until;
      await db.meta.put({ key: 'pause', value: p });
    }
    return { jump, jobs: jobs.length, sends, events };
  });
}
