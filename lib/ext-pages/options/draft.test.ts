import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../core/match';
import { defaultSettings, settingsSchema } from '../../core/settings/schema';
import { checkDraft, fromDraft, toDraft } from './draft';
import { optionsTexts } from './texts';

const en = optionsTexts.en;
const ru = optionsTexts.ru;

describe('options draft', () => {
  it('round-trips the defaults unchanged (thresholds stay "tuned defaults")', () => {
    const base = defaultSettings();
    const r = fromDraft(toDraft(base), base, en);
    expect(r).toEqual({ ok: true, settings: base });
  });

  it('stores changed thresholds and profile lists', () => {
    const base = defaultSettings();
    // (not the default hide threshold on the calibrated scale: that is stored as null)
    const hide = Math.round(DEFAULT_THRESHOLDS.hide * 100) + 5;
    const d = {
      ...toDraft(base),
      hideBelow: hide,
      dimBelow: 60,
      titles: 'Python-разработчик\nBackend developer',
      skills: 'Python, SQL, python',
      minSalary: '150 000',
    };
    const r = fromDraft(d, base, en);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.settings.triage.hideBelow).toBe(hide / 100);
    expect(r.settings.triage.dimBelow).toBe(0.6);
    expect(r.settings.profile.desiredTitles).toEqual(['Python-разработчик', 'Backend developer']);
    expect(r.settings.profile.skills).toEqual(['Python', 'SQL']);
    expect(r.settings.profile.minSalary).toBe(150_000);
  });

  it('hides employers hh warns about only for the warnings checked (off by default); an old stored profile reads as off', () => {
    const base = defaultSettings();
    expect(toDraft(base).hideEmployerWarnings).toEqual([]);
    const r = fromDraft({ ...toDraft(base), hideEmployerWarnings: ['pdResale', 'hasBreaches'] }, base, en);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.settings.profile.hideEmployerWarnings).toEqual(['pdResale', 'hasBreaches']);
    expect(toDraft(r.settings).hideEmployerWarnings).toEqual(['pdResale', 'hasBreaches']);
    // Settings stored before this filter existed have no field: the schema's default (off) needs no migration step.
    const { hideEmployerWarnings: _gone, ...oldProfile } = base.profile;
    expect(settingsSchema.parse({ ...base, profile: oldProfile }).profile.hideEmployerWarnings).toEqual([]);
  });

  it('names every bad field with a message in the UI language', () => {
    const d = {
      ...toDraft(defaultSettings()),
      dailyCap: '500',
      pacingMin: '90',
      pacingMax: '30',
      minSalary: 'сто тысяч',
      quietEnabled: true,
      quietFrom: '25:00',
      hideBelow: 70,
      dimBelow: 50,
    };
    expect(checkDraft(d, en)).toEqual({
      dailyCap: 'A number from 1 to 200.',
      pacingMin: '“From” must not exceed “to”.',
      minSalary: 'A whole number of roubles, e.g. 150000.',
      quietFrom: 'Time as HH:MM.',
      hideBelow: 'The hide threshold must not be above the dim threshold.',
    });
    expect(checkDraft({ ...d, dailyCap: '' }, ru).dailyCap).toBe('Заполните поле.');
    expect(checkDraft({ ...d, dailyCap: '1.5' }, ru).dailyCap).toBe('Введите целое число.');
    const r = fromDraft(d, defaultSettings(), en);
    expect(r.ok).toBe(false);
  });

  it('ignores quiet-hour times while quiet hours are off', () => {
    const d = { ...toDraft(defaultSettings()), quietEnabled: false, quietFrom: '' };
    expect(checkDraft(d, en)).toEqual({});
  });
});
