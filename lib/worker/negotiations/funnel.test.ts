import { describe, expect, it } from 'vitest';
import { bandOf, computeFunnel, weekStartLocal, type FunnelItem } from './funnel';

const item = (appliedAt: number, score: number | null, m: Partial<FunnelItem> = {}): FunnelItem => ({
  appliedAt,
  score,
  viewedAt: null,
  invitedAt: null,
  rejectedAt: null,
  archivedAt: null,
  status: 'sent',
  ...m,
});

const DAY = 86_400_000;
const week = (t: number) => Math.floor(t / (7 * DAY)) * 7 * DAY;

describe('funnel', () => {
  const items = [
    item(1 * DAY, 0.9, { viewedAt: 2, invitedAt: 3, status: 'invitation' }),
    item(1 * DAY, 0.9, { viewedAt: 2, status: 'viewed' }),
    item(2 * DAY, 0.2, { viewedAt: 2, rejectedAt: 3, status: 'rejection' }),
    item(8 * DAY, 0.2, { archivedAt: 9, status: 'archived' }),
    item(8 * DAY, null),
    // invited, later rejected: counts as invited, not rejected
    item(9 * DAY, 0.6, { viewedAt: 1, invitedAt: 2, rejectedAt: 3, status: 'rejection' }),
  ];
  const f = computeFunnel(items, { weekStart: week });

  it('counts milestones, not the current status', () => {
    expect(f.total).toEqual({ applied: 6, viewed: 4, invited: 2, rejected: 1, waiting: 2, archived: 1 });
  });

  it('groups by week of sending, newest first, and can keep only the last N weeks', () => {
    expect(f.weeks.map((w) => [w.weekStart / DAY, w.applied, w.invited])).toEqual([
      [7, 3, 1],
      [0, 3, 1],
    ]);
    expect(computeFunnel(items, { weekStart: week, weeks: 1 }).weeks).toHaveLength(1);
  });

  it('response and invitation rates by score band, unknown scores apart', () => {
    const rows = Object.fromEntries(
      f.bands.map((b) => [`${b.from}-${b.to}`, [b.applied, b.inviteRate, b.responseRate]]),
    );
    expect(rows).toEqual({
      '0-0.3': [2, 0, 0.5],
      '0.3-0.55': [0, null, null],
      '0.55-0.7': [1, 1, 1],
      '0.7-0.85': [0, null, null],
      '0.85-1': [2, 0.5, 0.5],
      'null-null': [1, 0, 0],
    });
    expect(computeFunnel([item(0, 0.5)]).bands.some((b) => b.from === null)).toBe(false);
  });

  it('band edges: lower inclusive, 1 in the top band', () => {
    expect([bandOf(0), bandOf(0.3), bandOf(0.2999), bandOf(1), bandOf(null)]).toEqual([0, 1, 0, 4, -1]);
  });

  it('local weeks start on Monday 00:00', () => {
    const wed = new Date(2026, 10, 25, 15, 30).getTime(); // Wednesday
    const mon = new Date(weekStartLocal(wed));
    expect([mon.getDay(), mon.getHours(), mon.getDate()]).toEqual([1, 0, 23]);
    expect(weekStartLocal(new Date(2026, 10, 29, 23).getTime())).toBe(mon.getTime()); // Sunday: same week
  });
});
