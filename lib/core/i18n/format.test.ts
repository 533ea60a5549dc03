import { describe, expect, it } from 'vitest';
import { atTime, duration, when } from './format';

describe('UI formats', () => {
  const now = new Date(2026, 10, 23, 10, 0).getTime();
  it('says when, with the right preposition and day', () => {
    expect(atTime(new Date(2026, 10, 23, 14, 5).getTime(), now, 'ru')).toBe('в 14:05');
    expect(atTime(new Date(2026, 10, 24, 9, 0).getTime(), now, 'ru')).toBe('завтра в 09:00');
    expect(atTime(new Date(2026, 10, 24, 9, 0).getTime(), now, 'en')).toBe('tomorrow at 09:00');
    expect(atTime(new Date(2026, 10, 30, 9, 0).getTime(), now, 'en')).toBe('30 Nov at 09:00');
    expect(when(new Date(2026, 10, 23, 14, 5).getTime(), now, 'en')).toBe('14:05');
    expect(when(new Date(2026, 10, 24, 9, 0).getTime(), now, 'ru')).toBe('завтра 09:00');
  });

  it('shortens waits', () => {
    expect(duration(45_000, 'ru')).toBe('45 с');
    expect(duration(3 * 60_000, 'en')).toBe('3 min');
    expect(duration(130 * 60_000, 'ru')).toBe('2 ч 10 мин');
    expect(duration(120 * 60_000, 'en')).toBe('2 h');
    expect(duration(-5, 'en')).toBe('0 s');
  });
});
