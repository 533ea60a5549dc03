import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from './schema';
import { cachedSettings, getSettings, saveSettings, settingsItem, updateSettings, watchSettings } from './store';
import { importSettings } from '../../ext-pages/settings/transfer';

describe('settings store', () => {
  it('reads defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(defaultSettings());
  });

  it('saves, reads back and notifies watchers', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSettings((s) => seen.push(s.enabled));
    await updateSettings((s) => ({ ...s, enabled: false }));
    expect((await getSettings()).enabled).toBe(false);
    unwatch();
    expect(seen).toContain(false);
  });

  it('refuses to save invalid settings and keeps the stored ones', async () => {
    const good = await saveSettings({ ...defaultSettings(), debug: true });
    // @ts-expect-error deliberately invalid
    await expect(saveSettings({ ...good, triage: { action: 'nope' } })).rejects.toThrow();
    expect(await getSettings()).toEqual(good);
  });

  it('reads a corrupt stored value as defaults without overwriting it', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: 'maybe' } });
    expect(await getSettings()).toEqual(defaultSettings());
    expect(await settingsItem.getValue()).toEqual({ enabled: 'maybe' });
  });

  it('a rejected import changes nothing', async () => {
    const before = await saveSettings({ ...defaultSettings(), debug: true });
    const r = importSettings('{"app":"otklik","kind":"settings","version":2,"settings":{"enabled":"x"}}');
    expect(r.ok).toBe(false);
    expect(await getSettings()).toEqual(before);
  });
});

describe('cachedSettings', () => {
  it('reads once until the stored settings change, then reads the new ones', async () => {
    await saveSettings(defaultSettings()); // stored already: the first read writes no defaults (a change)
    let reads = 0;
    const settings = cachedSettings(async () => (reads++, getSettings()));
    expect((await settings()).enabled).toBe(true);
    expect((await settings()).enabled).toBe(true);
    expect(reads).toBe(1);
    await updateSettings((s) => ({ ...s, enabled: false }));
    await vi.waitFor(async () => expect((await settings()).enabled).toBe(false));
    expect(reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const settings = cachedSettings(
      async () => {
        if (fail) throw new Error('storage unavailable');
        return getSettings();
      },
      () => undefined,
    );
    await expect(settings()).rejects.toThrow('storage unavailable');
    fail = false;
    expect(await settings()).toEqual(defaultSettings());
  });

  it('a change during a read makes the next call read again', async () => {
    let changed: () => void = () => undefined;
    let reads = 0;
    const settings = cachedSettings(
      async () => (reads++, defaultSettings()),
      (c) => (changed = c),
    );
    const first = settings();
    changed();
    await first;
    await settings();
    expect(reads).toBe(2);
  });
});
