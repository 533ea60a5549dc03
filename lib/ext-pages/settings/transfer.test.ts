import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION, defaultSettings, type Settings } from '../../core/settings/schema';
import { exportSettings, importSettings } from './transfer';

const custom = (): Settings => {
  const s = defaultSettings();
  s.profile.desiredTitles = ['Python-разработчик'];
  s.profile.skills = ['Python', 'Django'];
  s.profile.minSalary = 150000;
  s.profile.employerBlacklist = [{ id: '42', name: 'Рога и копыта' }];
  s.triage.action = 'dim';
  return s;
};

describe('settings export/import', () => {
  it('round-trips', () => {
    const s = custom();
    const r = importSettings(exportSettings(s));
    expect(r).toEqual({ ok: true, settings: s });
  });

  it('rejects text that is not JSON', () => {
    const r = importSettings('{"app": "otklik",');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not valid JSON/);
  });

  it('rejects a JSON file of another kind, saying what it expected', () => {
    const r = importSettings(JSON.stringify({ name: 'something else' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/"app": "otklik"/);
  });

  it('rejects a file from a newer version and says which', () => {
    const r = importSettings(
      JSON.stringify({ app: 'otklik', kind: 'settings', version: SETTINGS_VERSION + 1, settings: {} }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(new RegExp(`version ${SETTINGS_VERSION + 1}`));
  });

  it('names the bad field of invalid settings', () => {
    const file = JSON.parse(exportSettings(custom()));
    file.settings.profile.minSalary = 'a lot';
    file.settings.triage.action = 'explode';
    const r = importSettings(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/profile\.minSalary/);
      expect(r.error).toMatch(/triage\.action/);
    }
  });

  it('rejects inconsistent thresholds', () => {
    const file = JSON.parse(exportSettings(custom()));
    file.settings.triage.hideBelow = 0.8;
    file.settings.triage.dimBelow = 0.2;
    const r = importSettings(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/triage\.hideBelow/);
  });

  it('migrates a version-1 export', () => {
    const r = importSettings(
      JSON.stringify({
        app: 'otklik',
        kind: 'settings',
        version: 1,
        settings: { enabled: false, listing: { hideIrrelevant: true } },
      }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(1);
      expect(r.settings.enabled).toBe(false);
      expect(r.settings.triage.action).toBe('hide');
    }
  });
});
