import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateSettings } from './migrations';
import { SETTINGS_VERSION, settingsSchema } from './schema';

const fixture = (v: number): unknown =>
  JSON.parse(readFileSync(resolve(__dirname, `../../../test/fixtures/settings/v${v}.json`), 'utf8'));

describe('settings migrations', () => {
  it('has a migration and a fixture for every version after 1', () => {
    for (let v = 1; v <= SETTINGS_VERSION; v++) {
      expect(existsSync(resolve(__dirname, `../../../test/fixtures/settings/v${v}.json`)), `fixture v${v}.json`).toBe(
        true,
      );
      if (v > 1) expect(MIGRATIONS[v], `migration to v${v}`).toBeTypeOf('function');
    }
  });

  for (let v = 2; v <= SETTINGS_VERSION; v++) {
    it(`migrates v${v - 1} → v${v} exactly`, () => {
      expect(MIGRATIONS[v]!(fixture(v - 1))).toEqual(fixture(v));
    });
  }

  it('v1 → v2 keeps "hide" when v1 hid irrelevant cards, and tolerates a missing listing block', () => {
    expect(MIGRATIONS[2]!({ listing: { hideIrrelevant: true } })).toMatchObject({
      triage: { action: 'hide', showBadges: true },
    });
    expect(MIGRATIONS[2]!({ enabled: false })).toMatchObject({ enabled: false, triage: { action: 'hide' } });
  });

  it('v1 → v2 leaves an object that is already v2 intact', () => {
    expect(MIGRATIONS[2]!(fixture(2))).toEqual(fixture(2));
  });

  it('the oldest fixture migrates all the way to a valid current settings object', () => {
    const parsed = settingsSchema.safeParse(migrateSettings(fixture(1), 1, SETTINGS_VERSION));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.triage.action).toBe('dim');
  });

  it('refuses to migrate to a version it does not know', () => {
    expect(() => migrateSettings({}, SETTINGS_VERSION, SETTINGS_VERSION + 1)).toThrow(/no settings migration/);
  });
});
