import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../settings/schema';
import { exportSettings } from '../../ext-pages/settings/transfer';
import { clearSecretsForTests, readSecret } from '../platform/secret-store';
import { getTelegramToken, setTelegramToken } from '../notify/token';
import { getKey, keyLocation, maskKey, migrateRememberedKeys, moveKeys, setKey } from './keys';

/** Everything a content script could read: chrome.storage.local (and sync). */
const contentReadable = async () =>
  JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);

describe('API keys', () => {
  beforeEach(() => clearSecretsForTests());

  it('session by default, remembered (IndexedDB) only when asked; saving to one place removes it from the other; never in storage.local or sync', async () => {
    await setKey('openai', ' sk-1 ', 'session');
    expect(await getKey('openai')).toBe('sk-1');
    expect(await keyLocation('openai')).toBe('session');
    expect(await contentReadable()).not.toContain('sk-');
    await setKey('openai', 'sk-2', 'local');
    expect(await keyLocation('openai')).toBe('local');
    expect(await readSecret('letterKey:openai')).toBe('sk-2');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('sk-');
    expect(await contentReadable()).not.toContain('sk-');
    await moveKeys('session');
    expect(await keyLocation('openai')).toBe('session');
    expect(await readSecret('letterKey:openai')).toBe('');
    await moveKeys('local');
    expect(await getKey('openai')).toBe('sk-2');
    expect(await contentReadable()).not.toContain('sk-');
    await setKey('openai', '', 'session');
    expect(await getKey('openai')).toBe('');
    expect(await readSecret('letterKey:openai')).toBe('');
    expect(maskKey('sk-abcdef')).toBe('••••cdef');
  });

  it('moves keys an older version remembered in storage.local out of it (kept, and deleted there)', async () => {
    await fakeBrowser.storage.local.set({
      letterKeys: { openai: 'sk-old-1234', gigachat: 'giga-old' },
      settings: { keep: true },
    });
    await migrateRememberedKeys();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { keep: true } });
    expect(await getKey('openai')).toBe('sk-old-1234');
    expect(await keyLocation('gigachat')).toBe('local');
    // A key written there later (a rollback to an old version) is moved on the next read; a newer one wins.
    await setKey('openai', 'sk-new', 'local');
    await fakeBrowser.storage.local.set({ letterKeys: { openai: 'sk-stale' } });
    expect(await getKey('openai')).toBe('sk-new');
    expect(await contentReadable()).not.toContain('sk-');
    // Garbage there is deleted too, and costs nothing else.
    await fakeBrowser.storage.local.set({ letterKeys: 'nonsense' });
    expect(await getKey('gigachat')).toBe('giga-old');
    expect(await fakeBrowser.storage.local.get('letterKeys')).toEqual({});
  });

  it('the Telegram bot token lives in IndexedDB; an old storage.local copy is moved out', async () => {
    const token = '123456789:AAHfakeTokenForTestsOnly_abcdefghijk';
    await fakeBrowser.storage.local.set({ telegramToken: token });
    expect(await getTelegramToken()).toBe(token);
    expect(await contentReadable()).not.toContain('AAHfake');
    await setTelegramToken('');
    expect(await getTelegramToken()).toBe('');
    await setTelegramToken(token);
    expect(await readSecret('telegramToken')).toBe(token);
    expect(await contentReadable()).not.toContain('AAHfake');
    await expect(setTelegramToken('not a token')).rejects.toThrow(/not a Telegram bot token/);
    expect(await getTelegramToken()).toBe(token);
  });

  it('a settings export never contains a key', async () => {
    await setKey('gigachat', 'secret-auth-key', 'local');
    const s = defaultSettings();
    s.letters.provider = 'gigachat';
    expect(JSON.stringify(exportSettings(s))).not.toContain('secret-auth-key');
  });
});
