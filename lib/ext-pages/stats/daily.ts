import type { JobEvent, JobState } from '../../core/db/schema';

/**
 * Statistics of the apply queue from its own records (pure; the pages read the tables and pass them in):
 * applications per local calendar day with what else happened that day, and the outcome totals.
 */
export interface DayStats {
  /** Local midnight of the day (ms epoch). */
  start: number;
  /** YYYY-MM-DD in local time. */
  key: string;
  applied: number;
  needsUser: number;
  failed: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The last `days` local days up to and including today's, oldest first, every day present (zeros included).
 * Counted from events: 'applied' (hh confirmed) and 'already_applied' (our lost answer, most likely ours) as
 * applications; 'needs_user' and 'failed' as the other outcomes. A job retried and applied later counts on
 * both days: the chart shows what happened each day.
 */
export function dailyStats(events: readonly Pick<JobEvent, 'at' | 'type'>[], now: number, days = 14): DayStats[] {
  const out: DayStats[] = [];
  const index = new Map<string, DayStats>();
  const today = new Date(now);
  for (let i = days - 1; i >= 0; i--) {
    // Calendar arithmetic on the date, not on ms: days around a DST switch are 23 or 25 hours long.
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i);
    const day: DayStats = { start: d.getTime(), key: localKey(d), applied: 0, needsUser: 0, failed: 0 };
    out.push(day);
    index.set(day.key, day);
  }
  for (const e of events) {
    const day = index.get(localKey(new Date(e.at)));
    if (!day) continue;
    if (e.type === 'applied' || e.type === 'already_applied') day.applied++;
    else if (e.type === 'needs_user') day.needsUser++;
    else if (e.type === 'failed') day.failed++;
  }
  return out;
}

export interface OutcomeTotals {
  applied: number;
  needsUser: number;
  /** Failed, plus skipped (blacklisted employer, archived vacancy): not sent either. */
  failed: number;
  /** Still to go: pending, sending, or waiting for the user's letter review. */
  waiting: number;
}

/** Where every job stands now (removed jobs are not counted). */
export function outcomeTotals(counts: Partial<Record<JobState, number>>): OutcomeTotals {
  const n = (s: JobState) => counts[s] ?? 0;
  return {
    applied: n('applied'),
    needsUser: n('needs_user'),
    failed: n('failed') + n('skipped'),
    waiting: n('pending') + n('processing') + n('review'),
  };
}

/** A "nice" top for the chart's axis (1, 2, 5 × 10^k) at or above the busiest day, at least 5. */
export function axisMax(days: readonly DayStats[]): number {
  const peak = Math.max(5, ...days.map((d) => d.applied + d.needsUser + d.failed));
  const mag = 10 ** Math.floor(Math.log10(peak));
  return [1, 2, 5, 10].map((f) => f * mag).find((v) => v >= peak)!;
}
