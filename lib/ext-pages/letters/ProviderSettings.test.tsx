import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { getKey, keyLocation, maskKey, setKey } from '../../core/letters/keys';
import type { LettersSettings } from '../../core/letters/settings';
import type { ProviderStatus } from '../../core/messaging/protocol';
import { defaultSettings } from '../../core/settings/schema';
import { getSettings, saveSettings } from '../../core/settings/store';
import { useDomRoot } from '../../../test/dom-root';
import { ProviderSettings } from './ProviderSettings';

/** A background that answers providerStatus from the real key storage. */
function fakeSend() {
  const calls: string[] = [];
  const send = (async (type: string) => {
    calls.push(type);
    if (type !== 'providerStatus') throw new Error(`unexpected ${type}`);
    const status: ProviderStatus = {
      provider: 'openai',
      key: {
        openai: await keyLocation('openai'),
        gigachat: null,
        openaiMask: maskKey(await getKey('openai')),
        gigachatMask: '',
      },
      capability: null,
      capabilityError: null,
      models: [],
      download: null,
    };
    return status;
  }) as unknown as NonNullable<Parameters<typeof ProviderSettings>[0]['send']>;
  return { send, calls };
}

let root: HTMLElement;
useDomRoot((r) => (root = r));

async function mount() {
  const s = defaultSettings();
  const letters: LettersSettings = {
    ...s.letters,
    provider: 'openai',
    openai: { ...s.letters.openai, baseUrl: 'https://openrouter.ai/api/v1' },
  };
  await saveSettings({ ...s, letters });
  await setKey('openai', 'sk-user-key-1a2b', 'session');
  const saves: LettersSettings[] = [];
  const { send } = fakeSend();
  const onSave = async (next: LettersSettings) => {
    saves.push(next);
    await saveSettings({ ...(await getSettings()), letters: next });
  };
  render(<ProviderSettings value={letters} onSave={onSave} send={send} requestHosts={async () => true} />, root);
  await vi.waitFor(() =>
    expect(root.querySelector('[data-testid="letters-key-state"]')!.textContent).toContain('1a2b'),
  );
  return { saves };
}

function typeUrl(url: string) {
  const input = root.querySelector<HTMLInputElement>('[data-testid="letters-base-url"]')!;
  input.value = url;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('provider URL in the options', () => {
  it('plain http to another machine is refused under the field; nothing is saved, the key stays', async () => {
    const { saves } = await mount();
    typeUrl('http://attacker.example/v1');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="letters-url-error"]')).not.toBeNull());
    expect(root.querySelector('[data-testid="letters-url-error"]')!.textContent).toMatch(
      /http:\/\/attacker\.example\/v1.*https:\/\/.*localhost/,
    );
    expect(root.querySelector('[data-testid="letters-base-url"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(saves).toEqual([]);
    expect((await getSettings()).letters.openai.baseUrl).toBe('https://openrouter.ai/api/v1');
    expect(await getKey('openai')).toBe('sk-user-key-1a2b');
  });

  it('http to this computer is accepted; another origin drops the stored key and the page shows it gone', async () => {
    await mount();
    typeUrl('http://localhost:11434/v1');
    await vi.waitFor(async () =>
      expect((await getSettings()).letters.openai.baseUrl).toBe('http://localhost:11434/v1'),
    );
    expect(root.querySelector('[data-testid="letters-url-error"]')).toBeNull();
    expect(await getKey('openai')).toBe('');
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="letters-key-state"]')!.textContent).toMatch(/No key|Ключ не задан/),
    );
  });

  it('a key saved right after a URL change is kept (the change drops the old key first)', async () => {
    const { send } = fakeSend();
    const s = defaultSettings();
    const letters: LettersSettings = { ...s.letters, provider: 'openai' };
    await saveSettings({ ...s, letters });
    await setKey('openai', 'sk-old-key', 'session');
    const sendWithKeys = (async (type: string, payload: unknown) => {
      if (type === 'setApiKey') {
        const p = payload as { key: string; storage: 'session' | 'local' };
        await setKey('openai', p.key, p.storage);
        return { ok: true, mask: maskKey(p.key) };
      }
      return send(type as 'providerStatus', payload as never);
    }) as typeof send;
    render(
      <ProviderSettings
        value={letters}
        onSave={async (next) => void (await saveSettings({ ...(await getSettings()), letters: next }))}
        send={sendWithKeys}
        requestHosts={async () => true}
      />,
      root,
    );
    await vi.waitFor(() => expect(root.querySelector('[data-testid="letters-base-url"]')).not.toBeNull());
    typeUrl('https://api.openai.com/v1');
    const key = root.querySelector<HTMLInputElement>('[data-testid="letters-key"]')!;
    key.value = 'sk-new-key-5678';
    key.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() =>
      expect(root.querySelector<HTMLButtonElement>('.otk-row button:not([disabled])')).not.toBeNull(),
    );
    [...root.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => /Save key|Сохранить ключ/.test(b.textContent ?? ''))!
      .click();
    await vi.waitFor(async () => expect(await getKey('openai')).toBe('sk-new-key-5678'));
    await vi.waitFor(async () =>
      expect((await getSettings()).letters.openai.baseUrl).toBe('https://api.openai.com/v1'),
    );
    expect(await getKey('openai')).toBe('sk-new-key-5678');
  });

  it('a new path on the same origin keeps the key', async () => {
    await mount();
    typeUrl('https://openrouter.ai/api/v2');
    await vi.waitFor(async () =>
      expect((await getSettings()).letters.openai.baseUrl).toBe('https://openrouter.ai/api/v2'),
    );
    expect(await getKey('openai')).toBe('sk-user-key-1a2b');
  });
});
