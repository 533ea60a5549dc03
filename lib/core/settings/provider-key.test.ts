import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getKey, setKey } from '../letters/keys';
import { defaultSettings, type Settings } from './schema';
import { getSettings, loadSettings, replaceSettings, saveSettings, updateSettings } from './store';
import { importSettings } from '../../ext-pages/settings/transfer';
import { SETTINGS_KEY, SETTINGS_META_KEY, SETTINGS_VERSION } from './version';

const withUrl = (s: Settings, baseUrl: string): Settings => ({
  ...s,
  letters: { ...s.letters, provider: 'openai', openai: { ...s.letters.openai, baseUrl } },
});

describe('the API key belongs to the provider origin it was entered for', () => {
  it('another origin drops the key before the new URL is stored; another path keeps it', async () => {
    await saveSettings(withUrl(defaultSettings(), 'https://openrouter.ai/api/v1'));
    await setKey('openai', 'sk-user-key', 'local');
    await updateSettings((s) => withUrl(s, 'https://openrouter.ai/api/v2'));
    expect(await getKey('openai')).toBe('sk-user-key');
    await updateSettings((s) => withUrl(s, 'https://api.openai.com/v1'));
    expect(await getKey('openai')).toBe('');
  });

  it('a port or scheme change is another origin', async () => {
    await saveSettings(withUrl(defaultSettings(), 'http://localhost:11434/v1'));
    await setKey('openai', 'sk-local', 'session');
    await saveSettings(withUrl(await getSettings(), 'http://localhost:1234/v1'));
    expect(await getKey('openai')).toBe('');
  });

  it('a confirmed import that points elsewhere drops the key; a refused one (plain http) changes nothing', async () => {
    await saveSettings(withUrl(defaultSettings(), 'https://openrouter.ai/api/v1'));
    await setKey('openai', 'sk-user-key', 'session');
    const file = (baseUrl: string) =>
      JSON.stringify({
        app: 'otklik',
        kind: 'settings',
        version: SETTINGS_VERSION,
        settings: withUrl(defaultSettings(), baseUrl),
      });
    const refused = importSettings(file('http://attacker.example/v1'));
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatch(/letters\.openai\.baseUrl: plain http is allowed only to this computer/);
    expect(await getKey('openai')).toBe('sk-user-key');
    const accepted = importSettings(file('https://attacker.example/v1'));
    expect(accepted.ok).toBe(true);
    if (accepted.ok) await replaceSettings(accepted.settings);
    expect(await getKey('openai')).toBe('');
    expect((await getSettings()).letters.openai.baseUrl).toBe('https://attacker.example/v1');
  });

  it('a stored plain-http remote URL (written before this rule) reads as not set, never as the default host', async () => {
    const s = withUrl(defaultSettings(), 'https://x.example/v1');
    const stored = {
      ...s,
      letters: { ...s.letters, openai: { ...s.letters.openai, baseUrl: 'http://attacker.example/v1' } },
    };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: stored, [SETTINGS_META_KEY]: { v: SETTINGS_VERSION } });
    await setKey('openai', 'sk-user-key', 'session');
    const read = await loadSettings();
    expect(read.settings.letters.openai.baseUrl).toBe('');
    expect(read.fallbacks.map((f) => f.path)).toEqual(['letters.openai.baseUrl']);
    // Reading changes nothing; setting a URL (any: the key was sent to the stored one) drops the key.
    expect(await getKey('openai')).toBe('sk-user-key');
    await updateSettings((x) => withUrl(x, 'https://openrouter.ai/api/v1'));
    expect(await getKey('openai')).toBe('');
  });
});
