import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../settings/schema';
import { exportSettings } from '../settings/transfer';
import { getKey, keyLocation, maskKey, moveKeys, setKey } from './keys';

describe('API keys', () => {
  it('session by default, local only when asked; saving to one place removes it from the other; never in sync', async () => {
    await setKey('openai', ' sk-1 ', 'session');
    expect(await getKey('openai')).toBe('sk-1');
    expect(await keyLocation('openai')).toBe('session');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('sk-');
    await setKey('openai', 'sk-2', 'local');
    expect(await keyLocation('openai')).toBe('local');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('sk-');
    await moveKeys('session');
    expect(await keyLocation('openai')).toBe('session');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('sk-');
    await setKey('openai', '', 'session');
    expect(await getKey('openai')).toBe('');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(maskKey('sk-abcdef')).toBe('••••cdef');
  });

  it('a settings export never contains a key', async () => {
    await setKey('gigachat', 'secret-auth-key', 'local');
    const s = defaultSettings();
    s.letters.provider = 'gigachat';
    expect(JSON.stringify(exportSettings(s))).not.toContain('secret-auth-key');
  });
});
