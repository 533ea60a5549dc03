import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseListingSwitch, type ListingSwitch } from './listing-switch';
import { MIGRATIONS } from '../../core/settings/migrations';
import { defaultSettings, settingsSchema } from '../../core/settings/schema';
import { currentOrNull, watchStoredSettings } from './watch-stored';
import { SETTINGS_VERSION } from '../../core/settings/version';

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('read-only settings of the content scripts', () => {
  it('no stored value: defaults; current version: parsed; older version: nothing (the worker migrates)', () => {
    const parse = (raw: unknown) => parseListingSwitch(raw);
    expect(currentOrNull(undefined, undefined, parse)).toEqual({ value: { enabled: true } });
    const stored = { ...defaultSettings(), enabled: false };
    expect(currentOrNull(stored, { v: SETTINGS_VERSION }, parse)?.value.enabled).toBe(false);
    // A bad section elsewhere (say, letters) does not switch listing triage off.
    expect(parse({ enabled: true, letters: 'broken' }).enabled).toBe(true);
    expect(currentOrNull(stored, { v: SETTINGS_VERSION - 1 }, parse)).toBeNull();
    // No version mark = version 1, as in WXT storage.
    expect(currentOrNull(stored, undefined, parse)).toBeNull();
  });

  it('delivers the stored settings, then every change, and never writes', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...defaultSettings(), enabled: false },
      settings$: { v: SETTINGS_VERSION },
    });
    const seen: boolean[] = [];
    const stop = watchStoredSettings(parseListingSwitch, (s: ListingSwitch) => seen.push(s.enabled));
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
    const seen: unknown[] = [];
    const stop = watchStoredSettings(
      (raw) => settingsSchema.parse(raw),
      (s) => seen.push(s),
    );
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
    expect(parseListingSwitch({ enabled: 'maybe' }, (m) => errors.push(m))).toEqual({ enabled: true });
    expect(errors[0]).toMatch(/enabled/);
  });
});
