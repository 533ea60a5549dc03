import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseListingSettings, listingSettingsSchema, type ListingSettings } from './listing-schema';
import { MIGRATIONS } from './migrations';
import { defaultSettings, settingsSchema } from './schema';
import { currentOrNull, watchStoredSettings } from './watch-stored';
import { SETTINGS_VERSION } from './version';

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('read-only settings of the content scripts', () => {
  it('no stored value: defaults; current version: parsed; older version: nothing (the worker migrates)', () => {
    const parse = (raw: unknown) => parseListingSettings(raw);
    expect(currentOrNull(undefined, undefined, parse)).toEqual({ value: listingSettingsSchema.parse({}) });
    const stored = { ...defaultSettings(), enabled: false };
    expect(currentOrNull(stored, { v: SETTINGS_VERSION }, parse)?.value.enabled).toBe(false);
    expect(currentOrNull(stored, { v: SETTINGS_VERSION - 1 }, parse)).toBeNull();
    // No version mark = version 1, as in WXT storage.
    expect(currentOrNull(stored, undefined, parse)).toBeNull();
  });

  it('the listing reads cut-offs in the wrong order as they are (the full schema refuses them on every write)', () => {
    const stored = { ...defaultSettings(), triage: { ...defaultSettings().triage, hideBelow: 0.8, dimBelow: 0.5 } };
    stored.profile.desiredTitles = ['Python-разработчик'];
    const warned: string[] = [];
    const read = parseListingSettings(stored, (m) => warned.push(m));
    expect(warned).toEqual([]);
    expect(read.profile.desiredTitles).toEqual(['Python-разработчик']);
    expect(read.triage).toMatchObject({ hideBelow: 0.8, dimBelow: 0.5 });
    expect(settingsSchema.safeParse(stored).error?.issues[0]?.path).toEqual(['triage', 'hideBelow']);
  });

  it('delivers the stored settings, then every change, and never writes', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), enabled: false }, settings$: { v: SETTINGS_VERSION } });
    const seen: boolean[] = [];
    const stop = watchStoredSettings(parseListingSettings, (s: ListingSettings) => seen.push(s.enabled));
    await until(() => seen.length === 1);
    expect(seen).toEqual([false]);
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), enabled: true } });
    await until(() => seen.length === 2);
    expect(seen).toEqual([false, true]);
    stop();
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), enabled: false } });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([false, true]);
  });

  it('waits on a value of an older version until the worker has migrated it', async () => {
    const v2 = MIGRATIONS[2]!({ enabled: false, listing: { hideIrrelevant: false, showBadges: true } });
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    const seen: ListingSettings[] = [];
    const stop = watchStoredSettings(parseListingSettings, (s) => seen.push(s));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    expect(await fakeBrowser.storage.local.get(['settings$'])).toEqual({ settings$: { v: 2 } });
    // What WXT storage does in the worker: the migrated value and its version mark in one write.
    await fakeBrowser.storage.local.set({ settings: MIGRATIONS[3]!(v2), settings$: { v: 3 } });
    await until(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ enabled: false, triage: { action: 'dim' } });
    stop();
  });

  it('a corrupt value reads as defaults', () => {
    const errors: string[] = [];
    expect(parseListingSettings({ enabled: 'maybe' }, (m) => errors.push(m))).toEqual(listingSettingsSchema.parse({}));
    expect(errors[0]).toMatch(/enabled/);
  });
});
