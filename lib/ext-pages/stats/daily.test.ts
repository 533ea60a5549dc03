import { describe, expect, it } from 'vitest';
import { axisMax, dailyStats, outcomeTotals } from './daily';

const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();

describe('dailyStats', () => {
  it('buckets events by local day, oldest first, with empty days present', () => {
    const events = [
      { at: at(20, 9), type: 'applied' as const },
      { at: at(20, 23), type: 'applied' as const },
      { at: at(21, 0), type: 'already_applied' as const },
      { at: at(21, 1), type: 'needs_user' as const },
      { at: at(23, 12), type: 'failed' as const },
      { at: at(23, 12), type: 'claimed' as const }, // not an outcome
      { at: at(10, 12), type: 'applied' as const }, // outside the range
    ];
    const days = dailyStats(events, at(23, 18), 4);
    expect(days.map((d) => d.key)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(days.map((d) => [d.applied, d.needsUser, d.failed])).toEqual([
      [2, 0, 0],
      [1, 1, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
    expect(days[0]!.start).toBe(new Date(2026, 10, 20).getTime());
  });

  it('crosses a month boundary', () => {
    const days = dailyStats(
      [{ at: new Date(2026, 11, 1, 8).getTime(), type: 'applied' }],
      new Date(2026, 11, 1, 9).getTime(),
      3,
    );
    expect(days.map((d) => d.key)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(days[2]!.applied).toBe(1);
  });
});

describe('outcomeTotals and axisMax', () => {
  it('counts skipped with failed and keeps removed jobs out', () => {
    expect(
      outcomeTotals({ applied: 7, needs_user: 2, failed: 1, skipped: 3, pending: 4, review: 1, cancelled: 9 }),
    ).toEqual({
      applied: 7,
      needsUser: 2,
      failed: 4,
      waiting: 5,
    });
  });

  it('rounds the axis up to 1/2/5 steps', () => {
    const day = (applied: number) => ({ start: 0, key: '', applied, needsUser: 0, failed: 0 });
    expect(axisMax([day(0)])).toBe(5);
    expect(axisMax([day(7)])).toBe(10);
    expect(axisMax([day(13)])).toBe(20);
    expect(axisMax([day(48)])).toBe(50);
    expect(axisMax([day(120)])).toBe(200);
  });
});
