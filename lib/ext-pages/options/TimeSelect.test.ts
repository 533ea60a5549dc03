import { describe, expect, it } from 'vitest';
import { formatClock } from './TimeSelect';

describe('formatClock', () => {
  it('writes a time the way the UI language does: 24-hour in Russian, AM/PM in English', () => {
    expect(formatClock('23:00', 'ru')).toBe('23:00');
    expect(formatClock('07:30', 'ru')).toBe('07:30');
    expect(formatClock('23:00', 'en').replace(/\s/g, ' ')).toBe('11:00 PM');
  });
});
