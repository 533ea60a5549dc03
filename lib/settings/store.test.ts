import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from './schema';
import { getSettings, saveSettings, settingsItem, updateSettings, watchSettings } from './store';
import { importSettings } from './transfer';

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
