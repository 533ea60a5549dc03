import type { OtklikDb } from '../db/db';
import type { PauseReason, PauseState } from '../../core/db/schema';

/**
 * The global pause switch. Kept in the queue database (not in settings): the worker sets it on captcha,
 * logout and limits, and the options page saves whole settings objects — a stale options tab must not be
 * able to undo a captcha pause. Reads/writes work inside the caller's transaction when there is one.
 */

export async function readPause(db: OtklikDb): Promise<PauseState | null> {
  const row = await db.meta.get('pause');
  return row?.key === 'pause' ? row.value : null;
}

/** Severity: a pause never replaces a more serious one (a person must act on captcha/login/xsrf). */
const RANK: Record<PauseReason, number> = {
  daily_limit: 1,
  user: 2,
  xsrf: 3,
  logged_out: 3,
  captcha: 3,
  unknown_answer: 3,
};
export const pauseRank = (r: PauseReason): number => RANK[r];

/** Sets the pause unless a more serious one is in force; returns the pause now in force. */
export async function setPause(db: OtklikDb, next: PauseState): Promise<PauseState> {
  return db.transaction('rw', db.meta, async () => {
    const cur = await readPause(db);
    if (cur && RANK[cur.reason] > RANK[next.reason]) return cur;
    await db.meta.put({ key: 'pause', value: next });
    return next;
  });
}

export async function clearPause(db: OtklikDb): Promise<PauseState | null> {
  return db.transaction('rw', db.meta, async () => {
    const cur = await readPause(db);
    await db.meta.put({ key: 'pause', value: null });
    return cur;
  });
}

export const PAUSE_MESSAGES: Record<PauseReason, string> = {
  user: 'Paused by you.',
  captcha: 'hh.ru asks for a captcha. Open hh.ru, solve it, then resume the queue.',
  logged_out: 'You are logged out of hh.ru. Log in, then resume the queue.',
  daily_limit: 'hh.ru daily limit reached: the queue resumes when the 24-hour window frees up.',
  xsrf: 'hh.ru refused the session token twice. Reload hh.ru (or log in again), then resume the queue.',
  unknown_answer:
    'hh.ru answered an application in a way Otklik does not understand: it may have been sent, so it counts against your limit and is not sent again. Otklik checks your responses on hh.ru; look at the job, then resume the queue.',
};
