import type { NegotiationRecord } from '../../core/db/negotiation-rows';

/**
 * The response funnel: applied → viewed → invited / rejected, overall, per week of sending, and by score band
 * (is the triage threshold right? if low-score applications never get invitations, raise it).
 *
 * Counted by milestones, not the current status: a response that was invited and later archived is invited;
 * "rejected" is a rejection without an invitation before it (an invitation that ended in a refusal is still
 * a success of the application). "Responded" = invited or rejected (the employer answered at all).
 */

export interface FunnelCounts {
  applied: number;
  viewed: number;
  invited: number;
  rejected: number;
  /** No answer yet (sent or viewed, not archived). */
  waiting: number;
  archived: number;
}

export interface WeekRow extends FunnelCounts {
  /** Monday 00:00 of the week (local time), ms epoch. */
  weekStart: number;
}

export interface BandRow extends FunnelCounts {
  /** Inclusive lower bound, exclusive upper (1 is inclusive for the top band); null = score unknown. */
  from: number | null;
  to: number | null;
  /** invited / applied; null when nothing was applied in the band. */
  inviteRate: number | null;
  /** (invited + rejected) / applied. */
  responseRate: number | null;
}

export interface Funnel {
  total: FunnelCounts;
  weeks: WeekRow[];
  bands: BandRow[];
}

/** What counts: a negotiation record, or an applied job not yet seen on hh (same milestone fields). */
export type FunnelItem = Pick<
  NegotiationRecord,
  'appliedAt' | 'viewedAt' | 'invitedAt' | 'rejectedAt' | 'archivedAt' | 'score' | 'status'
>;

export const SCORE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [0, 0.3],
  [0.3, 0.55],
  [0.55, 0.7],
  [0.7, 0.85],
  [0.85, 1],
];

const empty = (): FunnelCounts => ({ applied: 0, viewed: 0, invited: 0, rejected: 0, waiting: 0, archived: 0 });

function add(c: FunnelCounts, r: FunnelItem): void {
  c.applied++;
  const invited = r.invitedAt !== null;
  const rejected = !invited && r.rejectedAt !== null;
  if (r.viewedAt !== null || invited || rejected) c.viewed++;
  if (invited) c.invited++;
  if (rejected) c.rejected++;
  if (!invited && !rejected) {
    if (r.archivedAt !== null || r.status === 'archived') c.archived++;
    else c.waiting++;
  }
}

/** Monday 00:00 local time of the week holding `t`. */
export function weekStartLocal(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

export function bandOf(score: number | null): number {
  if (score === null) return -1;
  const i = SCORE_BANDS.findIndex(([from, to]) => score >= from && (score < to || (to === 1 && score <= 1)));
  return i;
}

const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export function computeFunnel(
  items: readonly FunnelItem[],
  opts: { weeks?: number; now?: number; weekStart?: (t: number) => number } = {},
): Funnel {
  const weekStart = opts.weekStart ?? weekStartLocal;
  const total = empty();
  const weeks = new Map<number, WeekRow>();
  const bands: BandRow[] = SCORE_BANDS.map(([from, to]) => ({
    ...empty(),
    from,
    to,
    inviteRate: null,
    responseRate: null,
  }));
  const unknown: BandRow = { ...empty(), from: null, to: null, inviteRate: null, responseRate: null };
  for (const r of items) {
    add(total, r);
    const w = weekStart(r.appliedAt);
    let row = weeks.get(w);
    if (!row) weeks.set(w, (row = { ...empty(), weekStart: w }));
    add(row, r);
    const b = bandOf(r.score);
    add(b >= 0 ? bands[b]! : unknown, r);
  }
  for (const b of [...bands, unknown]) {
    b.inviteRate = rate(b.invited, b.applied);
    b.responseRate = rate(b.invited + b.rejected, b.applied);
  }
  let weekRows = [...weeks.values()].sort((a, b) => b.weekStart - a.weekStart);
  if (opts.weeks !== undefined) weekRows = weekRows.slice(0, opts.weeks);
  return { total, weeks: weekRows, bands: unknown.applied ? [...bands, unknown] : bands };
}
