import { describe, expect, it } from 'vitest';
import { readSettings } from './read';
import { defaultSettings } from './schema';

describe('readSettings (pure)', () => {
  it('a whole section of the wrong shape falls back alone', () => {
    const r = readSettings({ apply: 'fast please', profile: { skills: ['Go'] } });
    expect(r.settings.apply).toEqual(defaultSettings().apply);
    expect(r.settings.profile.skills).toEqual(['Go']);
    expect(r.fallbacks).toEqual([{ path: 'apply', message: expect.any(String), stored: 'fast please' }]);
  });

  it('every item of a list bad: the list is empty, each item reported; a list too long falls back whole', () => {
    const r = readSettings({
      profile: { skills: [1, 2], cities: Array.from({ length: 501 }, (_, i) => `c${i}`), desiredTitles: ['QA'] },
    });
    expect(r.settings.profile.skills).toEqual([]);
    expect(r.settings.profile.cities).toEqual([]);
    expect(r.settings.profile.desiredTitles).toEqual(['QA']);
    expect(r.fallbacks.map((f) => f.path)).toEqual(['profile.cities', 'profile.skills.0', 'profile.skills.1']);
  });

  it('a bad field inside a list item that has a default: the item keeps the rest', () => {
    const r = readSettings({
      qa: {
        items: [
          { kind: 'salary', answer: 'от 150 000' },
          { kind: 'telepathy', answer: 'да' },
        ],
      },
    });
    expect(r.settings.qa.items).toEqual([
      { kind: 'salary', pattern: '', answer: 'от 150 000' },
      { kind: 'custom', pattern: '', answer: 'да' },
    ]);
    expect(r.fallbacks.map((f) => f.path)).toEqual(['qa.items.1.kind']);
  });

  it('does not touch what it was given', () => {
    const raw = { apply: { dailyCap: 'x' }, extra: [1] };
    const copy = structuredClone(raw);
    readSettings(raw);
    expect(raw).toEqual(copy);
  });

  it('nothing stored: defaults, nothing reported', () => {
    expect(readSettings(undefined)).toEqual({ settings: defaultSettings(), fallbacks: [] });
    expect(readSettings(null)).toEqual({ settings: defaultSettings(), fallbacks: [] });
  });
});
